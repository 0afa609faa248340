package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.Applicant;
import org.manabi.store.Database;
import org.manabi.store.DuplicateRegistrationException;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationNotices;
import org.manabi.store.RegistrationNotices.Kind;
import org.manabi.store.RegistrationNotices.Notice;
import org.manabi.store.Registrations;
import org.manabi.store.Retention;

class RegistrationNoticesTest {

    private static final String SEMINAR = "fy2026-dicom-beginner";
    private static final URI SITE = URI.create("https://seminars.example.jp/");
    private static final Duration LEASE = Duration.ofMinutes(2);

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    private final TestClock clock = new TestClock(Instant.parse("2026-06-01T01:00:00Z"));

    private Registrations registrations(Database database) {
        // one onsite seat, so that the second person waits and a cancellation promotes them
        return new Registrations(database, (seminar, pool) -> 1, clock);
    }

    private static Applicant person(String name) {
        return new Applicant(name, "テスト", name.toLowerCase() + "@example.jp", "株式会社テスト", false, null, 10000,
                Map.of(), "ja");
    }

    /** What is due, as "kind:registration" strings, taken (and so leased) by this call. */
    private static List<String> due(RegistrationNotices notices) throws Exception {
        return notices.take(100, LEASE).stream().map(n -> n.kind() + ":" + n.registrationId()).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyChangeWritesTheMailsItOwesInItsOwnTransaction(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            RegistrationNotices notices = new RegistrationNotices(database, clock);

            Registration aoki = registrations.register(SEMINAR, Pool.ONSITE, person("Aoki"), SITE).registration();
            Registration baba = registrations.register(SEMINAR, Pool.ONSITE, person("Baba"), SITE).registration();
            assertThrows(DuplicateRegistrationException.class,
                    () -> registrations.register(SEMINAR, Pool.ONSITE, person("Aoki"), SITE));
            assertEquals(List.of("REGISTERED:" + aoki.id(), "REGISTERED:" + baba.id(), "DUPLICATE:" + aoki.id()),
                    due(notices));

            registrations.cancel(aoki.token(), SITE);
            List<Notice> promoted = notices.take(100, LEASE);
            assertEquals(1, promoted.size());
            assertEquals(Kind.PROMOTED, promoted.get(0).kind());
            assertEquals(baba.id(), promoted.get(0).registrationId());
            assertEquals(SITE, promoted.get(0).site());

            registrations.move(baba.token(), Pool.WEB, SITE);
            assertEquals(List.of("MOVED:" + baba.id()), due(notices));

            // without a site nobody is to be mailed (a registration staff make by hand, say)
            registrations.register(SEMINAR, Pool.WEB, person("Chiba"));
            assertEquals(List.of(), due(notices));
            assertEquals(5, notices.pending(), "taken notices stay until they are sent");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aTakenNoticeWaitsForItsLeaseAFailedOneForItsRetryASentOneIsGone(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            RegistrationNotices notices = new RegistrationNotices(database, clock);
            Registration aoki = registrations.register(SEMINAR, Pool.ONSITE, person("Aoki"), SITE).registration();
            Registration baba = registrations.register(SEMINAR, Pool.WEB, person("Baba"), SITE).registration();

            List<Notice> taken = notices.take(100, LEASE);
            assertEquals(2, taken.size());
            assertEquals(List.of(), due(notices), "another sender does not get what one has taken");
            clock.advance(LEASE.plusSeconds(1));
            assertEquals(List.of("REGISTERED:" + aoki.id(), "REGISTERED:" + baba.id()), due(notices),
                    "a sender that died leaves its notices to the others after the lease");

            clock.advance(LEASE.plusSeconds(1));
            taken = notices.take(100, LEASE);
            notices.sent(List.of(taken.get(0).id()));
            notices.failed(taken.get(1), Duration.ofMinutes(10));
            clock.advance(LEASE.plusSeconds(1));
            assertEquals(List.of(), due(notices), "a failed mail waits for its retry, a sent one is gone");
            clock.advance(Duration.ofMinutes(10));
            List<Notice> retried = notices.take(100, LEASE);
            assertEquals(1, retried.size());
            assertEquals(baba.id(), retried.get(0).registrationId());
            assertEquals(1, retried.get(0).attempts());
            notices.sent(List.of(retried.get(0).id()));
            assertEquals(0, notices.pending());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoSendersTakingAtOnceNeverTakeTheSameNotice(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            RegistrationNotices notices = new RegistrationNotices(database, clock);
            for (int i = 0; i < 60; i++) {
                registrations.register(SEMINAR, Pool.WEB, person("P" + i), SITE);
            }
            ConcurrentLinkedQueue<Long> taken = new ConcurrentLinkedQueue<>();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                runs.add(senders.submit(() -> {
                    start.await();
                    for (List<Notice> batch; !(batch = notices.take(7, LEASE)).isEmpty();) {
                        batch.forEach(notice -> taken.add(notice.id()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            senders.shutdown();
            Set<Long> distinct = new HashSet<>(taken);
            assertEquals(60, distinct.size(), "every notice taken");
            assertEquals(60, taken.size(), "none taken twice");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anonymisingARegistrationDropsTheMailsItWasOwed(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            RegistrationNotices notices = new RegistrationNotices(database, clock);
            registrations.register(SEMINAR, Pool.ONSITE, person("Aoki"), SITE);
            Retention retention = new Retention(database, clock);
            clock.advance(Duration.ofDays(366 * 7));
            List<Retention.Expired> expired = retention.expired(5, Map.of(SEMINAR, 2026));
            assertEquals(1, expired.size());
            assertTrue(retention.anonymise(expired) > 0);
            assertEquals(0, notices.pending(), "no mail goes to an address that is no longer kept");
        }
    }
}
