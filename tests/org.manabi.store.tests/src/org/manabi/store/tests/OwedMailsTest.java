package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
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
import org.manabi.store.OwedMails;
import org.manabi.store.OwedMails.Kind;
import org.manabi.store.OwedMails.Notice;
import org.manabi.store.Registrations;
import org.manabi.store.DocumentRequests;
import org.manabi.store.OwedMails.Recipient;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.Requester;
import org.manabi.store.Retention;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIds;

class OwedMailsTest {

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
    private static List<String> due(OwedMails notices) throws Exception {
        return notices.take(100, LEASE).stream().map(n -> n.kind() + ":" + n.about()).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyChangeWritesTheMailsItOwesInItsOwnTransaction(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            OwedMails notices = new OwedMails(database, clock);

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
            assertEquals(baba.id(), promoted.get(0).about());
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
            OwedMails notices = new OwedMails(database, clock);
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
            assertEquals(baba.id(), retried.get(0).about());
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
            OwedMails notices = new OwedMails(database, clock);
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
            OwedMails notices = new OwedMails(database, clock);
            registrations.register(SEMINAR, Pool.ONSITE, person("Aoki"), SITE);
            Retention retention = new Retention(database, clock);
            clock.advance(Duration.ofDays(366 * 7));
            List<Retention.Expired> expired = retention.expired(5, Map.of(SEMINAR, 2026));
            assertEquals(1, expired.size());
            assertTrue(retention.anonymise(expired) > 0);
            assertEquals(0, notices.pending(), "no mail goes to an address that is no longer kept");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void viewingIdsDocumentAndPersonalDataRequestsWriteTheMailsTheyOweInTheirTransaction(TestDatabases.Kind kind)
            throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            OwedMails notices = new OwedMails(database, clock);
            ViewingIds ids = new ViewingIds(database, clock);
            Registration aoki = registrations.register(SEMINAR, Pool.ONSITE, person("Aoki")).registration();
            Requester viewer = new Requester("段 花子", "dan@example.jp", "テスト病院", "ja");

            ViewingId hers = ids.issueFor(aoki, SITE);
            ids.issueFor(aoki, SITE);
            ViewingId automatic = ids.request("ghs-video-trial-2026", viewer, true, null, SITE);
            ViewingId waiting = ids.request("ghs-video-2026", viewer, false, null, SITE);
            assertEquals(List.of("VIEWING_ID:" + hers.id(), "VIEWING_ID:" + automatic.id(),
                    "VIEWING_REQUEST:" + waiting.id()), due(notices), "a second click issues nothing and owes nothing");
            ids.approve(waiting.id(), "staff@example.jp", null, SITE);
            ids.approve(waiting.id(), "staff@example.jp", null, SITE);
            ids.refuse(ids.request("ghs-video-2026", viewer, false, null).id(), "staff@example.jp");
            assertEquals(List.of("VIEWING_ID:" + waiting.id()), due(notices), "approved once, mailed once");

            long document = new DocumentRequests(database, clock).record("guideline", viewer, "院内研修", SITE).id();
            new DocumentRequests(database, clock).record("guideline", viewer, "院内研修");
            assertEquals(List.of("DOCUMENT_REQUEST:" + document), due(notices));

            PersonalDataRequests requests = new PersonalDataRequests(database, clock);
            long disclosure = requests.ask(aoki.id(), PersonalDataRequests.Kind.DISCLOSURE, Map.of(), "", SITE).id();
            long viewers = requests.askAsViewer(automatic.id(), PersonalDataRequests.Kind.SUSPENSION, Map.of(), "", SITE).id();
            requests.settle(disclosure, false, "admin@example.jp", "x", SITE);
            assertEquals(List.of("PRIVACY_RECEIVED:" + disclosure, "PRIVACY_RECEIVED:" + viewers,
                    "PRIVACY_SETTLED:" + disclosure), due(notices));
            assertEquals(8, notices.pending());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDeletionDropsThePersonsMailsOwedButTheOutcomeGoesToTheAddressTheyHad(TestDatabases.Kind kind)
            throws Exception {
        try (Database database = kind.open()) {
            Registrations registrations = registrations(database);
            OwedMails notices = new OwedMails(database, clock);
            ViewingIds ids = new ViewingIds(database, clock);
            PersonalDataRequests requests = new PersonalDataRequests(database, clock);
            Registration aoki = registrations.register(SEMINAR, Pool.ONSITE, person("Aoki"), SITE).registration();
            ids.issueFor(aoki, SITE);
            long deletion = requests.ask(aoki.id(), PersonalDataRequests.Kind.DELETION, Map.of(), "", SITE).id();
            ViewingId dana = ids.request("ghs-video-trial-2026", new Requester("段 花子", "dan@example.jp", "テスト病院",
                    "en"), true, null, SITE);
            long danas = requests.askAsViewer(dana.id(), PersonalDataRequests.Kind.DELETION, Map.of(), "", SITE).id();
            assertEquals(5, notices.pending());

            requests.settle(deletion, true, "admin@example.jp", null, SITE);
            requests.settle(danas, true, "admin@example.jp", null, SITE);

            List<Notice> left = notices.take(100, LEASE);
            assertEquals(List.of("PRIVACY_SETTLED:" + deletion, "PRIVACY_SETTLED:" + danas),
                    left.stream().map(n -> n.kind() + ":" + n.about()).toList(), "nothing else is sent to them");
            assertEquals(new Recipient("aoki@example.jp", "Aoki", "ja"), left.get(0).recipient());
            assertEquals(new Recipient("dan@example.jp", "段 花子", "en"), left.get(1).recipient());
            notices.sent(left.stream().map(Notice::id).toList());
            assertEquals(0, notices.pending(), "sent, the last copy of the address is gone");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anonymisingOldDocumentRequestsDropsTheirReceiptsOwed(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            OwedMails notices = new OwedMails(database, clock);
            new DocumentRequests(database, clock).record("guideline", new Requester("段 花子", "dan@example.jp",
                    "テスト病院", "ja"), "院内研修", SITE);
            clock.advance(Duration.ofDays(366 * 7));
            assertEquals(1, new Retention(database, clock).anonymiseDocumentRequests(5));
            assertEquals(0, notices.pending());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theRegistrationMailsADatabaseOwedBeforeTheOwedMailTableAreKept(TestDatabases.Kind kind) throws Exception {
        Registration aoki;
        try (Database database = kind.open()) {
            aoki = registrations(database).register(SEMINAR, Pool.ONSITE, person("Aoki")).registration();
            // back to schema version 9: no owed_mail yet, and registration_notice holds a mail owed
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute("DROP TABLE owed_mail");
                for (String sql : script("V8__registration_notices.sql")) {
                    statement.execute(sql);
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO registration_notice "
                        + "(registration_id, kind, site, created_at, attempts, not_before) VALUES (?, 'promoted', ?, ?, 2, ?)")) {
                    insert.setLong(1, aoki.id());
                    insert.setString(2, SITE.toString());
                    insert.setTimestamp(3, Timestamp.from(clock.instant()));
                    insert.setTimestamp(4, Timestamp.from(clock.instant()));
                    insert.executeUpdate();
                }
                // and what the later scripts made
                statement.execute("DROP TABLE pool_count");
                statement.execute("DELETE FROM schema_version WHERE version >= 10");
                connection.commit();
            }
        }
        try (Database database = kind.open()) {
            List<Notice> owed = new OwedMails(database, clock).take(10, LEASE);
            assertEquals(List.of(new Notice(owed.get(0).id(), Kind.PROMOTED, aoki.id(), null, SITE, 2)), owed,
                    "moved to owed_mail by the migration");
        }
    }

    /** The statements of one of the store's migration scripts, as the store reads them. */
    private static List<String> script(String name) throws Exception {
        try (InputStream in = OwedMails.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Stream.of(text.replaceAll("(?m)^--.*$", "").split(";")).map(String::strip)
                    .filter(sql -> !sql.isEmpty()).toList();
        }
    }
}
