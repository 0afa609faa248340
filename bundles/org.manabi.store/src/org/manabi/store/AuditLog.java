package org.manabi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log: one row for every read or export of participants' personal data by staff, and for
 * every change staff make (a check-in, an account). Rows are only added, never changed; the server
 * writes the row before it shows the data, so that nothing is shown that was not logged.
 */
public final class AuditLog {

    private static final int MAX_SUBJECT = 500;

    private final Database database;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Adds a row, committed when this returns.
     *
     * @param staff   the address of the staff member
     * @param action  what they did: {@code read registrants}, {@code export csv}, {@code check-in} …
     * @param subject to what: a seminar id, {@code registration 42 of …}; cut to 500 characters
     * @param address the client address of the request, or {@code null}
     */
    public void record(String staff, String action, String subject, String address) throws StoreException {
        String cut = subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
        database.inTransaction("write the audit log", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_log (at, staff_email, action, subject, address) VALUES (?, ?, ?, ?, ?)")) {
                insert.setTimestamp(1, Timestamp.from(clock.instant()));
                insert.setString(2, staff);
                insert.setString(3, action);
                insert.setString(4, cut);
                insert.setString(5, address);
                insert.executeUpdate();
            }
            connection.commit();
            return null;
        });
    }

    /** The latest {@code limit} rows, newest first. */
    public List<AuditEntry> recent(int limit) throws StoreException {
        return database.inTransaction("read the audit log", connection -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, at, staff_email, action, subject, address FROM audit_log ORDER BY id DESC")) {
                query.setMaxRows(limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new AuditEntry(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6)));
                    }
                }
            }
            connection.commit();
            return entries;
        });
    }
}
