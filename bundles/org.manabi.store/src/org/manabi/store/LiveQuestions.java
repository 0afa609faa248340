package org.manabi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Live mode: an instructor opens one question of the seminar's quiz to the room, the participants
 * answer it on their phones, everyone sees the distribution grow, the instructor reveals the answer.
 * Everything is in the database, so any node of several over one PostgreSQL serves any request.
 */
public final class LiveQuestions {

    /** The question open (or last opened) in a seminar. */
    public record LiveQuestion(long id, String seminarId, String itemId, Instant openedAt, Instant revealedAt) {

        public boolean revealed() {
            return revealedAt != null;
        }
    }

    private final Database database;
    private final Clock clock;

    public LiveQuestions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Opens {@code itemId} to the room of {@code seminarId}; it replaces the question open before. */
    public LiveQuestion open(String seminarId, String itemId, String staff) throws StoreException {
        return database.inTransaction("open a live question", connection -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO live_question "
                    + "(seminar_id, item_id, opened_at, opened_by) VALUES (?, ?, ?, ?)", new String[] { "id" })) {
                insert.setString(1, seminarId);
                insert.setString(2, itemId);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setString(4, staff);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            connection.commit();
            return new LiveQuestion(id, seminarId, itemId, now, null);
        });
    }

    /** The seminar's current question: the newest opened, revealed or not. */
    public Optional<LiveQuestion> current(String seminarId) throws StoreException {
        return database.inTransaction("read the live question", connection -> {
            Optional<LiveQuestion> current = Optional.empty();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, seminar_id, item_id, opened_at, "
                    + "revealed_at FROM live_question WHERE seminar_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
                select.setString(1, seminarId);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        Timestamp revealed = rows.getTimestamp(5);
                        current = Optional.of(new LiveQuestion(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getTimestamp(4).toInstant(), revealed == null ? null : revealed.toInstant()));
                    }
                }
            }
            connection.commit();
            return current;
        });
    }

    /**
     * Records (or changes) {@code participant}'s answer to the question {@code questionId}, while it
     * is the seminar's current question and not revealed.
     *
     * @return whether it was taken
     */
    public boolean answer(long questionId, String participant, String response) throws StoreException {
        return database.inTransaction("answer a live question", connection -> {
            // the question's row lock orders this answer against the reveal
            String seminarId;
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT seminar_id, revealed_at FROM live_question WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, questionId);
                try (ResultSet rows = lock.executeQuery()) {
                    if (!rows.next() || rows.getTimestamp(2) != null) {
                        connection.rollback();
                        return false;
                    }
                    seminarId = rows.getString(1);
                }
            }
            try (PreparedStatement newest = connection.prepareStatement(
                    "SELECT MAX(id) FROM live_question WHERE seminar_id = ?")) {
                newest.setString(1, seminarId);
                try (ResultSet rows = newest.executeQuery()) {
                    if (!rows.next() || rows.getLong(1) != questionId) {
                        connection.rollback();
                        return false;
                    }
                }
            }
            Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
            try (PreparedStatement update = connection.prepareStatement("UPDATE live_answer SET response = ?, "
                    + "answered_at = ? WHERE question_id = ? AND participant = ?")) {
                update.setString(1, response);
                update.setTimestamp(2, now);
                update.setLong(3, questionId);
                update.setString(4, participant);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO live_answer "
                            + "(question_id, participant, response, answered_at) VALUES (?, ?, ?, ?)")) {
                        insert.setLong(1, questionId);
                        insert.setString(2, participant);
                        insert.setString(3, response);
                        insert.setTimestamp(4, now);
                        insert.executeUpdate();
                    }
                }
            }
            connection.commit();
            return true;
        });
    }

    /** How many answered what: response to count. */
    public Map<String, Integer> distribution(long questionId) throws StoreException {
        return database.inTransaction("count live answers", connection -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT response, COUNT(*) FROM live_answer "
                    + "WHERE question_id = ? GROUP BY response ORDER BY response")) {
                select.setLong(1, questionId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            connection.commit();
            return counts;
        });
    }

    /** {@code participant}'s answer to the question, if any. */
    public Optional<String> answerOf(long questionId, String participant) throws StoreException {
        return database.inTransaction("read a live answer", connection -> {
            Optional<String> answer = Optional.empty();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT response FROM live_answer WHERE question_id = ? AND participant = ?")) {
                select.setLong(1, questionId);
                select.setString(2, participant);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        answer = Optional.of(rows.getString(1));
                    }
                }
            }
            connection.commit();
            return answer;
        });
    }

    /** Reveals the answer of the question: no more answers are taken. */
    public void reveal(long questionId) throws StoreException {
        database.inTransaction("reveal a live question", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE live_question SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL")) {
                update.setTimestamp(1, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
                update.setLong(2, questionId);
                update.executeUpdate();
            }
            connection.commit();
            return null;
        });
    }
}
