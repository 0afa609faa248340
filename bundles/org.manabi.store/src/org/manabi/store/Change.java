package org.manabi.store;

import java.util.List;

/**
 * What one committed change did: the registration as it now stands, and the people it moved from
 * the waiting list to a seat (they are to be told).
 */
public record Change(Registration registration, List<Registration> promoted) {

    public Change {
        promoted = List.copyOf(promoted);
    }
}
