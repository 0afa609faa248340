package org.manabi.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Participants' requests about their personal data under Japan's APPI — disclosure (開示), correction
 * (訂正), deletion (消去), suspension of use (利用停止) — and what granting each one does.
 * <p>
 * A request belongs to the registration whose personal link it came through: the link is the only
 * proof of who asks, so a request reaches that registration and nothing else, not other registrations
 * that carry the same address (anyone can type an address into a form). Someone who holds a viewing ID
 * without registering asks through the ID in the same way ({@link #askAsViewer}): the request reaches
 * that ID and what is tied to it (what was watched, quiz and survey attempts, certificate). Granting:
 * <ul>
 * <li>disclosure: the participant may download {@link #disclosure(long)} (or {@link #viewerDisclosure})
 * through their link;</li>
 * <li>correction: name, kana, organisation and address of the registration become the asked ones;</li>
 * <li>deletion: the registration (or viewing ID) is anonymised by {@link Retention}'s code, the same as
 * at the end of the retention period (the row and its counts stay, the link or the ID stops working);</li>
 * <li>suspension: the registration (or viewing ID) is marked {@code suspended_at}: no more mail, and left
 * out of staff lists and exports (its seat and the counts stay).</li>
 * </ul>
 */
public final class PersonalDataRequests {

    /** What a participant asks for. */
    public enum Kind {
        DISCLOSURE, CORRECTION, DELETION, SUSPENSION;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind of {@code key}, or empty when it names none. */
        public static Optional<Kind> ofKey(String key) {
            for (Kind kind : values()) {
                if (kind.key().equals(key)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** Where a request stands. */
    public enum Status {
        OPEN, GRANTED, REFUSED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The fields a correction may change, as the request's details name them. */
    public static final List<String> CORRECTABLE = List.of("name", "kana", "organization", "email");

    /**
     * One request.
     *
     * @param details a correction's new values (keys of {@link #CORRECTABLE}); empty for other kinds and
     *                once the registration was anonymised
     * @param answer  what staff told the participant on settling, or {@code null}
     */
    public record Request(long id, Long registrationId, Long viewingId, String seminarId, Kind kind,
            Map<String, String> details, String reason, Status status, Instant requestedAt, Instant settledAt,
            String settledBy, String answer) {

        /** Whether it was asked through a viewing ID held without registering (else through a personal link). */
        public boolean ofViewer() {
            return viewingId != null;
        }
    }

    /** The fields a viewer's correction may change: a viewing ID holds no reading of the name. */
    public static final List<String> VIEWER_CORRECTABLE = List.of("name", "organization", "email");

    /** Sets the parameters of a {@link Holding}'s condition from the registration's (or ID's) number and participant key. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement query, long id, String participant) throws SQLException;
    }

    private static final Binder BY_ID = (query, id, participant) -> query.setLong(1, id);
    private static final Binder BY_PARTICIPANT = (query, id, participant) -> query.setString(1, participant);

    /**
     * A table that holds personal data of a registration (or viewing ID), and how its rows there are found:
     * by the registration's (or ID's) number, or by its participant key ({@link QuizAttempts#ofRegistration}).
     */
    private record Holding(String table, String where, Binder binder) {
    }

    /** The quiz and survey attempts, their answers and the live answers of whoever takes quizzes under a participant key. */
    private static final List<Holding> ANSWERS = List.of(
            new Holding("quiz_attempt", "participant = ?", BY_PARTICIPANT),
            new Holding("quiz_answer", "attempt_id IN (SELECT id FROM quiz_attempt WHERE participant = ?)", BY_PARTICIPANT),
            new Holding("live_answer", "participant = ?", BY_PARTICIPANT));

    /** Every table with personal data of a registration; a new one belongs here, or a disclosure misses it. */
    private static final List<Holding> HOLDINGS = holdings(
            List.of(new Holding("registration", "id = ?", BY_ID)),
            ANSWERS,
            List.of(new Holding("viewing_id", "registration_id = ?", BY_ID),
                    new Holding("viewing_progress", "viewing_id IN (SELECT id FROM viewing_id WHERE registration_id = ?)",
                            BY_ID),
                    // the registration's own certificate, and that of the viewing ID issued to it
                    new Holding("certificate", "holder = ? OR holder IN (SELECT CONCAT('viewing:', "
                            + "CAST(id AS VARCHAR(20))) FROM viewing_id WHERE registration_id = ?)",
                            (query, id, participant) -> {
                                query.setString(1, participant);
                                query.setLong(2, id);
                            }),
                    new Holding("receipt", "registration_id = ?", BY_ID),
                    new Holding("personal_data_request", "registration_id = ?", BY_ID),
                    // mails not sent yet about the registration, its viewing ID and its requests
                    new Holding("owed_mail", "registration_id = ? OR viewing_id IN (SELECT id FROM viewing_id "
                            + "WHERE registration_id = ?) OR personal_data_request_id IN (SELECT id FROM "
                            + "personal_data_request WHERE registration_id = ?)", (query, id, participant) -> {
                                for (int i = 1; i <= 3; i++) {
                                    query.setLong(i, id);
                                }
                            })));

    /**
     * Every table with personal data of a viewing ID asked for without registering, found by the ID's
     * number or its participant key ({@link QuizAttempts#ofViewingId}, which its certificate's holder key equals).
     */
    private static final List<Holding> VIEWER_HOLDINGS = holdings(
            List.of(new Holding("viewing_id", "id = ?", BY_ID), new Holding("viewing_progress", "viewing_id = ?", BY_ID)),
            ANSWERS,
            List.of(new Holding("certificate", "holder = ?", (query, id, participant) -> query.setString(1,
                    Certificates.ofViewingId(id))), new Holding("personal_data_request", "viewing_id = ?", BY_ID),
                    new Holding("owed_mail", "viewing_id = ? OR personal_data_request_id IN (SELECT id FROM "
                            + "personal_data_request WHERE viewing_id = ?)", (query, id, participant) -> {
                                query.setLong(1, id);
                                query.setLong(2, id);
                            })));

    @SafeVarargs
    private static List<Holding> holdings(List<Holding>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    /** Who asks: the column a request names them by, and how their row is locked and found to hold data still. */
    private enum Asker {
        /** A registration, through its personal link: data until it is anonymised. */
        REGISTRATION("registration_id", "SELECT anonymised_at IS NULL FROM registration WHERE id = ? FOR UPDATE",
                CORRECTABLE),
        /** A viewing ID asked for without registering, through the ID: data until its address is removed. */
        VIEWER("viewing_id", "SELECT email <> '' FROM viewing_id WHERE id = ? AND registration_id IS NULL "
                + "AND code IS NOT NULL FOR UPDATE", VIEWER_CORRECTABLE);

        final String column;
        final String lock;
        final List<String> correctable;

        Asker(String column, String lock, List<String> correctable) {
            this.column = column;
            this.lock = lock;
            this.correctable = correctable;
        }

        String label() {
            return this == REGISTRATION ? "Registration" : "Viewing ID";
        }
    }

    private static final String COLUMNS = "q.id, q.registration_id, q.viewing_id, COALESCE(r.seminar_id, v.seminar_id), "
            + "q.kind, q.details, q.reason, q.status, q.requested_at, q.settled_at, q.settled_by, q.answer";
    /** A request with the seminar of whoever asked. */
    private static final String FROM = " FROM personal_data_request q LEFT JOIN registration r ON r.id = q.registration_id "
            + "LEFT JOIN viewing_id v ON v.id = q.viewing_id";
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private final Database database;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public PersonalDataRequests(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Stores a request of the registration {@code registrationId}. An open request of the same kind is
     * returned instead of a second one: asking twice is one request.
     *
     * @param details a correction's new values; only keys of {@link #CORRECTABLE}
     * @throws StoreException when the registration does not exist or was anonymised
     */
    public Request ask(long registrationId, Kind kind, Map<String, String> details, String reason) throws StoreException {
        return ask(Asker.REGISTRATION, registrationId, kind, details, reason, null);
    }

    /**
     * As {@link #ask(long, Kind, Map, String)}, and writes in the same transaction the receipt owed to the
     * participant ({@link OwedMails}); a suspension of use does not withhold it, it answers their own request.
     *
     * @param site the public address the mail's link points to; {@code null}: nobody is mailed
     */
    public Request ask(long registrationId, Kind kind, Map<String, String> details, String reason, URI site)
            throws StoreException {
        return ask(Asker.REGISTRATION, registrationId, kind, details, reason, site);
    }

    /**
     * As {@link #ask}, for the holder of the viewing ID {@code viewingId} asked for without registering,
     * asking through the ID.
     *
     * @param details a correction's new values; only keys of {@link #VIEWER_CORRECTABLE}
     * @throws StoreException when there is no such issued ID, it belongs to a registration (whose link takes
     *                        its requests), or it was anonymised
     */
    public Request askAsViewer(long viewingId, Kind kind, Map<String, String> details, String reason)
            throws StoreException {
        return ask(Asker.VIEWER, viewingId, kind, details, reason, null);
    }

    /** As {@link #askAsViewer(long, Kind, Map, String)}, with the receipt owed as {@link #ask(long, Kind, Map, String, URI)} writes it. */
    public Request askAsViewer(long viewingId, Kind kind, Map<String, String> details, String reason, URI site)
            throws StoreException {
        return ask(Asker.VIEWER, viewingId, kind, details, reason, site);
    }

    private Request ask(Asker asker, long holder, Kind kind, Map<String, String> details, String reason, URI site)
            throws StoreException {
        if (!asker.correctable.containsAll(details.keySet())) {
            throw new IllegalArgumentException("only " + asker.correctable + " can be corrected, not " + details.keySet());
        }
        return database.inTransaction("store a personal-data request", connection -> {
            // the holder's row lock orders this against a deletion being granted at the same time
            try (PreparedStatement lock = connection.prepareStatement(asker.lock)) {
                lock.setLong(1, holder);
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next() || !rows.getBoolean(1)) {
                        connection.rollback();
                        throw new StoreException(asker.label() + " " + holder + " holds no personal data to ask about",
                                null);
                    }
                }
            }
            for (Request earlier : of(connection, "q." + asker.column + " = ? AND q.status = 'open'", holder)) {
                if (earlier.kind() == kind) {
                    // asked again: the receipt again, as the first may not have reached them
                    mail(connection, OwedMails.Kind.PRIVACY_RECEIVED, earlier.id(), null, site);
                    connection.commit();
                    return earlier;
                }
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO personal_data_request ("
                    + asker.column + ", kind, details, reason, status, requested_at) VALUES (?, ?, ?, ?, 'open', ?)",
                    new String[] { "id" })) {
                insert.setLong(1, holder);
                insert.setString(2, kind.key());
                insert.setString(3, toJson(details));
                insert.setString(4, reason);
                insert.setTimestamp(5, Timestamp.from(clock.instant()));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            mail(connection, OwedMails.Kind.PRIVACY_RECEIVED, id, null, site);
            Request made = of(connection, "q.id = ?", id).get(0);
            connection.commit();
            return made;
        });
    }

    /** One request, or empty. */
    public Optional<Request> find(long id) throws StoreException {
        return database.inTransaction("read a personal-data request", connection -> {
            List<Request> found = of(connection, "q.id = ?", id);
            connection.commit();
            return found.stream().findFirst();
        });
    }

    /** The requests of one registration, newest first. */
    public List<Request> ofRegistration(long registrationId) throws StoreException {
        return of(Asker.REGISTRATION, registrationId);
    }

    /** The requests made through one viewing ID held without registering, newest first. */
    public List<Request> ofViewer(long viewingId) throws StoreException {
        return of(Asker.VIEWER, viewingId);
    }

    private List<Request> of(Asker asker, long holder) throws StoreException {
        return database.inTransaction("read personal-data requests", connection -> {
            List<Request> found = of(connection, "q." + asker.column + " = ?", holder);
            connection.commit();
            return found;
        });
    }

    /** The open requests (oldest first: the first to answer), or the latest {@code limit} settled ones. */
    public List<Request> list(boolean open, int limit) throws StoreException {
        return database.inTransaction("list personal-data requests", connection -> {
            List<Request> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + FROM
                    + " WHERE q.status " + (open ? "= 'open' ORDER BY q.id"
                            : "<> 'open' ORDER BY q.settled_at DESC, q.id DESC"))) {
                query.setMaxRows(limit);
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

    /**
     * Settles an open request: granting it does what it asks (see the class comment) in the same
     * transaction, refusing changes nothing else.
     *
     * @param staff  the staff member's address
     * @param answer what the participant is told, or {@code null}
     * @return the settled request, empty when there is none with {@code id}
     * @throws StoreException when it was settled already
     */
    public Optional<Request> settle(long id, boolean grant, String staff, String answer) throws StoreException {
        return settle(id, grant, staff, answer, null);
    }

    /**
     * As {@link #settle(long, boolean, String, String)}, and writes in the same transaction the outcome owed to
     * the participant ({@link OwedMails}). A granted deletion removes the address it goes to: the mail owed then
     * keeps the address, name and language it had, until it is sent.
     *
     * @param site the public address the mail's link points to; {@code null}: nobody is mailed
     */
    public Optional<Request> settle(long id, boolean grant, String staff, String answer, URI site)
            throws StoreException {
        return database.inTransaction("settle a personal-data request", connection -> {
            List<Request> found = of(connection, "q.id = ?", id);
            if (found.isEmpty()) {
                connection.rollback();
                return Optional.empty();
            }
            Request request = found.get(0);
            Timestamp now = Timestamp.from(clock.instant());
            try (PreparedStatement update = connection.prepareStatement("UPDATE personal_data_request SET status = ?, "
                    + "settled_at = ?, settled_by = ?, answer = ? WHERE id = ? AND status = 'open'")) {
                update.setString(1, grant ? "granted" : "refused");
                update.setTimestamp(2, now);
                update.setString(3, staff);
                update.setString(4, answer);
                update.setLong(5, id);
                // the condition on status makes two staff settling at once settle it once
                if (update.executeUpdate() != 1) {
                    connection.rollback();
                    throw new StoreException("Request " + id + " was settled already (" + request.status().key() + ")", null);
                }
            }
            // read before a deletion removes it
            OwedMails.Recipient recipient = grant && request.kind() == Kind.DELETION ? recipient(connection, request) : null;
            if (grant) {
                carryOut(connection, request, now);
            }
            if (recipient == null || !recipient.email().isEmpty()) {
                mail(connection, OwedMails.Kind.PRIVACY_SETTLED, id, recipient, site);
            }
            Request settled = of(connection, "q.id = ?", id).get(0);
            connection.commit();
            return Optional.of(settled);
        });
    }

    /** Writes the mail owed about the request {@code id}, unless nobody is to be mailed ({@code site} is {@code null}). */
    private void mail(Connection connection, OwedMails.Kind kind, long id, OwedMails.Recipient recipient, URI site)
            throws SQLException {
        if (site != null) {
            OwedMails.record(connection, kind, id, recipient, site, clock.instant());
        }
    }

    /** The address, name and language of whoever made the request, as held now. */
    private static OwedMails.Recipient recipient(Connection connection, Request request) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT email, name, language FROM "
                + (request.ofViewer() ? "viewing_id" : "registration") + " WHERE id = ?")) {
            query.setLong(1, request.ofViewer() ? request.viewingId() : request.registrationId());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new OwedMails.Recipient(rows.getString(1), rows.getString(2), rows.getString(3))
                        : new OwedMails.Recipient("", "", "ja");
            }
        }
    }

    private static void carryOut(Connection connection, Request request, Timestamp now) throws SQLException {
        if (request.ofViewer()) {
            carryOutForViewer(connection, request, now);
            return;
        }
        switch (request.kind()) {
            case DISCLOSURE -> {
                // nothing changes: the participant's link now offers the download
            }
            case CORRECTION -> correct(connection, request, now);
            case DELETION -> Retention.anonymise(connection, request.registrationId(), now);
            case SUSPENSION -> suspend(connection, "registration", request.registrationId(), now);
        }
    }

    /** Marks the use of a registration's or viewing ID's data suspended; a second grant keeps the first time. */
    private static void suspend(Connection connection, String table, long id, Timestamp now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET suspended_at = ? WHERE id = ? AND suspended_at IS NULL")) {
            update.setTimestamp(1, now);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** What granting does for a viewing ID held without registering: as for a registration, on the ID's row. */
    private static void carryOutForViewer(Connection connection, Request request, Timestamp now) throws SQLException {
        switch (request.kind()) {
            case DISCLOSURE -> {
                // nothing changes: the ID's privacy page now offers the download
            }
            case CORRECTION -> {
                if (request.details().isEmpty()) {
                    return;
                }
                StringBuilder sql = new StringBuilder("UPDATE viewing_id SET ");
                // the keys are the fixed column names checked by ask(); the values are parameters
                sql.append(String.join(", ", request.details().keySet().stream().map(column -> column + " = ?").toList()));
                try (PreparedStatement update = connection.prepareStatement(sql + " WHERE id = ? AND email <> ''")) {
                    int i = 0;
                    for (String value : request.details().values()) {
                        update.setString(++i, value);
                    }
                    update.setLong(++i, request.viewingId());
                    update.executeUpdate();
                }
            }
            case DELETION -> Retention.anonymiseViewer(connection, request.viewingId());
            case SUSPENSION -> suspend(connection, "viewing_id", request.viewingId(), now);
        }
    }

    private static void correct(Connection connection, Request request, Timestamp now) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>(request.details());
        if (values.containsKey("email")) {
            values.put("email_key", Applicant.emailKey(values.get("email")));
        }
        if (values.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE registration SET updated_at = ?");
        // the keys are the fixed column names checked by ask(); the values are parameters
        values.keySet().forEach(column -> sql.append(", ").append(column).append(" = ?"));
        try (PreparedStatement update = connection.prepareStatement(sql + " WHERE id = ? AND anonymised_at IS NULL")) {
            int i = 0;
            update.setTimestamp(++i, now);
            for (String value : values.values()) {
                update.setString(++i, value);
            }
            update.setLong(++i, request.registrationId());
            update.executeUpdate();
        }
    }

    /**
     * Everything held about the registration: its rows in every table with personal data, every column,
     * as {@code {"registration": [{…}], "quiz_attempt": […], …}} (times in ISO-8601 UTC).
     */
    public Map<String, List<Map<String, Object>>> disclosure(long registrationId) throws StoreException {
        return disclosure(HOLDINGS, registrationId, QuizAttempts.ofRegistration(registrationId));
    }

    /**
     * Everything held about the viewing ID {@code viewingId} asked for without registering, as
     * {@link #disclosure(long)} gives a registration's: {@code {"viewing_id": [{…}], "quiz_attempt": […], …}}.
     */
    public Map<String, List<Map<String, Object>>> viewerDisclosure(long viewingId) throws StoreException {
        return disclosure(VIEWER_HOLDINGS, viewingId, QuizAttempts.ofViewingId(viewingId));
    }

    private Map<String, List<Map<String, Object>>> disclosure(List<Holding> holdings, long id, String participant)
            throws StoreException {
        return database.inTransaction("gather a participant's personal data", connection -> {
            Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
            for (Holding holding : holdings) {
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT * FROM " + holding.table() + " WHERE " + holding.where())) {
                    holding.binder().bind(query, id, participant);
                    tables.put(holding.table(), rows(query));
                }
            }
            connection.commit();
            return tables;
        });
    }

    /** Whether the registration's use is suspended: it gets no mail. */
    public boolean suspended(long registrationId) throws StoreException {
        return database.inTransaction("read a suspension", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM registration WHERE id = ? AND suspended_at IS NOT NULL")) {
                query.setLong(1, registrationId);
                try (ResultSet rows = query.executeQuery()) {
                    boolean suspended = rows.next();
                    connection.commit();
                    return suspended;
                }
            }
        });
    }

    /**
     * Whether the use of the data of the viewing ID's holder is suspended: the ID's own (asked for without
     * registering), or its registration's. It gets no mail.
     */
    public boolean viewingIdSuspended(long viewingId) throws StoreException {
        return database.inTransaction("read a suspension", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM viewing_id v LEFT JOIN registration r "
                    + "ON r.id = v.registration_id WHERE v.id = ? AND (v.suspended_at IS NOT NULL OR r.suspended_at IS NOT NULL)")) {
                query.setLong(1, viewingId);
                try (ResultSet rows = query.executeQuery()) {
                    boolean suspended = rows.next();
                    connection.commit();
                    return suspended;
                }
            }
        });
    }

    /** The ids of the seminar's registrations whose use is suspended: left out of staff lists and exports. */
    public Set<Long> suspendedIn(String seminarId) throws StoreException {
        return database.inTransaction("read suspensions", connection -> {
            Set<Long> ids = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM registration WHERE seminar_id = ? AND suspended_at IS NOT NULL")) {
                query.setString(1, seminarId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            connection.commit();
            return ids;
        });
    }

    private static List<Map<String, Object>> rows(PreparedStatement query) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    Object value = result.getObject(column);
                    if (value instanceof Timestamp || value instanceof TemporalAccessor) {
                        // PostgreSQL gives a Timestamp, H2 an OffsetDateTime: one form for both
                        value = result.getTimestamp(column).toInstant().toString();
                    } else if (value != null && !(value instanceof Number) && !(value instanceof Boolean)) {
                        value = value.toString();
                    }
                    // H2 reports names in upper case, PostgreSQL in lower case
                    row.put(meta.getColumnLabel(column).toLowerCase(Locale.ROOT), value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private List<Request> of(Connection connection, String where, long parameter) throws SQLException {
        List<Request> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE " + where
                + " ORDER BY q.id DESC")) {
            query.setLong(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
        }
        return found;
    }

    private Request read(ResultSet rows) throws SQLException {
        return new Request(rows.getLong(1), rows.getObject(2, Long.class), rows.getObject(3, Long.class), rows.getString(4),
                Kind.ofKey(rows.getString(5)).orElseThrow(), fromJson(rows.getString(6)), rows.getString(7),
                Status.valueOf(rows.getString(8).toUpperCase(Locale.ROOT)), rows.getTimestamp(9).toInstant(),
                instant(rows.getTimestamp(10)), rows.getString(11), rows.getString(12));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private String toJson(Map<String, String> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private Map<String, String> fromJson(String text) throws SQLException {
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new SQLException("the stored details of a request are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
