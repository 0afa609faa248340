package org.manabi.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Personal viewing IDs: issued to registered participants, or asked for on a request form and then
 * issued by staff (or at once, where the seminar says so). Whether an ID opens a video at a given
 * moment also depends on the seminar's VOD window, which the content knows, not the store.
 */
public final class ViewingIds {

    /** Five groups of four Base32 characters: 100 bits, typed from an email in a minute. */
    static final int CODE_GROUPS = 5;
    private static final String COLUMNS = "id, code, seminar_id, registration_id, name, email, organization, language, "
            + "status, requested_at, issued_at, expires_at, decided_by";

    private final Database database;
    private final Clock clock;

    public ViewingIds(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * The viewing ID of a confirmed registration, issued now if it has none yet: one registration
     * holds one ID, however often this is asked.
     */
    public ViewingId issueFor(Registration registration) throws StoreException {
        return issueFor(registration, null);
    }

    /**
     * As {@link #issueFor(Registration)}, and writes in the same transaction the mail owed with a new ID
     * ({@link OwedMails}): the ID and its link.
     *
     * @param site the public address the mail's link points to; {@code null}: nobody is mailed
     */
    public ViewingId issueFor(Registration registration, URI site) throws StoreException {
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            throw new IllegalArgumentException("only a confirmed registration gets a viewing ID: " + registration.id());
        }
        return database.inTransaction("issue a viewing ID", connection -> {
            // lock the registration row: two clicks at once must not make two IDs
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM registration WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, registration.id());
                lock.executeQuery().close();
            }
            Optional<ViewingId> existing = one(connection, "registration_id = ?", registration.id());
            if (existing.isPresent()) {
                connection.commit();
                return existing.get();
            }
            Applicant who = registration.applicant();
            long id = insert(connection, registration.seminarId(), registration.id(),
                    new Requester(who.name(), who.email(), who.organization(), who.language()), true, null, "registration");
            mail(connection, OwedMails.Kind.VIEWING_ID, id, site);
            ViewingId issued = one(connection, "id = ?", id).orElseThrow();
            connection.commit();
            return issued;
        });
    }

    /**
     * Records a request for a viewing ID of {@code seminarId}; with {@code issueNow} the ID is issued
     * at once (expiring at {@code expiresAt}, or {@code null} for the window's end).
     */
    public ViewingId request(String seminarId, Requester requester, boolean issueNow, Instant expiresAt)
            throws StoreException {
        return request(seminarId, requester, issueNow, expiresAt, null);
    }

    /**
     * As {@link #request(String, Requester, boolean, Instant)}, and writes in the same transaction the mail
     * owed to the requester ({@link OwedMails}): the ID, or that the request waits for staff.
     *
     * @param site the public address the mail's link points to; {@code null}: nobody is mailed
     */
    public ViewingId request(String seminarId, Requester requester, boolean issueNow, Instant expiresAt, URI site)
            throws StoreException {
        return database.inTransaction("record a viewing-ID request", connection -> {
            long id = insert(connection, seminarId, null, requester, issueNow, expiresAt, issueNow ? "automatic" : null);
            mail(connection, issueNow ? OwedMails.Kind.VIEWING_ID : OwedMails.Kind.VIEWING_REQUEST, id, site);
            ViewingId made = one(connection, "id = ?", id).orElseThrow();
            connection.commit();
            return made;
        });
    }

    /**
     * Issues a waiting request, as {@code staff} decided. Approving a request already decided changes
     * nothing and returns it as it is.
     *
     * @return the ID, empty when no request has that number
     */
    public Optional<ViewingId> approve(long id, String staff, Instant expiresAt) throws StoreException {
        return decide(id, staff, true, expiresAt, null);
    }

    /**
     * As {@link #approve(long, String, Instant)}, and writes in the same transaction the mail owed to the
     * holder of an ID it issues ({@link OwedMails}).
     *
     * @param site the public address the mail's link points to; {@code null}: nobody is mailed
     */
    public Optional<ViewingId> approve(long id, String staff, Instant expiresAt, URI site) throws StoreException {
        return decide(id, staff, true, expiresAt, site);
    }

    /** Refuses a waiting request; as {@link #approve}, a decided request stays as it is. */
    public Optional<ViewingId> refuse(long id, String staff) throws StoreException {
        return decide(id, staff, false, null, null);
    }

    /** The issued ID with this code, typed in any case and with or without dashes. */
    public Optional<ViewingId> find(String code) throws StoreException {
        String normalized = Tokens.normalizeCode(code);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        return database.inTransaction("read a viewing ID", connection -> {
            Optional<ViewingId> found = one(connection, "code = ?", normalized);
            connection.commit();
            return found;
        });
    }

    /** The ID of a registration, if one was issued. */
    public Optional<ViewingId> ofRegistration(long registrationId) throws StoreException {
        return database.inTransaction("read a viewing ID", connection -> {
            Optional<ViewingId> found = one(connection, "registration_id = ?", registrationId);
            connection.commit();
            return found;
        });
    }

    /** The request with this number, whatever its status. */
    public Optional<ViewingId> byId(long id) throws StoreException {
        return database.inTransaction("read a viewing ID", connection -> {
            Optional<ViewingId> found = one(connection, "id = ?", id);
            connection.commit();
            return found;
        });
    }

    /**
     * The IDs of {@code seminarId} issued to people who did not register, oldest first: they take the
     * seminar's quiz as themselves ({@code QuizAttempts#ofViewingId}), so staff list their results beside the
     * registrants'. An ID whose holder had the use of their data suspended ({@link PersonalDataRequests}) is
     * left out, as a suspended registration is.
     */
    public List<ViewingId> issuedWithoutRegistration(String seminarId) throws StoreException {
        return database.inTransaction("read the viewing IDs of a seminar", connection -> {
            List<ViewingId> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM viewing_id "
                    + "WHERE seminar_id = ? AND registration_id IS NULL AND status = 'issued' AND suspended_at IS NULL "
                    + "ORDER BY id")) {
                query.setString(1, seminarId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(read(rows));
                    }
                }
            }
            connection.commit();
            return found;
        });
    }

    /** Every ID and request, oldest first: the staff's counts and the waiting requests are made from it. */
    public List<ViewingId> all() throws StoreException {
        return database.inTransaction("read the viewing IDs", connection -> {
            List<ViewingId> all = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM viewing_id ORDER BY id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(read(rows));
                }
            }
            connection.commit();
            return all;
        });
    }

    private Optional<ViewingId> decide(long id, String staff, boolean approve, Instant expiresAt, URI site)
            throws StoreException {
        return database.inTransaction("decide a viewing-ID request", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE viewing_id SET status = ?, code = ?, "
                    + "issued_at = ?, expires_at = ?, decided_by = ? WHERE id = ? AND status = 'requested'")) {
                update.setString(1, approve ? ViewingIdStatus.ISSUED.key() : ViewingIdStatus.REFUSED.key());
                update.setString(2, approve ? Tokens.code(CODE_GROUPS) : null);
                update.setTimestamp(3, approve ? Timestamp.from(clock.instant()) : null);
                setInstant(update, 4, approve ? expiresAt : null);
                update.setString(5, staff);
                update.setLong(6, id);
                if (update.executeUpdate() == 1 && approve) {
                    mail(connection, OwedMails.Kind.VIEWING_ID, id, site);
                }
            }
            Optional<ViewingId> decided = one(connection, "id = ?", id);
            connection.commit();
            return decided;
        });
    }

    /** Writes the mail owed about the ID {@code id}, unless nobody is to be mailed ({@code site} is {@code null}). */
    private void mail(Connection connection, OwedMails.Kind kind, long id, URI site) throws SQLException {
        if (site != null) {
            OwedMails.record(connection, kind, id, site, clock.instant());
        }
    }

    private long insert(Connection connection, String seminarId, Long registrationId, Requester requester, boolean issue,
            Instant expiresAt, String decidedBy) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO viewing_id (code, seminar_id, "
                + "registration_id, name, email, organization, language, status, requested_at, issued_at, expires_at, "
                + "decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
            insert.setString(1, issue ? Tokens.code(CODE_GROUPS) : null);
            insert.setString(2, seminarId);
            if (registrationId == null) {
                insert.setNull(3, Types.BIGINT);
            } else {
                insert.setLong(3, registrationId);
            }
            insert.setString(4, requester.name());
            insert.setString(5, requester.email());
            insert.setString(6, requester.organization());
            insert.setString(7, requester.language());
            insert.setString(8, issue ? ViewingIdStatus.ISSUED.key() : ViewingIdStatus.REQUESTED.key());
            insert.setTimestamp(9, Timestamp.from(now));
            insert.setTimestamp(10, issue ? Timestamp.from(now) : null);
            setInstant(insert, 11, issue ? expiresAt : null);
            insert.setString(12, decidedBy);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setTimestamp(index, instant == null ? null : Timestamp.from(instant));
    }

    private Optional<ViewingId> one(Connection connection, String where, Object key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM viewing_id WHERE " + where)) {
            query.setObject(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static ViewingId read(ResultSet rows) throws SQLException {
        long registration = rows.getLong("registration_id");
        Long registrationId = rows.wasNull() ? null : registration;
        return new ViewingId(rows.getLong("id"), rows.getString("code"), rows.getString("seminar_id"), registrationId, rows.getString("name"), rows.getString("email"),
                rows.getString("organization"), rows.getString("language"),
                ViewingIdStatus.ofKey(rows.getString("status")), instant(rows, "requested_at"), instant(rows, "issued_at"),
                instant(rows, "expires_at"), rows.getString("decided_by"));
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
