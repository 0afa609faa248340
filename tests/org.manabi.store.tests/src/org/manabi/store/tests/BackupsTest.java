package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.Applicant;
import org.manabi.store.AuditLog;
import org.manabi.store.Backups;
import org.manabi.store.Database;
import org.manabi.store.Pool;
import org.manabi.store.PoolCounts;
import org.manabi.store.Registration;
import org.manabi.store.RegistrationStatus;
import org.manabi.store.Registrations;
import org.manabi.store.StaffAccounts;
import org.manabi.store.StaffRole;
import org.manabi.store.StoreException;

/**
 * Backups: a round trip from each database into each (the format is portable), a backup taken in the
 * middle of a registration burst that holds every registration acknowledged before it began and a
 * consistent seat count, and the files a restore refuses.
 */
class BackupsTest {

    private static final String SEMINAR = "fy2026-dicom-beginner";
    private static final int SEATS = 20;

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    static Stream<Arguments> fromTo() {
        return Stream.of(Arguments.of(Named.of("H2", TestDatabases.h2()), Named.of("H2", TestDatabases.h2())),
                Arguments.of(Named.of("PostgreSQL", TestDatabases.postgres()), Named.of("PostgreSQL", TestDatabases.postgres())),
                Arguments.of(Named.of("H2", TestDatabases.h2()), Named.of("PostgreSQL", TestDatabases.postgres())),
                Arguments.of(Named.of("PostgreSQL", TestDatabases.postgres()), Named.of("H2", TestDatabases.h2())));
    }

    private static Registrations registrations(Database database) {
        return new Registrations(database, (seminar, pool) -> pool == Pool.ONSITE ? SEATS : null, Clock.systemUTC());
    }

