package org.manabi.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mails owed to participants about changes of their registration: a durable outbox. The
 * transaction that changes a registration writes its notices ({@link Registrations} does), so a
 * change that was acknowledged is never left without its mail, whether the server is busy, stops or
 * is killed before sending it; nothing waits in memory, so a burst of registrations cannot fill the
 * heap with unsent mails.
 * <p>
 * A sender {@linkplain #take takes} the notices due, sends them and {@linkplain #sent deletes} them.
 * Taking one puts it out of reach of the other nodes for a lease; a node that dies while sending
 * leaves its notices to be taken again when the lease ends. A mail can therefore, rarely, go twice;
 * it is never lost.
 */
public final class RegistrationNotices {

    /** What the participant is told. */
    public enum Kind {
        /** Registered: a seat or a place on the waiting list. */
        REGISTERED,
        /** Tried to register again with the same address: the existing personal link. */
        DUPLICATE,
        /** Moved up from the waiting list to a seat. */
        PROMOTED,
        /** Moved to the other pool. */
        MOVED;

        /** How the kind is written in the database and in text keys: "registered", "promoted", … */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A mail owed.
     *
     * @param site     the public address the personal link in the mail points to
     * @param attempts how many times sending it failed already
     */
    public record Notice(long id, long registrationId, Kind kind, URI site, int attempts) {
    }

    private final Database database;
    private final Clock clock;

    public RegistrationNotices(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Writes a notice inside the caller's transaction: it commits, or rolls back, with the change it tells of. */
    static void record(Connection connection, long registrationId, Kind kind, URI site, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration_notice "
                + "(registration_id, kind, site, created_at, attempts, not_before) VALUES (?, ?, ?, ?, 0, ?)")) {
            insert.setLong(1, registrationId);
            insert.setString(2, kind.key());
            insert.setString(3, site.toString());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /**
     * Takes up to {@code max} notices that are due, oldest first, and holds them for {@code lease}:
     * no other sender gets them meanwhile.
     */
    public List<Notice> take(int max, Duration lease) throws StoreException {
        return database.inTransaction("take the mails to send", connection -> {
            Instant now = clock.instant();
            List<Notice> due = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id, registration_id, kind, site, attempts "
                    + "FROM registration_notice WHERE not_before <= ? ORDER BY not_before, id FETCH FIRST ? ROWS ONLY")) {
                query.setTimestamp(1, Timestamp.from(now));
                query.setInt(2, max);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Notice(rows.getLong(1), rows.getLong(2), Kind.of(rows.getString(3)),
                                URI.create(rows.getString(4)), rows.getInt(5)));
                    }
                }
            }
            List<Notice> taken = new ArrayList<>(due.size());
            // the condition again on each row: a node that read the same rows finds them taken once
            // the other's update committed, and leaves them (PostgreSQL re-checks it on the new row version)
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE registration_notice SET not_before = ? WHERE id = ? AND not_before <= ?")) {
                for (Notice notice : due) {
                    update.setTimestamp(1, Timestamp.from(now.plus(lease)));
                    update.setLong(2, notice.id());
                    update.setTimestamp(3, Timestamp.from(now));
                    if (update.executeUpdate() == 1) {
                        taken.add(notice);
                    }
                }
            }
            connection.commit();
            return taken;
        });
    }

    /** The mails of these notices went out (or are not to go): the notices are deleted. */
    public void sent(List<Long> ids) throws StoreException {
        if (ids.isEmpty()) {
            return;
        }
        database.inTransaction("mark mails as sent", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM registration_notice WHERE id = ?")) {
                for (long id : ids) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            connection.commit();
            return null;
        });
    }

    /** Sending failed: the notice is tried again after {@code wait}. */
    public void failed(Notice notice, Duration wait) throws StoreException {
        database.inTransaction("put a mail back to send later", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE registration_notice SET attempts = attempts + 1, not_before = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(clock.instant().plus(wait)));
                update.setLong(2, notice.id());
                update.executeUpdate();
            }
            connection.commit();
            return null;
        });
    }

    /** How many mails are owed, due or not: for the metrics endpoint. */
    public int pending() throws StoreException {
        return database.inTransaction("count the mails to send", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM registration_notice");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                int count = rows.getInt(1);
                connection.commit();
                return count;
            }
        });
    }
}
