package org.manabi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Attempts at quizzes and surveys and the answers saved in them. The store knows neither the
 * questions nor their keys: the caller draws the order and marks the answers (org.manabi.quiz).
 * <p>
 * Every save and the submit lock the attempt's row first, on whichever node: a save that races the
 * submit or the deadline either lands before it and counts, or is refused and says so. The server's
 * clock decides the deadline; what the browser thinks is never asked.
 */
public final class QuizAttempts {

    /** What became of answers sent to be saved. */
    public enum Saved {
        /** Stored; they count. */
        SAVED,
        /** The time limit had passed: nothing was stored. */
        TOO_LATE,
        /** The attempt was already submitted: nothing was stored. */
        SUBMITTED
    }

    /** What one answer earned. */
    public record Grade(double points, String verdict) {
    }

    /** Marks one saved answer when an attempt is submitted. */
    @FunctionalInterface
    public interface Marker {
        Grade mark(String itemId, String response);
    }

    private static final String COLUMNS = "id, participant, seminar_id, paper_id, number, item_order, started_at, "
            + "deadline, submitted_at, late, points, max_points";

    /** How many submits (or starts) one commit may carry. */
    private static final int MAX_BATCH = 64;

    private final Database database;
    private final Clock clock;
    /**
     * Starts and submits are committed in groups, together: they lock different attempts and do not
     * wait for each other, but each commit costs a write of the store (H2 runs with WRITE_DELAY=0) or a
     * WAL flush (PostgreSQL), and under load that is most of a start's or a submit's cost. One group for
     * both kinds halves the commits of participants who start and submit in turn.
     */
    private final GroupCommit<AttemptWrite<?>, Object> writes = new GroupCommit<>(MAX_BATCH, this::writeAll);

    public QuizAttempts(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The participant key of a registration. */
    public static String ofRegistration(long registrationId) {
        return "registration:" + registrationId;
    }

    /** The participant key of a VOD viewing ID requested without registering (as its certificate's holder key). */
    public static String ofViewingId(long viewingId) {
        return "viewing:" + viewingId;
    }

    /**
     * The attempt {@code participant} is working on at {@code paperId}, or else a new one: numbered
     * after the last, with the deadline {@code timeLimit} from now and the order {@code order} draws.
     * An attempt still open is returned even when its time is up: submit it first (late) to start
     * another.
     *
     * @param limit the attempts allowed, 0 for no limit
     * @param timeLimit {@code null} for none
     * @throws AttemptLimitException when every attempt allowed is used
     */
    public QuizAttempt start(String participant, String seminarId, String paperId, int limit, Duration timeLimit,
            Supplier<String> order) throws StoreException {
        return startOrContinue(participant, seminarId, paperId, limit, timeLimit, order).attempt();
    }

    /** An attempt to work on, and whether this call created it (or it was open already). */
    public record Started(QuizAttempt attempt, boolean created) {
    }

    /** As {@link #start}, and says whether the attempt is new: a new one has no answers to read back. */
    public Started startOrContinue(String participant, String seminarId, String paperId, int limit,
            Duration timeLimit, Supplier<String> order) throws StoreException {
        for (int tries = 0;; tries++) {
            try {
                return write(new StartRequest(participant, seminarId, paperId, limit, timeLimit, order));
            } catch (StoreException e) {
                // two starts at once on two nodes: the unique (paper, participant, number) let one through;
                // the other reads it
                if (tries > 0 || !(e.getCause() instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** A start or a submit waiting for the writer, and what it gives back once written. */
    private sealed interface AttemptWrite<T> permits StartRequest, SubmitRequest {
    }

    /** Queues {@code request} with the others and returns its result once its batch has committed. */
    @SuppressWarnings("unchecked") // the batch writer answers each request with its own kind of result
    private <T> T write(AttemptWrite<T> request) throws StoreException {
        return (T) writes.submit(request);
    }

    /** A start waiting for the writer. */
    private record StartRequest(String participant, String seminarId, String paperId, int limit, Duration timeLimit,
            Supplier<String> order) implements AttemptWrite<Started> {
    }

    /**
     * Writes a batch of starts and submits in one transaction, each exactly as if alone. The submits
     * go first, in the order of the attempts they lock, so that two nodes' batches never wait for each
     * other in a circle; then the starts in arrival order: a second start of the same participant in
     * the batch finds the first one's attempt open, a start over the limit is refused. (A start and a
     * submit of the same participant in one batch were sent at the same time, so either order is one
     * they could have had alone.)
     */
    private List<GroupCommit.Outcome<Object>> writeAll(List<AttemptWrite<?>> batch) throws StoreException {
        return database.inTransaction("start and submit attempts", connection -> {
            List<GroupCommit.Outcome<Object>> outcomes = new ArrayList<>(Collections.nCopies(batch.size(), null));
            List<Integer> submits = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i) instanceof SubmitRequest) {
                    submits.add(i);
                }
            }
            submits.sort(Comparator.comparing(i -> ((SubmitRequest) batch.get(i)).lockOrder()));
            for (int i : submits) {
                outcomes.set(i, GroupCommit.Outcome.of(submit(connection, (SubmitRequest) batch.get(i))));
            }
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i) instanceof StartRequest start) {
                    GroupCommit.Outcome<Started> started = start(connection, start);
                    outcomes.set(i, new GroupCommit.Outcome<>(started.result(), started.refusal()));
                }
            }
            connection.commit();
            return outcomes;
        });
    }