    private static Applicant person(int number) {
        return new Applicant("受講者 " + number, "じゅこうしゃ", "person" + number + "@example.jp", "株式会社テスト",
                number % 2 == 0, number % 2 == 0 ? "JIRA" : null, 5000, Map.of("q1", "答え " + number), "ja");
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("fromTo")
    void aRoundTripKeepsEveryRowAndNewIdsFollowTheOldOnes(TestDatabases.Kind from, TestDatabases.Kind to)
            throws Exception {
        try (from; to) {
            byte[] backup;
            List<Registration> before = new ArrayList<>();
            try (Database source = from.open()) {
                Registrations registrations = registrations(source);
                for (int i = 0; i < SEATS + 3; i++) {
                    before.add(registrations.register(SEMINAR, Pool.ONSITE, person(i)).registration());
                }
                registrations.cancel(before.get(0).token());
                registrations.checkIn(before.get(1).token(), "staff@example.jp");
                new StaffAccounts(source, Clock.systemUTC()).save("sato@example.jp", StaffRole.INSTRUCTOR,
                        "a long enough password", Set.of(SEMINAR));
                new AuditLog(source, Clock.systemUTC()).record("admin@example.jp", "export csv", SEMINAR, "203.0.113.7");
                backup = backup(source);
            }

            try (Database target = to.open()) {
                Backups.Summary restored = Backups.restore(target, new ByteArrayInputStream(backup));

                assertEquals(SEATS + 3, restored.rows().get("registration"));
                Registrations registrations = registrations(target);
                List<Registration> after = registrations.ofSeminar(SEMINAR);
                assertEquals(before.size(), after.size());
                for (Registration original : before) {
                    Registration copy = registrations.find(original.token()).orElseThrow();
                    assertEquals(original.applicant().email(), copy.applicant().email());
                    assertEquals(original.applicant().name(), copy.applicant().name());
                }
                assertEquals(RegistrationStatus.CANCELLED, registrations.find(before.get(0).token()).orElseThrow().status());
                assertTrue(registrations.find(before.get(1).token()).orElseThrow().checkedIn() != null);
                assertEquals(registrations(target).countsOf(SEMINAR), registrations.countsOf(SEMINAR));
                assertEquals(1, new StaffAccounts(target, Clock.systemUTC()).all().size());
                assertEquals("203.0.113.7", new AuditLog(target, Clock.systemUTC()).recent(10).get(0).address());

                // the copy backs up to the same content, and goes on where the original stopped
                assertEquals(withoutTime(backup), withoutTime(backup(target)));
                Registration next = registrations.register(SEMINAR, Pool.WEB, person(1000)).registration();
                assertTrue(after.stream().noneMatch(r -> r.id() == next.id()), "a new id, not a restored one");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBackupDuringABurstHoldsEveryRegistrationAcknowledgedBeforeIt(TestDatabases.Kind kind) throws Exception {
        int people = 160;
        try (kind; TestDatabases.Kind restoredKind = TestDatabases.h2()) {
            byte[] backup;
            Set<String> acknowledgedBefore;
            try (Database database = kind.open()) {
                Registrations registrations = registrations(database);
                List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
                ExecutorService threads = Executors.newFixedThreadPool(16);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> burst = new ArrayList<>();
                for (int i = 0; i < people; i++) {
                    int number = i;
                    burst.add(threads.submit(() -> {
                        go.await();
                        acknowledged.add(registrations.register(SEMINAR, Pool.ONSITE, person(number)).registration().token());
                        return null;
                    }));
                }
                go.countDown();
                while (acknowledged.size() < people / 3) {
                    Thread.sleep(1);
                }
                synchronized (acknowledged) { // a synchronized list is iterated under its own lock
                    acknowledgedBefore = Set.copyOf(acknowledged);
                }
                backup = backup(database);
                for (Future<?> registration : burst) {
                    registration.get(60, TimeUnit.SECONDS);
                }
                threads.shutdown();
                assertTrue(acknowledged.size() == people);
            }

            try (Database restored = restoredKind.open()) {
                Backups.restore(restored, new ByteArrayInputStream(backup));
                Registrations registrations = registrations(restored);
                for (String token : acknowledgedBefore) {
                    assertTrue(registrations.find(token).isPresent(), "acknowledged before the backup, missing after the restore");
                }
                List<Registration> rows = registrations.ofSeminar(SEMINAR);
                assertTrue(rows.size() >= acknowledgedBefore.size());
                assertNotEquals(people, rows.size(), "the backup was taken in the middle of the burst");
                // one snapshot: seats first, then waiting positions 1..n without a gap
                PoolCounts onsite = registrations.countsOf(SEMINAR).get(Pool.ONSITE);
                assertEquals(Math.min(SEATS, rows.size()), onsite.confirmed());
                assertEquals(rows.size() - onsite.confirmed(), onsite.waiting());
                List<Integer> positions = rows.stream().filter(r -> r.status() == RegistrationStatus.WAITING)
                        .map(Registration::position).sorted().toList();
                assertEquals(java.util.stream.IntStream.rangeClosed(1, positions.size()).boxed().toList(), positions);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRestoreRefusesANonEmptyDatabaseAndACutFile(TestDatabases.Kind kind) throws Exception {
        try (kind; Database database = kind.open()) {
            registrations(database).register(SEMINAR, Pool.ONSITE, person(1));
            byte[] backup = backup(database);

            StoreException notEmpty = assertThrows(StoreException.class,
                    () -> Backups.restore(database, new ByteArrayInputStream(backup)));
            assertTrue(notEmpty.getMessage().contains("is not empty"), notEmpty.getMessage());

            try (TestDatabases.Kind other = TestDatabases.h2(); Database empty = other.open()) {
                byte[] cut = Arrays.copyOf(backup, backup.length - 20);
                StoreException cutShort = assertThrows(StoreException.class,
                        () -> Backups.restore(empty, new ByteArrayInputStream(cut)));
                assertTrue(cutShort.getMessage().contains("cut short"), cutShort.getMessage());
                assertEquals(0, registrations(empty).ofSeminar(SEMINAR).size(), "nothing half restored");

                StoreException notABackup = assertThrows(StoreException.class, () -> Backups.restore(empty,
                        new ByteArrayInputStream("{\"format\":\"something else\"}".getBytes(StandardCharsets.UTF_8))));
                assertTrue(notABackup.getMessage().contains("no usable Manabi backup"), notABackup.getMessage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCheckCountsTheRowsOfAWholeBackupAndRefusesACutOne(TestDatabases.Kind kind) throws Exception {
        try (kind; Database database = kind.open()) {
            for (int i = 0; i < 3; i++) {
                registrations(database).register(SEMINAR, Pool.ONSITE, person(i));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Backups.Summary written = Backups.write(database, out);
            byte[] backup = out.toByteArray();

            Backups.Summary checked = Backups.check(new ByteArrayInputStream(backup));

            assertEquals(written, checked);
            assertEquals(3, checked.rows().get("registration"));
            StoreException cutShort = assertThrows(StoreException.class,
                    () -> Backups.check(new ByteArrayInputStream(Arrays.copyOf(backup, backup.length - 20))));
            assertTrue(cutShort.getMessage().contains("cut short"), cutShort.getMessage());
        }
    }

    private static byte[] backup(Database database) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Backups.write(database, out);
        return out.toByteArray();
    }

    private static String withoutTime(byte[] backup) {
        return new String(backup, StandardCharsets.UTF_8).replaceFirst("\"taken\":\"[^\"]*\"", "");
    }
}
