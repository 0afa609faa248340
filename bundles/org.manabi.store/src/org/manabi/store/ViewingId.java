package org.manabi.store;

import java.time.Instant;

/**
 * A personal viewing ID for the videos of one seminar.
 *
 * @param code           what the holder types or follows ({@code XXXX-XXXX-XXXX-XXXX-XXXX}, 100 bits);
 *                       {@code null} while the request waits or when it was refused
 * @param registrationId the registration it was issued for, or {@code null} when it was requested
 * @param expiresAt      a per-ID end (trial IDs), or {@code null}: only the seminar's VOD window applies
 */
public record ViewingId(long id, String code, String seminarId, Long registrationId, String name, String email,
        String organization, String language, ViewingIdStatus status, Instant requestedAt, Instant issuedAt,
        Instant expiresAt, String decidedBy) {

    /**
     * How staff lists show the ID without handing out a key that opens the videos and the quiz: its first
     * group, the others masked ({@code 7K2M-****-****-****-****}); {@code #<number>} before it is issued.
     */
    public String masked() {
        return code == null ? "#" + id : code.substring(0, 4) + "-****-****-****-****";
    }

    /** Whether the ID's own expiry (not the window's) still lets it open videos at {@code now}. */
    public boolean unexpiredAt(Instant now) {
        return status == ViewingIdStatus.ISSUED && (expiresAt == null || now.isBefore(expiresAt));
    }
}
