package org.manabi.store;

import java.util.Set;

/**
 * A staff account as the server sees it after log-in.
 *
 * @param email    the address the member logs in with, as entered when the account was made
 * @param seminars the ids of the seminars an instructor is scoped to (empty for an admin, who sees all)
 */
public record StaffMember(long id, String email, StaffRole role, Set<String> seminars) {

    public StaffMember {
        seminars = Set.copyOf(seminars);
    }

    public boolean admin() {
        return role == StaffRole.ADMIN;
    }

    /** Whether the member may see the registrants of {@code seminarId} and check them in. */
    public boolean mayRead(String seminarId) {
        return admin() || seminars.contains(seminarId);
    }
}
