package org.manabi.store;

import java.time.Instant;

/**
 * A participant's registration for one seminar.
 *
 * @param token     the unguessable personal token of the participant's link (192 bits)
 * @param position  1-based place on the pool's waiting list when {@link RegistrationStatus#WAITING},
 *                  otherwise {@code null}
 * @param checkedIn when the participant was checked in at the door, or {@code null}
 * @param checkedInBy the staff member who checked the participant in, or {@code null}
 */
public record Registration(long id, String token, String seminarId, Pool pool, RegistrationStatus status,
        Integer position, Applicant applicant, Instant createdAt, Instant checkedIn, String checkedInBy) {
}
