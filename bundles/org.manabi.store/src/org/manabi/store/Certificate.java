package org.manabi.store;

import java.time.Instant;

/**
 * A certificate as issued: the verification {@code code} printed on it, whose it is, what for.
 *
 * @param hours the hours the seminar's rule credits, or {@code null}
 */
public record Certificate(long id, String code, String seminarId, String holder, String name, Double hours,
        Instant issuedAt) {
}
