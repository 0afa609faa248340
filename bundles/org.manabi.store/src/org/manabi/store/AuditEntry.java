package org.manabi.store;

import java.time.Instant;

/**
 * One row of the audit log: {@code staff} did {@code action} to {@code subject} at {@code at}.
 *
 * @param action  e.g. {@code read registrants}, {@code export csv}, {@code check-in}
 * @param subject e.g. a seminar id, or {@code registration 42 of dicom-beginner-2027}
 * @param address the client address the request came from, or {@code null} (the command line)
 */
public record AuditEntry(long id, Instant at, String staff, String action, String subject, String address) {
}
