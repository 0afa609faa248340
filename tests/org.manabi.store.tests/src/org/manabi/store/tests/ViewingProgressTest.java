package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.Database;
import org.manabi.store.Progress;
import org.manabi.store.Requester;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIds;
import org.manabi.store.ViewingProgress;
import org.manabi.store.WatchedIntervals.Interval;

class ViewingProgressTest {

    private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
    /** A video of 100 seconds. */
    private static final int DURATION = 100;

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    private static ViewingId id(Database database, TestClock clock) throws Exception {
        return new ViewingIds(database, clock).request("ghs-video-2026",
                new Requester("石田 花子", "hanako@example.jp", "病院", "ja"), true, null);
    }

    private static Interval seconds(int from, int to) {
        return new Interval(from * 1000L, to * 1000L);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void watchingInRealTimeCompletesAt95Percent(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            TestClock clock = new TestClock(NOW);
            ViewingProgress progress = new ViewingProgress(database, clock);
            long id = id(database, clock).id();

            progress.report(id, "v", DURATION, List.of());
            Progress p = null;
            for (int second = 10; second <= 90; second += 10) {
                clock.advance(Duration.ofSeconds(10));
                p = progress.report(id, "v", DURATION, List.of(seconds(second - 10, second)));
            }
            assertEquals(90, p.percent());
            assertFalse(p.completed(), "90 % is not yet complete");

            clock.advance(Duration.ofSeconds(5));
            p = progress.report(id, "v", DURATION, List.of(seconds(90, 95)));
            assertTrue(p.completed());
            assertEquals(NOW.plusSeconds(95), p.completedAt());
            assertEquals(Map.of(id, Set.of("v")), progress.completedVideos());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void skippingAheadToTheEndDoesNotComplete(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            TestClock clock = new TestClock(NOW);
            ViewingProgress progress = new ViewingProgress(database, clock);
            long id = id(database, clock).id();

            progress.report(id, "v", DURATION, List.of());
            clock.advance(Duration.ofSeconds(10));
            progress.report(id, "v", DURATION, List.of(seconds(0, 10)));
            // seek to 90 s, play the last ten seconds to the end
            clock.advance(Duration.ofSeconds(10));
            Progress p = progress.report(id, "v", DURATION, List.of(seconds(90, 100)));

            assertEquals(100_000, p.watched().furthest(), "the furthest point is the end");
            assertEquals(20, p.percent());
            assertFalse(p.completed());
            assertTrue(progress.completedVideos().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aForgedReportOfTheWholeVideoCountsOnlyWhatTheWallClockAllows(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            TestClock clock = new TestClock(NOW);
            ViewingProgress progress = new ViewingProgress(database, clock);
            long id = id(database, clock).id();

            Progress first = progress.report(id, "v", DURATION, List.of(seconds(0, 100)));
            assertEquals(5, first.percent(), "a first report counts the slack only");

            clock.advance(Duration.ofSeconds(20));
            Progress p = progress.report(id, "v", DURATION, List.of(seconds(0, 100)));
            // 20 s at double speed plus 5 s of slack
            assertEquals(45, p.percent());
            assertFalse(p.completed());

            clock.advance(Duration.ofSeconds(30));
            p = progress.report(id, "v", DURATION, List.of(seconds(0, 100)));
            assertTrue(p.completed(), "after half the duration at double speed the whole video may be watched");
            assertNotNull(progress.of(id, Map.of("v", DURATION, "other", 50)).get("v"));
            assertEquals(1, progress.of(id, Map.of("v", DURATION, "other", 50)).size());
        }
    }
}
