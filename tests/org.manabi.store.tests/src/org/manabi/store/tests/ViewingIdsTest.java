package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.Applicant;
import org.manabi.store.Database;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;
import org.manabi.store.Requester;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIdStatus;
import org.manabi.store.ViewingIds;

class ViewingIdsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    private static Registration registered(Database database, String name) throws Exception {
        Registrations registrations = new Registrations(database, (seminar, pool) -> 10, Clock.systemUTC());
        return registrations.register("dicom-2026", Pool.WEB, new Applicant(name, "テスト", name + "@example.jp",
                "株式会社テスト", true, null, 5000, Map.of(), "ja")).registration();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRegistrationGetsOneIdHoweverOftenItAsksEvenAtOnce(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registration registration = registered(database, "aoki");
            ViewingIds ids = new ViewingIds(database, Clock.systemUTC());

            ExecutorService pool = Executors.newFixedThreadPool(8);
            Set<String> codes = new HashSet<>();
            try {
                List<Future<ViewingId>> asks = Stream.generate(() -> pool.submit(() -> ids.issueFor(registration)))
                        .limit(8).toList();
                for (Future<ViewingId> ask : asks) {
                    codes.add(ask.get().code());
                }
            } finally {
                pool.shutdown();
            }

            assertEquals(1, codes.size(), "one ID for one registration: " + codes);
            String code = codes.iterator().next();
            assertTrue(code.matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}"), code);
            ViewingId found = ids.find(code.toLowerCase().replace("-", " ")).orElseThrow();
            assertEquals("dicom-2026", found.seminarId());
            assertEquals(registration.id(), found.registrationId());
            assertEquals(1, ids.all().size());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRequestWaitsWithoutACodeUntilStaffApproveAndIsDecidedOnce(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            TestClock clock = new TestClock(NOW);
            ViewingIds ids = new ViewingIds(database, clock);
            Requester requester = new Requester("石田 花子", "hanako@example.jp", "病院", "ja");

            ViewingId waiting = ids.request("ghs-video-2026", requester, false, null);
            assertEquals(ViewingIdStatus.REQUESTED, waiting.status());
            assertNull(waiting.code());
            assertFalse(waiting.unexpiredAt(NOW));

            clock.advance(Duration.ofHours(2));
            Instant expiry = NOW.plus(Duration.ofDays(14));
            ViewingId approved = ids.approve(waiting.id(), "staff@example.jp", expiry).orElseThrow();
            assertEquals(ViewingIdStatus.ISSUED, approved.status());
            assertEquals(NOW.plus(Duration.ofHours(2)), approved.issuedAt());
            assertEquals(expiry, approved.expiresAt());
            assertTrue(approved.unexpiredAt(expiry.minusMillis(1)));
            assertFalse(approved.unexpiredAt(expiry), "an expiry is the first moment the ID no longer opens videos");

            ViewingId again = ids.refuse(waiting.id(), "other@example.jp").orElseThrow();
            assertEquals(approved, again, "a decided request stays decided");
            assertTrue(ids.approve(999_999, "staff@example.jp", null).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAutomaticRequestIsIssuedAtOnceAndARefusedOneNeverOpens(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            ViewingIds ids = new ViewingIds(database, new TestClock(NOW));
            Requester requester = new Requester("Ann Lee", "ann@example.com", "Clinic", "en");

            ViewingId trial = ids.request("ghs-video-trial-2026", requester, true, NOW.plus(Duration.ofDays(14)));
            assertEquals(ViewingIdStatus.ISSUED, trial.status());
            assertEquals("automatic", trial.decidedBy());
            assertEquals(trial, ids.find(trial.code()).orElseThrow());

            ViewingId other = ids.request("ghs-video-2026", requester, false, null);
            ViewingId refused = ids.refuse(other.id(), "staff@example.jp").orElseThrow();
            assertEquals(ViewingIdStatus.REFUSED, refused.status());
            assertNull(refused.code());
            assertFalse(refused.unexpiredAt(NOW));
            assertTrue(ids.find("not-a-code!").isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyAConfirmedRegistrationGetsAnId(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registration registration = registered(database, "baba");
            Registration waiting = new Registration(registration.id(), registration.token(), registration.seminarId(),
                    registration.pool(), org.manabi.store.RegistrationStatus.WAITING, 1, registration.applicant(),
                    registration.createdAt(), null, null);

            assertThrows(IllegalArgumentException.class, () -> new ViewingIds(database, Clock.systemUTC()).issueFor(waiting));
        }
    }
}
