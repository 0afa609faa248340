package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.Applicant;
import org.manabi.store.Change;
import org.manabi.store.Database;
import org.manabi.store.DuplicateRegistrationException;
import org.manabi.store.Pool;
import org.manabi.store.PoolCounts;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Registrations;
import org.manabi.store.StoreException;

class RegistrationsTest {

    private static final String SEMINAR = "fy2026-dicom-beginner";

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    /** Capacities a test can change while registrations run, as an edited curriculum would. */
    private final Map<Pool, Integer> capacities = new ConcurrentHashMap<>(Map.of(Pool.ONSITE, 2, Pool.WEB, 1));

    private Registrations registrations(Database database) {
        return new Registrations(database, (seminar, pool) -> capacities.get(pool), Clock.systemUTC());
    }

    private static Applicant person(String name) {
        return new Applicant(name, "テスト", name.toLowerCase() + "@example.jp", "株式会社テスト", true, "JIRA", 5000,
                Map.of("q1", "PACS の運用"), "ja");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void seatsGoInOrderOfArrivalThenTheWaitingListGivesPositions(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);

            Registration a = registrations.register(SEMINAR, Pool.ONSITE, person("Aoki")).registration();
            Registration b = registrations.register(SEMINAR, Pool.ONSITE, person("Baba")).registration();
            Registration c = registrations.register(SEMINAR, Pool.ONSITE, person("Chiba")).registration();
            Registration d = registrations.register(SEMINAR, Pool.ONSITE, person("Doi")).registration();

            assertEquals(RegistrationStatus.CONFIRMED, a.status());
            assertEquals(RegistrationStatus.CONFIRMED, b.status());
            assertNull(b.position());
            assertEquals(RegistrationStatus.WAITING, c.status());
            assertEquals(1, c.position());
            assertEquals(2, d.position());
            assertEquals(Map.of("q1", "PACS の運用"), registrations.find(a.token()).orElseThrow().applicant().answers());
            assertTrue(a.token().length() >= 22, "a token carries at least 128 bits: " + a.token());
            Map<Pool, org.manabi.store.PoolCounts> counts = registrations.counts().get(SEMINAR);
            assertEquals(2, counts.get(Pool.ONSITE).confirmed());
            assertEquals(2, counts.get(Pool.ONSITE).waiting());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSameAddressCannotTakeASecondPlaceButMayComeBackAfterCancelling(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            Registration first = registrations.register(SEMINAR, Pool.ONSITE, person("Aoki")).registration();

            Applicant sameAddressWrittenOtherwise = new Applicant("青木", "アオキ", "  ＡＯＫＩ@Example.JP ", "x", false, null,
                    8000, Map.of(), "ja");
            DuplicateRegistrationException duplicate = assertThrows(DuplicateRegistrationException.class,
                    () -> registrations.register(SEMINAR, Pool.WEB, sameAddressWrittenOtherwise));
            assertEquals(first.token(), duplicate.existing().token());
            assertEquals(1, registrations.ofSeminar(SEMINAR).size(), "the refused registration left nothing behind");

            registrations.register("fy2026-mds-sds", Pool.WEB, sameAddressWrittenOtherwise); // another seminar is fine
            registrations.cancel(first.token());
            Registration again = registrations.register(SEMINAR, Pool.WEB, sameAddressWrittenOtherwise).registration();
            assertEquals(RegistrationStatus.CONFIRMED, again.status());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void cancellingASeatPromotesTheFirstWaitingOfThatPoolOnly(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            Registration a = registrations.register(SEMINAR, Pool.ONSITE, person("Aoki")).registration();
            registrations.register(SEMINAR, Pool.ONSITE, person("Baba"));
            Registration c = registrations.register(SEMINAR, Pool.ONSITE, person("Chiba")).registration();
            Registration d = registrations.register(SEMINAR, Pool.ONSITE, person("Doi")).registration();
            registrations.register(SEMINAR, Pool.WEB, person("Endo"));
            Registration webWaiting = registrations.register(SEMINAR, Pool.WEB, person("Fujii")).registration();

            Change change = registrations.cancel(a.token()).orElseThrow();

            assertEquals(RegistrationStatus.CANCELLED, change.registration().status());
            assertEquals(List.of(c.token()), change.promoted().stream().map(Registration::token).toList());
            assertEquals(RegistrationStatus.CONFIRMED, registrations.find(c.token()).orElseThrow().status());
            assertEquals(1, registrations.find(d.token()).orElseThrow().position(), "the next in line moved up");
            assertEquals(RegistrationStatus.WAITING, registrations.find(webWaiting.token()).orElseThrow().status());

            Change again = registrations.cancel(a.token()).orElseThrow();
            assertTrue(again.promoted().isEmpty(), "cancelling twice gives away nothing more");
            assertEquals(RegistrationStatus.WAITING, registrations.find(d.token()).orElseThrow().status());
            assertTrue(registrations.cancel("no-such-token").isEmpty());

            // the holder of a token, as the quizzes read it, follows the same changes
            assertEquals(new Registrations.Holder(a.id(), SEMINAR, RegistrationStatus.CANCELLED),
                    registrations.holder(a.token()).orElseThrow());
            assertEquals(new Registrations.Holder(c.id(), SEMINAR, RegistrationStatus.CONFIRMED),
                    registrations.holder(c.token()).orElseThrow(), "promoted");
            assertEquals(RegistrationStatus.WAITING, registrations.holder(d.token()).orElseThrow().status());
            assertTrue(registrations.holder("no-such-token").isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void movingToTheOtherPoolFreesTheSeatLeftAndQueuesAtTheEnd(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            Registration a = registrations.register(SEMINAR, Pool.ONSITE, person("Aoki")).registration();
            registrations.register(SEMINAR, Pool.ONSITE, person("Baba"));
            Registration c = registrations.register(SEMINAR, Pool.ONSITE, person("Chiba")).registration();
            registrations.register(SEMINAR, Pool.WEB, person("Endo"));
            Registration f = registrations.register(SEMINAR, Pool.WEB, person("Fujii")).registration();

            Change move = registrations.move(a.token(), Pool.WEB).orElseThrow();

            assertEquals(Pool.WEB, move.registration().pool());
            assertEquals(RegistrationStatus.WAITING, move.registration().status());
            assertEquals(2, move.registration().position(), "behind Fujii, who waited first");
            assertEquals(List.of(c.token()), move.promoted().stream().map(Registration::token).toList());
            assertEquals(1, registrations.find(f.token()).orElseThrow().position());

            capacities.put(Pool.WEB, 3); // the committee adds web places
            Change back = registrations.move(c.token(), Pool.WEB).orElseThrow();
            assertEquals(RegistrationStatus.WAITING, back.registration().status(),
                    "two were waiting for the web before Chiba; the two new places are theirs");
            assertEquals(List.of(f.token(), a.token()), back.promoted().stream().map(Registration::token).toList());
            assertEquals(Pool.WEB, registrations.move(c.token(), Pool.WEB).orElseThrow().registration().pool());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anUndecidedCapacitySeatsEveryoneAndCheckInNeedsASeat(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            capacities.remove(Pool.WEB);
            Registrations registrations = registrations(database);
            List<Registration> all = new ArrayList<>();
            for (String name : List.of("Aoki", "Baba", "Chiba")) {
                all.add(registrations.register(SEMINAR, Pool.WEB, person(name)).registration());
            }
            assertTrue(all.stream().allMatch(r -> r.status() == RegistrationStatus.CONFIRMED));

            Registration checkedIn = registrations.checkIn(all.get(0).token(), "staff@example.jp").orElseThrow();
            assertNotNull(checkedIn.checkedIn());
            assertEquals("staff@example.jp", checkedIn.checkedInBy());
            assertEquals(checkedIn.checkedIn(),
                    registrations.checkIn(all.get(0).token(), "other@example.jp").orElseThrow().checkedIn(),
                    "a second scan keeps the first check-in");

            registrations.cancel(all.get(1).token());
            StoreException refused = assertThrows(StoreException.class,
                    () -> registrations.checkIn(all.get(1).token(), "staff@example.jp"));
            assertTrue(refused.getMessage().contains("Baba is cancelled"), refused.getMessage());
        }
    }

    /**
     * 200 people ask at once for a pool of 50, five times over: exactly 50 seats each time, the rest
     * waiting in the order the database served them, and every answer matches what is stored.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void twoHundredAtOnceForFiftySeatsNeverOversell(TestDatabases.Kind kind) throws Exception {
        capacities.put(Pool.ONSITE, 50);
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            for (int round = 0; round < 5; round++) {
                assertRushIsFair(List.of(registrations), "burst-" + round);
            }
        }
    }

    /** Two server nodes over one PostgreSQL share one truth: the capacity holds across both. */
    @org.junit.jupiter.api.Test
    void twoNodesOnOnePostgresqlShareTheCapacity() throws Exception {
        capacities.put(Pool.ONSITE, 50);
        try (TestDatabases.Kind kind = TestDatabases.postgres(); Database node1 = kind.open(); Database node2 = kind.open()) {
            assertRushIsFair(List.of(registrations(node1), registrations(node2)), "two-nodes");
        }
    }

    private void assertRushIsFair(List<Registrations> nodes, String seminar) throws Exception {
        int people = 200;
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Registration>> answers = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                Registrations node = nodes.get(i % nodes.size());
                Applicant applicant = person("p" + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return node.register(seminar, Pool.ONSITE, applicant).registration();
                }));
            }
            start.countDown();
            Map<String, Registration> answered = new HashMap<>();
            for (Future<Registration> answer : answers) {
                Registration r = answer.get();
                answered.put(r.token(), r);
            }

            List<Registration> stored = nodes.get(0).ofSeminar(seminar);
            assertEquals(people, stored.size());
            List<Registration> confirmed = stored.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED).toList();
            List<Registration> waiting = stored.stream().filter(r -> r.status() == RegistrationStatus.WAITING).toList();
            assertEquals(50, confirmed.size(), seminar + ": seats sold");
            assertEquals(150, waiting.size(), seminar + ": waiting");
            assertEquals(new PoolCounts(50, 150), nodes.get(0).countsOf(seminar).get(Pool.ONSITE),
                    seminar + ": the counts kept under the lock");
            for (int i = 0; i < waiting.size(); i++) {
                Registration w = waiting.get(i);
                assertEquals(i + 1, w.position());
                Registration told = answered.get(w.token());
                assertEquals(RegistrationStatus.WAITING, told.status(), "what the person was told is what is stored");
                assertEquals(i + 1, told.position(), "the position told is the position in arrival order");
            }
            for (Registration c : confirmed) {
                assertEquals(RegistrationStatus.CONFIRMED, answered.get(c.token()).status());
                // registered under the seminar's lock: every seat was taken before the first person waited
                assertFalse(c.createdAt().isAfter(waiting.get(0).createdAt()), "a seat went to a later arrival");
            }
            for (int i = 1; i < waiting.size(); i++) {
                assertFalse(waiting.get(i - 1).createdAt().isAfter(waiting.get(i).createdAt()),
                        "the waiting list is in order of arrival");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The seats taken and the people waiting are kept (pool_count) rather than counted at each
     * registration: after registrations, cancellations of seats and of places on the waiting list,
     * moves both ways and a capacity raised, they are what the registrations say.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theCountsKeptAreTheCountsOfTheRegistrations(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            List<Registration> people = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                people.add(registrations.register(SEMINAR, i % 3 == 0 ? Pool.WEB : Pool.ONSITE, person("n" + i))
                        .registration());
            }
            assertCountsAreTheRegistrations(registrations);
            registrations.cancel(people.get(1).token()); // a seat onsite
            registrations.cancel(people.get(11).token()); // a place on the onsite waiting list
            assertCountsAreTheRegistrations(registrations);
            registrations.move(people.get(0).token(), Pool.ONSITE); // a web seat to the onsite waiting list
            registrations.move(people.get(10).token(), Pool.WEB); // from the onsite waiting list
            assertCountsAreTheRegistrations(registrations);
            capacities.put(Pool.ONSITE, 5);
            registrations.register(SEMINAR, Pool.ONSITE, person("late")); // the new places go to those waiting
            registrations.cancel(people.get(2).token());
            registrations.cancel(people.get(2).token()); // twice changes nothing
            assertCountsAreTheRegistrations(registrations);
        }
    }

