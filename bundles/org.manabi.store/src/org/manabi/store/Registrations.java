package org.manabi.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Participants' registrations: taking a seat or a place on the waiting list, cancelling, moving to
 * the other pool, checking in.
 * <p>
 * Every change of a seminar's registrations is one transaction that first locks the seminar's row in
 * {@code seminar_queue}; seats are counted and taken while that lock is held, on whichever node, so
 * no interleaving can sell a seat twice. A method returns only after its transaction has committed:
 * what it reports is durable.
 */
public final class Registrations {

    private static final String COLUMNS = "id, token, seminar_id, pool, status, arrival, name, kana, email, organization, "
            + "member, member_body, fee_yen, answers, language, created_at, checked_in_at, checked_in_by";
    private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() {
    };
    /** 24 random bytes: 192 bits, 32 characters in a URL. */
    private static final int TOKEN_BYTES = 24;
    /** The most registrations one transaction writes; more than the connections a server usually serves. */
    private static final int MAX_BATCH = 128;

    private final Database database;
    private final SeatLimits limits;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    /** Seminars known to have their queue row (rows are never deleted): spares a transaction per registration. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** Registrations of a popular seminar all wait for its row lock: one writer per seminar commits them in groups. */
    private final Map<String, GroupCommit<Request, Change>> writers = new ConcurrentHashMap<>();

