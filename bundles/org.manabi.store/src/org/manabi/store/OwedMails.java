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
 * The mails owed to people: a durable outbox. The transaction that makes what a mail tells of writes the
 * mail owed with it — a registration and its changes ({@link Registrations}), a viewing ID issued or asked
 * for ({@link ViewingIds}), a request for a document's password ({@link DocumentRequests}), a personal-data
 * request received or settled ({@link PersonalDataRequests}) — so nothing that was acknowledged is left
 * without its mail, whether the server is busy, stops or is killed before sending it, or the mail server
 * is down; nothing waits in memory, so a burst cannot fill the heap with unsent mails.
 * <p>
 * A row names what the mail tells of, not the mail's text: the sender writes the mail when it sends it,
 * from that row as it stands then (a corrected address is used, an anonymised one is not). Removing a
 * person's data removes their mails owed with it ({@link Retention}).
 * <p>
 * A sender {@linkplain #take takes} the mails due, sends them and {@linkplain #sent deletes} them.
 * Taking one puts it out of reach of the other nodes for a lease; a node that dies while sending
 * leaves its mails to be taken again when the lease ends. A mail can therefore, rarely, go twice;
 * it is never lost.
 */
public final class OwedMails {

    /** What the person is told, and which row it is about. */
    public enum Kind {
        /** Registered: a seat or a place on the waiting list. */
        REGISTERED(About.REGISTRATION),
        /** Tried to register again with the same address: the existing personal link. */
        DUPLICATE(About.REGISTRATION),
        /** Moved up from the waiting list to a seat. */
        PROMOTED(About.REGISTRATION),
        /** Moved to the other pool. */
        MOVED(About.REGISTRATION),
        /** A viewing ID was issued: the ID and its link. */
        VIEWING_ID(About.VIEWING_ID),
        /** A viewing ID was asked for and waits for staff. */
        VIEWING_REQUEST(About.VIEWING_ID),
        /** A document's password was asked for: the receipt (the organisers send the password). */
        DOCUMENT_REQUEST(About.DOCUMENT_REQUEST),
        /** A personal-data request was received. */
        PRIVACY_RECEIVED(About.PERSONAL_DATA_REQUEST),
        /** A personal-data request was granted or refused. */
        PRIVACY_SETTLED(About.PERSONAL_DATA_REQUEST);

        private final About about;

        Kind(About about) {
            this.about = about;
        }

        /** How the kind is written in the database and in text keys: "registered", "viewing_id", … */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Which table's row the mail tells of. */
        public About about() {
            return about;
        }

        static Kind of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /** The tables a mail can tell of, each with the column of {@code owed_mail} that names its row. */
    public enum About {
        REGISTRATION("registration", "registration_id"),
        VIEWING_ID("viewing_id", "viewing_id"),
        DOCUMENT_REQUEST("document_request", "document_request_id"),
        PERSONAL_DATA_REQUEST("personal_data_request", "personal_data_request_id");

        final String table;
        final String column;

        About(String table, String column) {
            this.table = table;
            this.column = column;
        }
    }

    /** Whom a mail goes to when the row it tells of no longer holds it: the outcome of a granted deletion. */
    public record Recipient(String email, String name, String language) {
    }

    /**
     * A mail owed.
     *
     * @param about     the number of the row the mail tells of, in the table of {@link Kind#about()}
     * @param recipient whom it goes to, or {@code null}: the one the row names
     * @param site      the public address the links in the mail point to
     * @param attempts  how many times sending it failed already
     */
    public record Notice(long id, Kind kind, long about, Recipient recipient, URI site, int attempts) {
    }

    private static final String COLUMNS = "id, kind, COALESCE(registration_id, viewing_id, document_request_id, "
            + "personal_data_request_id), recipient_email, recipient_name, recipient_language, site, attempts";

    private final Database database;
    private final Clock clock;

    public OwedMails(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Writes a mail owed inside the caller's transaction: it commits, or rolls back, with what it tells of. */
    static void record(Connection connection, Kind kind, long about, URI site, Instant now) throws SQLException {
        record(connection, kind, about, null, site, now);
    }

    /** As {@link #record(Connection, Kind, long, URI, Instant)}, to {@code recipient} rather than whom the row names. */
    static void record(Connection connection, Kind kind, long about, Recipient recipient, URI site, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO owed_mail (kind, " + kind.about().column
                + ", recipient_email, recipient_name, recipient_language, site, created_at, attempts, not_before) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
            insert.setString(1, kind.key());
            insert.setLong(2, about);
            insert.setString(3, recipient == null ? null : recipient.email());
            insert.setString(4, recipient == null ? null : recipient.name());
            insert.setString(5, recipient == null ? null : recipient.language());
            insert.setString(6, site.toString());
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setTimestamp(8, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /**
     * Deletes, inside the caller's transaction, the mails owed about the rows of {@code about}'s table that
     * {@code where} selects (with one parameter, {@code key}): the data of their person is being removed, and
     * a mail not sent yet would carry it.
     */
    static void forget(Connection connection, About about, String where, Object key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM owed_mail WHERE " + about.column
                + " IN (SELECT id FROM " + about.table + " WHERE " + where + ")")) {
            delete.setObject(1, key);
            delete.executeUpdate();
        }
    }

    /**
     * Takes up to {@code max} mails that are due, oldest first, and holds them for {@code lease}:
     * no other sender gets them meanwhile.
     */
    public List<Notice> take(int max, Duration lease) throws StoreException {
        return database.inTransaction("take the mails to send", connection -> {
            Instant now = clock.instant();
            List<Notice> due = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM owed_mail WHERE not_before <= ? ORDER BY not_before, id FETCH FIRST ? ROWS ONLY")) {
                query.setTimestamp(1, Timestamp.from(now));
                query.setInt(2, max);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String email = rows.getString(4);
                        due.add(new Notice(rows.getLong(1), Kind.of(rows.getString(2)), rows.getLong(3),
                                email == null ? null : new Recipient(email, rows.getString(5), rows.getString(6)),
                                URI.create(rows.getString(7)), rows.getInt(8)));
                    }
                }
            }
            List<Notice> taken = new ArrayList<>(due.size());
            // the condition again on each row: a node that read the same rows finds them taken once
            // the other's update committed, and leaves them (PostgreSQL re-checks it on the new row version)
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE owed_mail SET not_before = ? WHERE id = ? AND not_before <= ?")) {
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

    /** These mails went out (or are not to go): they are deleted. */
    public void sent(List<Long> ids) throws StoreException {
        if (ids.isEmpty()) {
            return;
        }
        database.inTransaction("mark mails as sent", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM owed_mail WHERE id = ?")) {
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

    /** Sending failed: the mail is tried again after {@code wait}. */
    public void failed(Notice notice, Duration wait) throws StoreException {
        database.inTransaction("put a mail back to send later", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE owed_mail SET attempts = attempts + 1, not_before = ? WHERE id = ?")) {
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
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM owed_mail");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                int count = rows.getInt(1);
                connection.commit();
                return count;
            }
        });
    }
}