    private static void assertCountsAreTheRegistrations(Registrations registrations) throws StoreException {
        Map<Pool, PoolCounts> counted = new HashMap<>();
        for (Registration r : registrations.ofSeminar(SEMINAR)) {
            PoolCounts c = counted.getOrDefault(r.pool(), PoolCounts.NONE);
            if (r.status() == RegistrationStatus.CONFIRMED) {
                counted.put(r.pool(), new PoolCounts(c.confirmed() + 1, c.waiting()));
            } else if (r.status() == RegistrationStatus.WAITING) {
                counted.put(r.pool(), new PoolCounts(c.confirmed(), c.waiting() + 1));
            }
        }
        assertEquals(counted, registrations.countsOf(SEMINAR));
    }

    /** A database made before pool_count gets its counts from its registrations (V11). */
    @ParameterizedTest
    @MethodSource("databases")
    void aDatabaseFromBeforeTheKeptCountsGetsThemFromItsRegistrations(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            for (int i = 0; i < 5; i++) {
                registrations.register(SEMINAR, Pool.ONSITE, person("m" + i));
            }
            registrations.register(SEMINAR, Pool.WEB, person("w"));
            registrations.cancel(registrations.register(SEMINAR, Pool.WEB, person("x")).registration().token());
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("DROP TABLE pool_count");
                statement.execute("DELETE FROM schema_version WHERE version = 11");
                connection.commit();
            }
        }
        try (Database database = kind.open()) {
            assertEquals(Map.of(Pool.ONSITE, new PoolCounts(2, 3), Pool.WEB, new PoolCounts(1, 0)),
                    registrations(database).countsOf(SEMINAR));
        }
    }

    /**
     * Registrations arriving together are committed together (group commit): within one burst an
     * address still gets one seat only, and a registration the database refuses fails alone.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aBurstKeepsOneSeatPerAddressAndARefusedRegistrationFailsAlone(TestDatabases.Kind kind) throws Exception {
        capacities.put(Pool.ONSITE, 1000);
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            ExecutorService pool = Executors.newFixedThreadPool(48);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> twins = new ArrayList<>();
                List<Future<Object>> others = new ArrayList<>();
                Future<Object> refused = null;
                for (int i = 0; i < 48; i++) {
                    // a third: the same address; one: an organisation longer than the column; the rest: distinct
                    Applicant applicant = i % 3 == 0 ? person("Twin")
                            : i == 10 ? new Applicant("Long", "ナガイ", "long@example.jp", "組".repeat(201), false, null,
                                    10000, Map.of(), "ja")
                            : person("p" + i);
                    Future<Object> answer = pool.submit(() -> {
                        start.await();
                        try {
                            return registrations.register(SEMINAR, Pool.ONSITE, applicant).registration();
                        } catch (StoreException e) {
                            return e;
                        }
                    });
                    if (i % 3 == 0) {
                        twins.add(answer);
                    } else if (i == 10) {
                        refused = answer;
                    } else {
                        others.add(answer);
                    }
                }
                start.countDown();
                List<Registration> seated = new ArrayList<>();
                List<DuplicateRegistrationException> duplicates = new ArrayList<>();
                for (Future<Object> twin : twins) {
                    Object answer = twin.get();
                    if (answer instanceof Registration r) {
                        seated.add(r);
                    } else {
                        duplicates.add(assertInstanceOf(DuplicateRegistrationException.class, answer));
                    }
                }
                assertEquals(1, seated.size(), "one seat for one address");
                for (DuplicateRegistrationException duplicate : duplicates) {
                    assertEquals(seated.get(0).token(), duplicate.existing().token(), "pointed to the one registration");
                }
                assertInstanceOf(StoreException.class, refused.get());
                for (Future<Object> other : others) {
                    assertInstanceOf(Registration.class, other.get(), "a registration failed with its burst");
                }
                List<Registration> stored = registrations.ofSeminar(SEMINAR);
                assertEquals(1 + others.size(), stored.size());
                assertTrue(stored.stream().allMatch(r -> r.status() == RegistrationStatus.CONFIRMED));
                assertEquals(stored.size(), stored.stream().map(Registration::token).distinct().count());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAppliedMigrationEditedLaterStopsTheStart(TestDatabases.Kind kind) throws Exception {
        {
            try (Database database = kind.open(); Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
                connection.commit();
            }
            StoreException e = assertThrows(StoreException.class, kind::open);
            assertTrue(e.getMessage().contains("V1__registrations.sql"), e.getMessage());
        }
    }
}