    private GroupCommit.Outcome<Started> start(Connection connection, StartRequest request) throws SQLException {
        List<QuizAttempt> earlier = of(connection, request.participant(), request.paperId());
        Optional<QuizAttempt> open = earlier.stream().filter(a -> !a.submitted()).findFirst();
        if (open.isPresent()) {
            return GroupCommit.Outcome.of(new Started(open.get(), false));
        }
        if (request.limit() > 0 && earlier.size() >= request.limit()) {
            return GroupCommit.Outcome.refused(new AttemptLimitException(request.paperId(), request.limit()));
        }
        Instant now = now();
        Instant deadline = request.timeLimit() == null ? null : now.plus(request.timeLimit());
        int number = earlier.isEmpty() ? 1 : earlier.get(earlier.size() - 1).number() + 1;
        String drawn = request.order().get();
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO quiz_attempt "
                + "(participant, seminar_id, paper_id, number, item_order, started_at, deadline) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
            insert.setString(1, request.participant());
            insert.setString(2, request.seminarId());
            insert.setString(3, request.paperId());
            insert.setInt(4, number);
            insert.setString(5, drawn);
            insert.setTimestamp(6, Timestamp.from(now));
            setInstant(insert, 7, deadline);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        return GroupCommit.Outcome.of(new Started(new QuizAttempt(id, request.participant(), request.seminarId(),
                request.paperId(), number, drawn, now, deadline, null, false, null, null), true));
    }

    /** The attempt {@code id}. */
    public Optional<QuizAttempt> find(long id) throws StoreException {
        return database.inTransaction("read an attempt", connection -> {
            Optional<QuizAttempt> found = find(connection, id, false);
            connection.commit();
            return found;
        });
    }

    /** The attempts of {@code participant} at {@code paperId}, first first. */
    public List<QuizAttempt> of(String participant, String paperId) throws StoreException {
        return database.inTransaction("read attempts", connection -> {
            List<QuizAttempt> attempts = of(connection, participant, paperId);
            connection.commit();
            return attempts;
        });
    }

