package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.AttemptLimitException;
import org.manabi.store.Database;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts;
import org.manabi.store.QuizAttempts.Grade;
import org.manabi.store.QuizAttempts.Saved;
import org.manabi.store.SavedAnswer;

class QuizAttemptsTest {

    private static final String QUIZ = "dicom-beginner-2027-quiz";
    private static final String SEMINAR = "dicom-beginner-2027";
    private static final String ALICE = QuizAttempts.ofRegistration(1);
    private static final String BOB = QuizAttempts.ofRegistration(2);

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    /** A clock the test moves: the deadline is the server's, so time is the server's too. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2027-07-02T07:30:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    /** Right when the response is "right"; one point per item. */
    private static Grade mark(String itemId, String response) {
        return "right".equals(response) ? new Grade(1, "RIGHT") : new Grade(0, "WRONG");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void answersSavedWhileWorkingAreThereAfterAReloadAndAreGradedOnSubmit(TestDatabases.Kind kind) throws Exception {
        TestClock clock = new TestClock();
        try (Database database = kind.open()) {
            QuizAttempts attempts = new QuizAttempts(database, clock);
            QuizAttempt attempt = attempts.start(ALICE, SEMINAR, QUIZ, 2, Duration.ofMinutes(20), () -> "q2\nq1\n");
            assertEquals(1, attempt.number());
            assertEquals(clock.instant().plus(Duration.ofMinutes(20)), attempt.deadline());

            assertEquals(Saved.SAVED, attempts.save(attempt.id(), Map.of("q1", "wrong", "q2", "right")));
            clock.advance(Duration.ofMinutes(1));
            assertEquals(Saved.SAVED, attempts.save(attempt.id(), Map.of("q1", "right")));

            // a reload: a new store object on the same database (another node, a restart) sees everything
            try (Database again = kind.open()) {
                QuizAttempts reloaded = new QuizAttempts(again, clock);
                QuizAttempt resumed = reloaded.start(ALICE, SEMINAR, QUIZ, 2, Duration.ofMinutes(20), () -> "other");
                assertEquals(attempt.id(), resumed.id(), "the open attempt, not a new one");
                assertEquals("q2\nq1\n", resumed.order(), "the order drawn at the start");
                Map<String, SavedAnswer> saved = reloaded.answers(attempt.id());
                assertEquals("right", saved.get("q1").response());
                assertEquals("right", saved.get("q2").response());
            }

            QuizAttempt submitted = attempts.submit(attempt.id(), 3, QuizAttemptsTest::mark);
            assertTrue(submitted.submitted());
            assertFalse(submitted.late());
            assertEquals(2.0, submitted.points());
            assertEquals(3, submitted.maxPoints());
            assertEquals(submitted, attempts.find(attempt.id()).orElseThrow(), "what is reported is what is stored");
            assertEquals(1.0, attempts.answers(attempt.id()).get("q1").points());
            assertEquals("RIGHT", attempts.answers(attempt.id()).get("q1").verdict());

            assertEquals(Saved.SUBMITTED, attempts.save(attempt.id(), Map.of("q3", "right")));
            assertEquals(submitted, attempts.submit(attempt.id(), 3, (item, response) -> new Grade(9, "RIGHT")),
                    "submitting twice changes nothing");
            assertEquals(Set.of(attempt.id()), attempts.submittedAnswers(QUIZ).keySet());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void afterTheDeadlineNothingIsSavedAndTheLateSubmitCountsWhatWasSavedInTime(TestDatabases.Kind kind)
            throws Exception {
        TestClock clock = new TestClock();
        try (Database database = kind.open()) {
            QuizAttempts attempts = new QuizAttempts(database, clock);
            QuizAttempt attempt = attempts.start(ALICE, SEMINAR, QUIZ, 1, Duration.ofMinutes(20), () -> "q1\nq2\n");
            attempts.save(attempt.id(), Map.of("q1", "right"));
            clock.advance(Duration.ofMinutes(20));
            assertEquals(Saved.SAVED, attempts.save(attempt.id(), Map.of("q2", "wrong")), "the deadline itself counts");
            clock.advance(Duration.ofMillis(1));
            assertEquals(Saved.TOO_LATE, attempts.save(attempt.id(), Map.of("q2", "right")));

            QuizAttempt late = attempts.submit(attempt.id(), 2, QuizAttemptsTest::mark);
            assertTrue(late.late());
            assertEquals(1.0, late.points(), "q2 stays as saved before the deadline");
            assertEquals("wrong", attempts.answers(attempt.id()).get("q2").response());
        }
    }

    /** The last answers and the submit in one transaction: counted in time, refused after the deadline. */
    @ParameterizedTest
    @MethodSource("databases")
    void submitWithTheLastAnswers(TestDatabases.Kind kind) throws Exception {
        TestClock clock = new TestClock();
        try (Database database = kind.open()) {
            QuizAttempts attempts = new QuizAttempts(database, clock);
            QuizAttempt inTime = attempts.start(ALICE, SEMINAR, QUIZ, 0, Duration.ofMinutes(20), () -> "q1\nq2\n");
            attempts.save(inTime.id(), Map.of("q1", "wrong"));
            QuizAttempts.Submitted submitted = attempts.submit(inTime.id(), Map.of("q1", "right", "q2", "right"), 2,
                    QuizAttemptsTest::mark);
            assertEquals(Saved.SAVED, submitted.responses());
            assertEquals(2.0, submitted.attempt().points(), "the answers sent with the submit count");
            assertEquals("right", attempts.answers(inTime.id()).get("q1").response());

            QuizAttempt late = attempts.start(ALICE, SEMINAR, QUIZ, 0, Duration.ofMinutes(20), () -> "q1\nq2\n");
            attempts.save(late.id(), Map.of("q1", "right"));
            clock.advance(Duration.ofMinutes(21));
            submitted = attempts.submit(late.id(), Map.of("q2", "right"), 2, QuizAttemptsTest::mark);
            assertEquals(Saved.TOO_LATE, submitted.responses());
            assertTrue(submitted.attempt().late());
            assertEquals(1.0, submitted.attempt().points(), "only what was saved in time");
            assertEquals(Set.of("q1"), attempts.answers(late.id()).keySet());
            assertEquals(Saved.SUBMITTED, attempts.submit(late.id(), Map.of("q2", "right"), 2,
                    QuizAttemptsTest::mark).responses());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theAttemptLimitHoldsAndAttemptsAreEachParticipantsOwn(TestDatabases.Kind kind) throws Exception {
        TestClock clock = new TestClock();
        try (Database database = kind.open()) {
            QuizAttempts attempts = new QuizAttempts(database, clock);
            for (int i = 1; i <= 2; i++) {
                QuizAttempt attempt = attempts.start(ALICE, SEMINAR, QUIZ, 2, null, () -> "q1\n");
                assertEquals(i, attempt.number());
                assertNull(attempt.deadline(), "no time limit");
                attempts.submit(attempt.id(), 1, QuizAttemptsTest::mark);
            }
            AttemptLimitException refused = assertThrows(AttemptLimitException.class,
                    () -> attempts.start(ALICE, SEMINAR, QUIZ, 2, null, () -> "q1\n"));
            assertEquals(2, refused.limit());
            assertEquals(1, attempts.start(BOB, SEMINAR, QUIZ, 2, null, () -> "q1\n").number(),
                    "Bob has attempts of his own");
            assertEquals(2, attempts.of(ALICE, QUIZ).size());
            assertEquals(3, attempts.ofPaper(QUIZ).size());
            assertEquals(3, attempts.start(ALICE, SEMINAR, QUIZ, 0, null, () -> "q1\n").number(), "0: unlimited");
        }
    }

    /**
     * The submit of the API: the attempt found by participant and number in the submit's own
     * transaction, the answers given back as stored, nobody else's attempt reached.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void submitByNumberGivesBackTheAnswersAsStored(TestDatabases.Kind kind) throws Exception {
        TestClock clock = new TestClock();
        try (Database database = kind.open()) {
            QuizAttempts attempts = new QuizAttempts(database, clock);
            QuizAttempts.Started first = attempts.startOrContinue(ALICE, SEMINAR, QUIZ, 2, null, () -> "q1\nq2\n");
            assertTrue(first.created());
            QuizAttempts.Started again = attempts.startOrContinue(ALICE, SEMINAR, QUIZ, 2, null, () -> "other");
            assertFalse(again.created(), "continued, not a new one");
            assertEquals(first.attempt().id(), again.attempt().id());
            attempts.save(first.attempt().id(), Map.of("q1", "wrong", "q2", "wrong"));

            assertTrue(attempts.submit(BOB, QUIZ, 1, Map.of("q1", "right"), 2, QuizAttemptsTest::mark).isEmpty(),
                    "Bob has no attempt 1");
            assertTrue(attempts.submit(ALICE, QUIZ, 2, Map.of(), 2, QuizAttemptsTest::mark).isEmpty());
            QuizAttempts.Submitted submitted = attempts.submit(ALICE, QUIZ, 1, Map.of("q2", "right"), 2,
                    QuizAttemptsTest::mark).orElseThrow();
            assertEquals(Saved.SAVED, submitted.responses());
            assertEquals(1.0, submitted.attempt().points(), "q1 saved wrong, q2 sent right with the submit");
            assertEquals(attempts.answers(first.attempt().id()), submitted.answers(), "what was stored");
            assertEquals("WRONG", submitted.answers().get("q1").verdict());
            assertEquals(submitted.attempt(), attempts.of(ALICE, QUIZ).get(0));
            assertEquals(Saved.SUBMITTED, attempts.submit(ALICE, QUIZ, 1, Map.of("q1", "right"), 2,
                    QuizAttemptsTest::mark).orElseThrow().responses(), "twice changes nothing");
            assertEquals(1.0, attempts.of(ALICE, QUIZ).get(0).points());
        }
    }

    /** Saves racing the submit of the same attempt: each lands before it (and is graded) or is refused. */
    @ParameterizedTest
    @MethodSource("databases")
    void savesRacingTheSubmitAreGradedOrRefused(TestDatabases.Kind kind) throws Exception {
        TestClock clock = new TestClock();
        try (Database database = kind.open()) {
            QuizAttempts attempts = new QuizAttempts(database, clock);
            long id = attempts.start(ALICE, SEMINAR, QUIZ, 0, null, () -> "q1\nq2\nq3\n").id();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Saved>> saves = new ArrayList<>();
                List<Future<Saved>> submits = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String item = "q" + (i % 3 + 1);
                    saves.add(pool.submit(() -> {
                        go.await();
                        return attempts.save(id, Map.of(item, "right"));
                    }));
                    submits.add(pool.submit(() -> {
                        go.await();
                        return attempts.submit(ALICE, QUIZ, 1, Map.of(), 3, QuizAttemptsTest::mark).orElseThrow()
                                .responses();
                    }));
                }
                go.countDown();
                int submitted = 0;
                for (Future<Saved> submit : submits) {
                    submitted += submit.get() == Saved.SAVED ? 1 : 0;
                }
                assertEquals(1, submitted, "one submit submits, the others find it submitted");
                for (Future<Saved> save : saves) {
                    assertTrue(Set.of(Saved.SAVED, Saved.SUBMITTED).contains(save.get()));
                }
                Map<String, SavedAnswer> stored = attempts.answers(id);
                for (SavedAnswer answer : stored.values()) {
                    assertEquals(1.0, answer.points(), "saved before the submit, so graded by it: " + answer);
                }
                assertEquals(stored.size(), attempts.of(ALICE, QUIZ).get(0).points(), 1e-9);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Eight starts at once by one participant, on as many connections: one attempt, not eight. */
    @ParameterizedTest
    @MethodSource("databases")
    void startsAtOnceMakeOneAttempt(TestDatabases.Kind kind) throws Exception {
        TestClock clock = new TestClock();
        try (Database database = kind.open()) {
            QuizAttempts attempts = new QuizAttempts(database, clock);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<QuizAttempt>> starts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    starts.add(pool.submit(() -> {
                        go.await();
                        return attempts.start(ALICE, SEMINAR, QUIZ, 1, null, () -> "q1\n");
                    }));
                }
                go.countDown();
                Set<Long> ids = new java.util.HashSet<>();
                for (Future<QuizAttempt> start : starts) {
                    ids.add(start.get().id());
                }
                assertEquals(1, ids.size(), ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
                assertEquals(1, attempts.of(ALICE, QUIZ).size());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