    public Registrations(Database database, SeatLimits limits, Clock clock) {
        this.database = database;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Registers {@code applicant} in {@code pool}: a seat while the pool has one free and nobody waits,
     * else the end of the pool's waiting list.
     *
     * @throws DuplicateRegistrationException when the address holds a registration for the seminar
     */
    public Change register(String seminarId, Pool pool, Applicant applicant) throws StoreException {
        return register(seminarId, pool, applicant, null);
    }

    /**
     * As {@link #register(String, Pool, Applicant)}, and writes in the same transaction the
     * {@linkplain OwedMails notices} of the mails owed: to the applicant (registered, or on a
     * duplicate their existing link) and to those it moved up from the waiting list.
     *
     * @param site the public address the mails' personal links point to; {@code null}: nobody is mailed
     */
    public Change register(String seminarId, Pool pool, Applicant applicant, URI site) throws StoreException {
        ensureQueue(seminarId);
        return writers.computeIfAbsent(seminarId, id -> new GroupCommit<Request, Change>(MAX_BATCH,
                batch -> registerAll(id, batch))).submit(new Request(pool, applicant, site));
    }

    /** A registration waiting for its seminar's writer. */
    private record Request(Pool pool, Applicant applicant, URI site) {
    }

    /**
     * Registers a batch in arrival order in one transaction under the seminar's lock, each exactly as
     * if alone: a duplicate address is refused (also within the batch), the others go on.
     */
    private List<GroupCommit.Outcome<Change>> registerAll(String seminarId, List<Request> batch) throws StoreException {
        return database.inTransaction("register for " + seminarId, connection -> {
            long arrival = lockQueue(connection, seminarId, batch.size()) - batch.size();
            List<GroupCommit.Outcome<Change>> outcomes = new ArrayList<>(batch.size());
            Map<String, Registration> written = new HashMap<>();
            Map<Pool, PoolCounts> pools = new EnumMap<>(Pool.class);
            // microseconds: what both databases keep, so the answer equals what is read back later
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration (token, seminar_id, pool, "
                    + "status, arrival, name, kana, email, email_key, organization, member, member_body, fee_yen, answers, "
                    + "language, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] { "id" })) {
                for (Request request : batch) {
                    arrival++;
                    Applicant applicant = request.applicant();
                    Pool pool = request.pool();
                    Registration existing = written.get(applicant.emailKey());
                    if (existing == null) {
                        existing = findActive(connection, seminarId, applicant.emailKey()).orElse(null);
                    }
                    if (existing != null) {
                        notify(connection, request.site(), OwedMails.Kind.DUPLICATE, List.of(existing), now);
                        outcomes.add(GroupCommit.Outcome.refused(new DuplicateRegistrationException(existing)));
                        continue;
                    }
                    List<Registration> promoted = List.of();
                    PoolCounts counts = pools.get(pool);
                    if (counts == null) {
                        // counted and filled once per pool and batch; afterwards this batch is all that changes them
                        PoolCounts before = counts(connection, seminarId, pool);
                        promoted = fill(connection, seminarId, pool, before);
                        counts = new PoolCounts(before.confirmed() + promoted.size(), before.waiting() - promoted.size());
                    }
                    Integer capacity = limits.capacity(seminarId, pool);
                    RegistrationStatus status = counts.waiting() == 0 && (capacity == null || counts.confirmed() < capacity)
                            ? RegistrationStatus.CONFIRMED
                            : RegistrationStatus.WAITING;
                    String token = Tokens.random(TOKEN_BYTES);
                    long id = insert(insert, seminarId, pool, status, arrival, token, applicant, now);
                    // the newcomer is last in the queue: their place is everyone still waiting, plus one
                    Registration registration = new Registration(id, token, seminarId, pool, status,
                            status == RegistrationStatus.WAITING ? counts.waiting() + 1 : null, applicant, now, null, null);
                    pools.put(pool, status == RegistrationStatus.CONFIRMED
                            ? new PoolCounts(counts.confirmed() + 1, counts.waiting())
                            : new PoolCounts(counts.confirmed(), counts.waiting() + 1));
                    written.put(applicant.emailKey(), registration);
                    notify(connection, request.site(), OwedMails.Kind.REGISTERED, List.of(registration), now);
                    notify(connection, request.site(), OwedMails.Kind.PROMOTED, promoted, now);
                    outcomes.add(GroupCommit.Outcome.of(new Change(registration, promoted)));
                }
            }
            for (Map.Entry<Pool, PoolCounts> counted : pools.entrySet()) {
                storeCounts(connection, seminarId, counted.getKey(), counted.getValue());
            }
            connection.commit();
            return outcomes;
        });
    }

    private long insert(PreparedStatement insert, String seminarId, Pool pool, RegistrationStatus status, long arrival,
            String token, Applicant applicant, Instant now) throws SQLException {
        int i = 0;
        insert.setString(++i, token);
        insert.setString(++i, seminarId);
        insert.setString(++i, pool.key());
        insert.setString(++i, status.key());
        insert.setLong(++i, arrival);
        insert.setString(++i, applicant.name());
        insert.setString(++i, applicant.kana());
        insert.setString(++i, applicant.email());
        insert.setString(++i, applicant.emailKey());
        insert.setString(++i, applicant.organization());
        insert.setBoolean(++i, applicant.member());
        insert.setString(++i, applicant.memberBody());
        insert.setInt(++i, applicant.feeYen());
        insert.setString(++i, toJson(applicant.answers()));
        insert.setString(++i, applicant.language());
        insert.setTimestamp(++i, Timestamp.from(now));
        insert.setTimestamp(++i, Timestamp.from(now));
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /** The registration of the personal link {@code token}, with its place on the waiting list. */
    public Optional<Registration> find(String token) throws StoreException {
        return database.inTransaction("read a registration", connection -> {
            Optional<Registration> found = findByToken(connection, token);
            connection.commit();
            return found;
        });
    }

    /**
     * Who holds a personal token, as far as deciding what they may take needs it: the registration's
     * number, seminar and status, and nothing personal.
     */
    public record Holder(long id, String seminarId, RegistrationStatus status) {
    }

    /**
     * The holder of the personal link {@code token}: as {@link #find(String)} without the personal
     * data, the questionnaire answers and the place on the waiting list, which a participant's every
     * quiz request would otherwise read (and parse) to learn three columns.
     */
    public Optional<Holder> holder(String token) throws StoreException {
        return database.inTransaction("read a registration's holder", connection -> {
            Optional<Holder> found = Optional.empty();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, seminar_id, status FROM registration WHERE token = ?")) {
                query.setString(1, token);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        found = Optional.of(new Holder(rows.getLong(1), rows.getString(2),
                                RegistrationStatus.ofKey(rows.getString(3))));
                    }
                }
            }
            connection.commit();
            return found;
        });
    }

    /** The registration with this number (a viewing ID or certificate points at it), with its place on the waiting list. */
    public Optional<Registration> byId(long id) throws StoreException {
        return database.inTransaction("read a registration", connection -> {
            Optional<String> token = Optional.empty();
            try (PreparedStatement query = connection.prepareStatement("SELECT token FROM registration WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        token = Optional.of(rows.getString(1));
                    }
                }
            }
            Optional<Registration> found = token.isEmpty() ? Optional.empty() : findByToken(connection, token.get());
            connection.commit();
            return found;
        });
    }

    /**
     * Cancels the registration; a seat it held goes to the first person waiting in that pool.
     * Cancelling twice changes nothing the second time.
     *
     * @return the change, empty when no registration has that token
     */
    public Optional<Change> cancel(String token) throws StoreException {
        return cancel(token, null);
    }

    /**
     * As {@link #cancel(String)}, and writes in the same transaction the notices of the mails owed to
     * those moved up to a seat.
     *
     * @param site the public address the mails' personal links point to; {@code null}: nobody is mailed
     */
    public Optional<Change> cancel(String token, URI site) throws StoreException {
        return changeStatus(token, "cancel a registration", site, (connection, current) -> {
            if (current.status() == RegistrationStatus.CANCELLED) {
                return new Change(current, List.of());
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE registration SET status = 'cancelled', updated_at = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                update.setLong(2, current.id());
                update.executeUpdate();
            }
            PoolCounts counts = leaving(counts(connection, current.seminarId(), current.pool()), current.status());
            storeCounts(connection, current.seminarId(), current.pool(), counts);
            return new Change(findByToken(connection, token).orElseThrow(), fill(connection, current.seminarId(),
                    current.pool(), counts));
        });
    }

    /**
     * Moves the registration to the other pool: a seat there when one is free and nobody waits for
     * it, else the end of that pool's waiting list. The place left behind goes to the first waiting.
     * Moving to the pool one is in changes nothing.
     *
     * @return the change, empty when no registration has that token
     * @throws StoreException when the registration is cancelled
     */
    public Optional<Change> move(String token, Pool pool) throws StoreException {
        return move(token, pool, null);
    }

    /**
     * As {@link #move(String, Pool)}, and writes in the same transaction the notices of the mails owed
     * to the mover and to those moved up to a seat.
     *
     * @param site the public address the mails' personal links point to; {@code null}: nobody is mailed
     */
    public Optional<Change> move(String token, Pool pool, URI site) throws StoreException {
        return changeStatus(token, "change the pool of a registration", site, (connection, current) -> {
            if (current.status() == RegistrationStatus.CANCELLED) {
                connection.rollback();
                throw new StoreException("The registration is cancelled; register again to take part", null);
            }
            if (current.pool() == pool) {
                return new Change(current, List.of());
            }
            long arrival = lockQueue(connection, current.seminarId());
            // off the old pool first, so that the place freed there is given out below
            moveTo(connection, current.id(), pool, RegistrationStatus.WAITING, arrival);
            PoolCounts left = leaving(counts(connection, current.seminarId(), current.pool()), current.status());
            PoolCounts joined = counts(connection, current.seminarId(), pool);
            joined = new PoolCounts(joined.confirmed(), joined.waiting() + 1);
            storeCounts(connection, current.seminarId(), current.pool(), left);
            storeCounts(connection, current.seminarId(), pool, joined);
            List<Registration> promoted = new ArrayList<>(fill(connection, current.seminarId(), current.pool(), left));
            promoted.addAll(fill(connection, current.seminarId(), pool, joined));
            // the mover is the last in the target queue, so fill() seats them only if a seat was left for them
            promoted.removeIf(r -> r.id() == current.id());
            return new Change(findByToken(connection, token).orElseThrow(), promoted);
        });
    }

    /**
     * Marks the participant as present.
     *
     * @param staff who checked them in (the staff member's address)
     * @return the registration, empty when no registration has that token
     * @throws StoreException when the registration holds no seat
     */
    public Optional<Registration> checkIn(String token, String staff) throws StoreException {
        return database.inTransaction("check a participant in", connection -> {
            Optional<Registration> current = findByToken(connection, token);
            if (current.isEmpty()) {
                connection.rollback();
                return current;
            }
            if (current.get().status() != RegistrationStatus.CONFIRMED) {
                connection.rollback();
                throw new StoreException("The registration of " + current.get().applicant().name() + " is "
                        + current.get().status().key() + ", not confirmed: there is no seat to check in to", null);
            }
            if (current.get().checkedIn() == null) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE registration SET checked_in_at = ?, checked_in_by = ? WHERE id = ?")) {
                    update.setTimestamp(1, Timestamp.from(clock.instant()));
                    update.setString(2, staff);
                    update.setLong(3, current.get().id());
                    update.executeUpdate();
                }
            }
            Optional<Registration> after = findByToken(connection, token);
            connection.commit();
            return after;
        });
    }

    /** Every registration of the seminar, cancelled ones included, by pool, status and arrival. */
    public List<Registration> ofSeminar(String seminarId) throws StoreException {
        return database.inTransaction("list registrations", connection -> {
            List<Registration> all = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM registration WHERE seminar_id = ? ORDER BY pool, status, arrival")) {
                query.setString(1, seminarId);
                try (ResultSet rows = query.executeQuery()) {
                    Map<Pool, Integer> waitingSeen = new EnumMap<>(Pool.class);
                    while (rows.next()) {
                        Registration r = read(rows, null);
                        if (r.status() == RegistrationStatus.WAITING) {
                            int position = waitingSeen.merge(r.pool(), 1, Integer::sum);
                            r = withPosition(r, position);
                        }
                        all.add(r);
                    }
                }
            }
            connection.commit();
            return all;
        });
    }

    /** Seats taken and people waiting, per seminar and pool, for every seminar with registrations. */
    public Map<String, Map<Pool, PoolCounts>> counts() throws StoreException {
        return counts(null);
    }

    /** Seats taken and people waiting per pool of one seminar: what its page shows, without counting all the others. */
    public Map<Pool, PoolCounts> countsOf(String seminarId) throws StoreException {
        return counts(seminarId).getOrDefault(seminarId, Map.of());
    }

    /** Counts of one seminar, or of every seminar when {@code seminarId} is {@code null}. */
    private Map<String, Map<Pool, PoolCounts>> counts(String seminarId) throws StoreException {
        return database.inTransaction("count registrations", connection -> {
            Map<String, Map<Pool, PoolCounts>> counts = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT seminar_id, pool, confirmed, waiting "
                    + "FROM pool_count WHERE (confirmed > 0 OR waiting > 0)"
                    + (seminarId == null ? "" : " AND seminar_id = ?"))) {
                if (seminarId != null) {
                    query.setString(1, seminarId);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.computeIfAbsent(rows.getString(1), k -> new EnumMap<>(Pool.class))
                                .put(Pool.ofKey(rows.getString(2)), new PoolCounts(rows.getInt(3), rows.getInt(4)));
                    }
                }
            }
            connection.commit();
            return counts;
        });
    }

    // ---- transactions ----

    @FunctionalInterface
    private interface StatusChange {
        Change apply(Connection connection, Registration current) throws SQLException, StoreException;
    }

    /** Runs {@code change} under the seminar's lock; the mover (if the pool changed) and the promoted are notified. */
    private Optional<Change> changeStatus(String token, String what, URI site, StatusChange change) throws StoreException {
        Optional<Registration> before = find(token);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        return database.inTransaction(what, connection -> {
            lockQueue(connection, before.get().seminarId());
            // read again under the lock: another node may have changed it since
            Registration current = findByToken(connection, token).orElseThrow();
            Change result = change.apply(connection, current);
            Instant now = clock.instant();
            if (result.registration().pool() != current.pool()) {
                notify(connection, site, OwedMails.Kind.MOVED, List.of(result.registration()), now);
            }
            notify(connection, site, OwedMails.Kind.PROMOTED, result.promoted(), now);
            connection.commit();
            return Optional.of(result);
        });
    }

    /** Writes the notices of the mails owed to {@code people} about this change, unless nobody is to be mailed. */
    private static void notify(Connection connection, URI site, OwedMails.Kind kind, List<Registration> people,
            Instant now) throws SQLException {
        if (site == null) {
            return;
        }
        for (Registration person : people) {
            OwedMails.record(connection, kind, person.id(), site, now);
        }
    }

    /** Makes sure the seminar has its queue row; in a transaction of its own, as a lost race aborts it. */
    private void ensureQueue(String seminarId) throws StoreException {
        if (queued.contains(seminarId)) {
            return;
        }
        database.inTransaction("prepare the queue of " + seminarId, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM seminar_queue WHERE seminar_id = ?")) {
                query.setString(1, seminarId);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        connection.commit();
                        queued.add(seminarId);
                        return null;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO seminar_queue (seminar_id, last_arrival) VALUES (?, 0)")) {
                insert.setString(1, seminarId);
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (!"23505".equals(e.getSQLState())) { // unique violation: another transaction made it first
                    throw e;
                }
            }
            queued.add(seminarId);
            return null;
        });
    }

    /**
     * Locks the seminar's queue row until commit (every change of the seminar's registrations
     * waits here for the one before it) and returns the next arrival number.
     */
    private static long lockQueue(Connection connection, String seminarId) throws SQLException {
        return lockQueue(connection, seminarId, 1);
    }

    /** As {@link #lockQueue(Connection, String)}, taking {@code count} arrival numbers; returns the last. */
    private static long lockQueue(Connection connection, String seminarId, int count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE seminar_queue SET last_arrival = last_arrival + ? WHERE seminar_id = ?")) {
            update.setInt(1, count);
            update.setString(2, seminarId);
            if (update.executeUpdate() != 1) {
                throw new SQLException("the seminar " + seminarId + " has no queue row");
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT last_arrival FROM seminar_queue WHERE seminar_id = ?")) {
            query.setString(1, seminarId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Gives free seats of the pool to the people waiting longest; returns them, now confirmed.
     *
     * @param counts the pool's seats taken and people waiting, counted under the seminar's lock
     */
    private List<Registration> fill(Connection connection, String seminarId, Pool pool, PoolCounts counts)
            throws SQLException {
        Integer capacity = limits.capacity(seminarId, pool);
        int free = capacity == null ? Integer.MAX_VALUE : capacity - counts.confirmed();
        List<Registration> promoted = new ArrayList<>();
        if (free <= 0 || counts.waiting() == 0) {
            return promoted;
        }
        List<Registration> waiting = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM registration "
                + "WHERE seminar_id = ? AND pool = ? AND status = 'waiting' ORDER BY arrival")) {
            query.setString(1, seminarId);
            query.setString(2, pool.key());
            query.setMaxRows(free == Integer.MAX_VALUE ? 0 : free);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    waiting.add(read(rows, null));
                }
            }
        }
        for (Registration next : waiting) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE registration SET status = 'confirmed', updated_at = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                update.setLong(2, next.id());
                update.executeUpdate();
            }
            promoted.add(findByToken(connection, next.token()).orElseThrow());
        }
        if (!promoted.isEmpty()) {
            storeCounts(connection, seminarId, pool, new PoolCounts(counts.confirmed() + promoted.size(),
                    counts.waiting() - promoted.size()));
        }
        return promoted;
    }

    private void moveTo(Connection connection, long id, Pool pool, RegistrationStatus status, long arrival) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE registration SET pool = ?, status = ?, arrival = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, pool.key());
            update.setString(2, status.key());
            update.setLong(3, arrival);
            update.setTimestamp(4, Timestamp.from(clock.instant()));
            update.setLong(5, id);
            update.executeUpdate();
        }
    }

    /** Seats taken and people waiting in one pool, as kept in pool_count (read under the seminar's lock). */
    private static PoolCounts counts(Connection connection, String seminarId, Pool pool) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT confirmed, waiting FROM pool_count WHERE seminar_id = ? AND pool = ?")) {
            query.setString(1, seminarId);
            query.setString(2, pool.key());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new PoolCounts(rows.getInt(1), rows.getInt(2)) : PoolCounts.NONE;
            }
        }
    }

    /**
     * Writes the pool's counts. Only under the seminar's lock, which every change of its registrations'
     * status or pool takes first: so no two transactions write them at once, and the row, once made,
     * is only updated.
     */
    private static void storeCounts(Connection connection, String seminarId, Pool pool, PoolCounts counts)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE pool_count SET confirmed = ?, waiting = ? WHERE seminar_id = ? AND pool = ?")) {
            update.setInt(1, counts.confirmed());
            update.setInt(2, counts.waiting());
            update.setString(3, seminarId);
            update.setString(4, pool.key());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO pool_count (seminar_id, pool, confirmed, waiting) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, seminarId);
            insert.setString(2, pool.key());
            insert.setInt(3, counts.confirmed());
            insert.setInt(4, counts.waiting());
            insert.executeUpdate();
        }
    }

    /** The counts of a pool once a registration of {@code status} has left it (cancelled or moved away). */
    private static PoolCounts leaving(PoolCounts counts, RegistrationStatus status) {
        return switch (status) {
            case CONFIRMED -> new PoolCounts(counts.confirmed() - 1, counts.waiting());
            case WAITING -> new PoolCounts(counts.confirmed(), counts.waiting() - 1);
            case CANCELLED -> counts;
        };
    }

    private Optional<Registration> findActive(Connection connection, String seminarId, String emailKey) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT token FROM registration "
                + "WHERE seminar_id = ? AND email_key = ? AND status <> 'cancelled'")) {
            query.setString(1, seminarId);
            query.setString(2, emailKey);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? findByToken(connection, rows.getString(1)) : Optional.empty();
            }
        }
    }

    private Optional<Registration> findByToken(Connection connection, String token) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + ", (SELECT COUNT(*) FROM registration w "
                + "WHERE w.seminar_id = r.seminar_id AND w.pool = r.pool AND w.status = 'waiting' AND w.arrival <= r.arrival) "
                + "FROM registration r WHERE token = ?")) {
            query.setString(1, token);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows, rows.getInt(19))) : Optional.empty();
            }
        }
    }

    private Registration read(ResultSet rows, Integer waitingPosition) throws SQLException {
        RegistrationStatus status = RegistrationStatus.ofKey(rows.getString("status"));
        Applicant applicant = new Applicant(rows.getString("name"), rows.getString("kana"), rows.getString("email"),
                rows.getString("organization"), rows.getBoolean("member"), rows.getString("member_body"),
                rows.getInt("fee_yen"), fromJson(rows.getString("answers")), rows.getString("language"));
        Timestamp checkedIn = rows.getTimestamp("checked_in_at");
        return new Registration(rows.getLong("id"), rows.getString("token"), rows.getString("seminar_id"),
                Pool.ofKey(rows.getString("pool")), status, status == RegistrationStatus.WAITING ? waitingPosition : null,
                applicant, rows.getTimestamp("created_at").toInstant(), checkedIn == null ? null : checkedIn.toInstant(),
                rows.getString("checked_in_by"));
    }

    private static Registration withPosition(Registration r, int position) {
        return new Registration(r.id(), r.token(), r.seminarId(), r.pool(), r.status(), position, r.applicant(),
                r.createdAt(), r.checkedIn(), r.checkedInBy());
    }


    private String toJson(Map<String, String> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private Map<String, String> fromJson(String text) throws SQLException {
        try {
            return json.readValue(text, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new SQLException("the stored questionnaire answers are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