    /** Every attempt at {@code paperId}, by participant and number. */
    public List<QuizAttempt> ofPaper(String paperId) throws StoreException {
        return database.inTransaction("read attempts", connection -> {
            List<QuizAttempt> attempts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM quiz_attempt WHERE paper_id = ? ORDER BY participant, number")) {
                select.setString(1, paperId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        attempts.add(attempt(rows));
                    }
                }
            }
            connection.commit();
            return attempts;
        });
    }

    /**
     * Saves {@code responses} (item id to response) in the attempt, replacing earlier ones of the
     * same items, if the attempt is open and its deadline has not passed.
     */
    public Saved save(long attemptId, Map<String, String> responses) throws StoreException {
        return database.inTransaction("save answers", connection -> {
            QuizAttempt attempt = find(connection, attemptId, true)
                    .orElseThrow(() -> new StoreException("There is no attempt " + attemptId, null));
            Instant now = now();
            Saved outcome = attempt.submitted() ? Saved.SUBMITTED : attempt.overdue(now) ? Saved.TOO_LATE : Saved.SAVED;
            if (outcome != Saved.SAVED) {
                connection.rollback();
                return outcome;
            }
            write(connection, attemptId, responses, now);
            connection.commit();
            return Saved.SAVED;
        });
    }

    /** The answers saved in the attempt, by item id. */
    public Map<String, SavedAnswer> answers(long attemptId) throws StoreException {
        return database.inTransaction("read answers", connection -> {
            Map<String, SavedAnswer> answers = answers(connection, attemptId);
            connection.commit();
            return answers;
        });
    }

    /**
     * The answers of every submitted attempt at {@code paperId}, by attempt id, for the analyses:
     * one query instead of one per attempt.
     */
    public Map<Long, Map<String, SavedAnswer>> submittedAnswers(String paperId) throws StoreException {
        return database.inTransaction("read answers", connection -> {
            Map<Long, Map<String, SavedAnswer>> byAttempt = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT a.id, w.item_id, w.response, "
                    + "w.saved_at, w.points, w.verdict FROM quiz_attempt a JOIN quiz_answer w ON w.attempt_id = a.id "
                    + "WHERE a.paper_id = ? AND a.submitted_at IS NOT NULL ORDER BY a.id")) {
                select.setString(1, paperId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        byAttempt.computeIfAbsent(rows.getLong(1), id -> new LinkedHashMap<>())
                                .put(rows.getString(2), answer(rows, 2));
                    }
                }
            }
            connection.commit();
            return byAttempt;
        });
    }

    /**
     * Submits the attempt: marks every answer saved in time with {@code marker} and records the
     * total. Late when the deadline has passed (the answers saved before it count; none could be
     * saved after it). Submitting twice changes nothing the second time.
     *
     * @param maxPoints the points of a perfect attempt
     */
    public QuizAttempt submit(long attemptId, int maxPoints, Marker marker) throws StoreException {
        return submit(attemptId, Map.of(), maxPoints, marker).attempt();
    }

    /**
     * A submitted attempt, what became of the responses sent with the submission, and the attempt's
     * answers as marked (for the review, without reading them again).
     */
    public record Submitted(QuizAttempt attempt, Saved responses, Map<String, SavedAnswer> answers) {
    }

    /**
     * Saves {@code responses} as {@link #save} does, then submits as {@link #submit(long, int, Marker)}
     * does, in one transaction: a submission with its last answers costs one commit, not two.
     */
    public Submitted submit(long attemptId, Map<String, String> responses, int maxPoints, Marker marker)
            throws StoreException {
        return write(new SubmitRequest(attemptId, null, null, 0, responses, mark(responses, marker),
                maxPoints, marker)).orElseThrow(() -> new StoreException("There is no attempt " + attemptId, null));
    }

    /**
     * As {@link #submit(long, Map, int, Marker)}, for the attempt {@code number} of {@code participant}
     * at {@code paperId}: the attempt is looked up and locked in the submit's own transaction.
     *
     * @return empty when the participant has no such attempt
     */
    public Optional<Submitted> submit(String participant, String paperId, int number, Map<String, String> responses,
            int maxPoints, Marker marker) throws StoreException {
        return write(new SubmitRequest(null, participant, paperId, number, responses,
                mark(responses, marker), maxPoints, marker));
    }

    /** A submit waiting for the writer: the attempt by id, or by participant, paper and number. */
    private record SubmitRequest(Long attemptId, String participant, String paperId, int number,
            Map<String, String> responses, Map<String, Grade> marked, int maxPoints, Marker marker)
            implements AttemptWrite<Optional<Submitted>> {

        /** The order batches lock attempts in, so that two nodes' batches never wait for each other in a circle. */
        String lockOrder() {
            return attemptId != null ? "id:" + attemptId : participant + "\n" + paperId + "\n" + number;
        }
    }

    /** Submits the attempt the request names, which the call locks; empty when there is no such attempt. */
    private Optional<Submitted> submit(Connection connection, SubmitRequest request) throws SQLException {
        Optional<QuizAttempt> attempt = request.attemptId() != null ? find(connection, request.attemptId(), true)
                : find(connection, request.participant(), request.paperId(), request.number());
        return attempt.isEmpty() ? Optional.empty() : Optional.of(submit(connection, attempt.get(), request));
    }

    private static Optional<QuizAttempt> find(Connection connection, String participant, String paperId, int number)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM quiz_attempt "
                + "WHERE participant = ? AND paper_id = ? AND number = ? FOR UPDATE")) {
            select.setString(1, participant);
            select.setString(2, paperId);
            select.setInt(3, number);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(attempt(rows)) : Optional.empty();
            }
        }
    }

    /** The responses marked before the transaction: marking is the caller's code and holds no lock. */
    private static Map<String, Grade> mark(Map<String, String> responses, Marker marker) {
        Map<String, Grade> marked = new LinkedHashMap<>();
        responses.forEach((itemId, response) -> marked.put(itemId, marker.mark(itemId, response)));
        return marked;
    }

    /**
     * Submits {@code attempt}, whose row {@code connection} has locked: the answers saved before and the
     * request's responses (unless late) are written with their marks in one batch, then the attempt.
     * The caller commits.
     */
    private Submitted submit(Connection connection, QuizAttempt attempt, SubmitRequest request) throws SQLException {
        Map<String, String> responses = request.responses();
        Map<String, Grade> marked = request.marked();
        int maxPoints = request.maxPoints();
        Marker marker = request.marker();
        Map<String, SavedAnswer> saved = answers(connection, attempt.id());
        if (attempt.submitted()) {
            return new Submitted(attempt, Saved.SUBMITTED, saved);
        }
        Instant now = now();
        boolean late = attempt.overdue(now);
        Map<String, SavedAnswer> answers = new LinkedHashMap<>();
        List<SavedAnswer> updates = new ArrayList<>();
        List<SavedAnswer> inserts = new ArrayList<>();
        double total = 0;
        for (SavedAnswer before : saved.values()) {
            if (!late && responses.containsKey(before.itemId())) {
                continue; // replaced below
            }
            Grade grade = marker.mark(before.itemId(), before.response());
            SavedAnswer answer = new SavedAnswer(before.itemId(), before.response(), before.savedAt(), grade.points(),
                    grade.verdict());
            answers.put(answer.itemId(), answer);
            updates.add(answer);
            total += grade.points();
        }
        if (!late) {
            for (Map.Entry<String, String> response : responses.entrySet()) {
                Grade grade = marked.get(response.getKey());
                SavedAnswer answer = new SavedAnswer(response.getKey(), response.getValue(), now, grade.points(),
                        grade.verdict());
                answers.put(answer.itemId(), answer);
                (saved.containsKey(answer.itemId()) ? updates : inserts).add(answer);
                total += grade.points();
            }
        }
        writeMarked(connection, attempt.id(), updates, inserts);
        try (PreparedStatement update = connection.prepareStatement("UPDATE quiz_attempt SET submitted_at = ?, "
                + "late = ?, points = ?, max_points = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setBoolean(2, late);
            update.setDouble(3, total);
            update.setInt(4, maxPoints);
            update.setLong(5, attempt.id());
            update.executeUpdate();
        }
        return new Submitted(new QuizAttempt(attempt.id(), attempt.participant(), attempt.seminarId(),
                attempt.paperId(), attempt.number(), attempt.order(), attempt.startedAt(), attempt.deadline(), now,
                late, total, maxPoints), late ? Saved.TOO_LATE : Saved.SAVED, answers);
    }

    /** Writes marked answers: {@code updates} replace rows of the attempt, {@code inserts} are new. */
    private static void writeMarked(Connection connection, long attemptId, List<SavedAnswer> updates,
            List<SavedAnswer> inserts) throws SQLException {
        if (!updates.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE quiz_answer SET response = ?, "
                    + "saved_at = ?, points = ?, verdict = ? WHERE attempt_id = ? AND item_id = ?")) {
                for (SavedAnswer answer : updates) {
                    update.setString(1, answer.response());
                    update.setTimestamp(2, Timestamp.from(answer.savedAt()));
                    update.setDouble(3, answer.points());
                    update.setString(4, answer.verdict());
                    update.setLong(5, attemptId);
                    update.setString(6, answer.itemId());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO quiz_answer "
                    + "(attempt_id, item_id, response, saved_at, points, verdict) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (SavedAnswer answer : inserts) {
                    insert.setLong(1, attemptId);
                    insert.setString(2, answer.itemId());
                    insert.setString(3, answer.response());
                    insert.setTimestamp(4, Timestamp.from(answer.savedAt()));
                    insert.setDouble(5, answer.points());
                    insert.setString(6, answer.verdict());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /**
     * Writes {@code responses} into the attempt, replacing earlier ones of the same items. The caller
     * holds the attempt's row lock, which serialises writes of one attempt: no insert can race these.
     */
    private static void write(Connection connection, long attemptId, Map<String, String> responses, Instant now)
            throws SQLException {
        if (responses.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> answers = List.copyOf(responses.entrySet());
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE quiz_answer SET response = ?, saved_at = ? WHERE attempt_id = ? AND item_id = ?")) {
            for (Map.Entry<String, String> answer : answers) {
                update.setString(1, answer.getValue());
                update.setTimestamp(2, Timestamp.from(now));
                update.setLong(3, attemptId);
                update.setString(4, answer.getKey());
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO quiz_answer (attempt_id, item_id, response, saved_at) VALUES (?, ?, ?, ?)")) {
            boolean any = false;
            for (int i = 0; i < answers.size(); i++) {
                if (updated[i] == 0) {
                    insert.setLong(1, attemptId);
                    insert.setString(2, answers.get(i).getKey());
                    insert.setString(3, answers.get(i).getValue());
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    private Instant now() {
        // microseconds: what both databases keep, so the answer equals what is read back later
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<QuizAttempt> of(Connection connection, String participant, String paperId)
            throws SQLException {
        List<QuizAttempt> attempts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM quiz_attempt WHERE participant = ? AND paper_id = ? ORDER BY number")) {
            select.setString(1, participant);
            select.setString(2, paperId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    attempts.add(attempt(rows));
                }
            }
        }
        return attempts;
    }

    private static Optional<QuizAttempt> find(Connection connection, long id, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM quiz_attempt WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(attempt(rows)) : Optional.empty();
            }
        }
    }

    private static Map<String, SavedAnswer> answers(Connection connection, long attemptId) throws SQLException {
        Map<String, SavedAnswer> answers = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT item_id, response, saved_at, points, "
                + "verdict FROM quiz_answer WHERE attempt_id = ? ORDER BY item_id")) {
            select.setLong(1, attemptId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    SavedAnswer answer = answer(rows, 1);
                    answers.put(answer.itemId(), answer);
                }
            }
        }
        return answers;
    }

    private static SavedAnswer answer(ResultSet rows, int first) throws SQLException {
        double points = rows.getDouble(first + 3);
        return new SavedAnswer(rows.getString(first), rows.getString(first + 1),
                rows.getTimestamp(first + 2).toInstant(), rows.wasNull() ? null : points, rows.getString(first + 4));
    }

    private static QuizAttempt attempt(ResultSet rows) throws SQLException {
        double points = rows.getDouble(11);
        Double pointsOrNull = rows.wasNull() ? null : points;
        int max = rows.getInt(12);
        Integer maxOrNull = rows.wasNull() ? null : max;
        return new QuizAttempt(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getInt(5), rows.getString(6), rows.getTimestamp(7).toInstant(), instant(rows.getTimestamp(8)),
                instant(rows.getTimestamp(9)), rows.getBoolean(10), pointsOrNull, maxOrNull);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant));
        }
    }
}
