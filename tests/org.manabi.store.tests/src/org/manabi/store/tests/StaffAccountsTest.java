package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.manabi.store.AuditEntry;
import org.manabi.store.AuditLog;
import org.manabi.store.Database;
import org.manabi.store.StaffAccounts;
import org.manabi.store.StaffMember;
import org.manabi.store.StaffRole;
import org.manabi.store.internal.Argon2id;

class StaffAccountsTest {

    private static final String PASSWORD = "correct horse battery";

    static Stream<Named<TestDatabases.Kind>> databases() {
        return TestDatabases.both();
    }

    /** A clock the test moves forward, to let sessions run out. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T03:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @Test
    void hashesArePhcStringsOfArgon2idWithTheirOwnSalt() {
        String first = Argon2id.hash(PASSWORD);
        String second = Argon2id.hash(PASSWORD);

        assertTrue(first.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), first);
        assertNotEquals(first, second, "a random salt per hash");
        assertTrue(Argon2id.verify(PASSWORD, first));
        assertTrue(Argon2id.verify(PASSWORD, second));
        assertFalse(Argon2id.verify(PASSWORD + "x", first));
        assertFalse(Argon2id.verify(PASSWORD, "$2a$10$notargon"), "another algorithm's hash is refused, not an error");
        assertTrue(Argon2id.verify("ｃｏｒｒｅｃｔ horse battery", first), "a full-width password is the same password");
    }

    @Test
    void aHashOfTheReferenceImplementationIsAccepted() {
        // from the test vectors of the reference implementation (phc-winner-argon2, src/test.c):
        // Argon2id v=19, t=2, m=2^16, p=1, password "password", salt "somesalt"
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertTrue(Argon2id.verify("password", reference));
        assertFalse(Argon2id.verify("Password", reference));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAccountLogsInWithItsPasswordOnlyAndKeepsItsScope(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            StaffAccounts accounts = new StaffAccounts(database, clock);
            StaffMember saved = accounts.save("Sato@Example.jp", StaffRole.INSTRUCTOR, PASSWORD,
                    Set.of("dicom-2026", "security-2026"));

            StaffMember member = accounts.authenticate("ｓａｔｏ@example.JP ", PASSWORD).orElseThrow();
            assertEquals(saved, member);
            assertEquals("Sato@Example.jp", member.email());
            assertEquals(Set.of("dicom-2026", "security-2026"), member.seminars());
            assertTrue(member.mayRead("dicom-2026"));
            assertFalse(member.mayRead("ghs-2026"));
            assertTrue(accounts.authenticate("sato@example.jp", "wrong password!").isEmpty());
            assertTrue(accounts.authenticate("nobody@example.jp", PASSWORD).isEmpty());

            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT password_hash FROM staff")) {
                assertTrue(rows.next());
                assertTrue(rows.getString(1).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), rows.getString(1));
                assertFalse(rows.getString(1).contains(PASSWORD));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void savingAgainResetsPasswordRoleAndScopeAndClosesTheSessions(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            StaffAccounts accounts = new StaffAccounts(database, clock);
            StaffMember instructor = accounts.save("sato@example.jp", StaffRole.INSTRUCTOR, PASSWORD, Set.of("dicom-2026"));
            StaffAccounts.Session session = accounts.openSession(instructor, Duration.ofHours(12));

            StaffMember admin = accounts.save("SATO@example.jp", StaffRole.ADMIN, "a new password of the admin",
                    Set.of("ignored-for-admins"));

            assertEquals(instructor.id(), admin.id(), "one account per address");
            assertTrue(admin.admin());
            assertEquals(Set.of(), admin.seminars());
            assertTrue(admin.mayRead("any-seminar"));
            assertTrue(accounts.authenticate("sato@example.jp", PASSWORD).isEmpty(), "the old password is gone");
            assertTrue(accounts.authenticate("sato@example.jp", "a new password of the admin").isPresent());
            assertTrue(accounts.ofSession(session.token()).isEmpty(), "a reset ends the sessions of the old password");
            assertEquals(List.of(admin), accounts.all());
        }
    }

    @Test
    void shortPasswordsAndBlankAddressesAreRefused() {
        assertFalse(StaffAccounts.acceptable("eleven char"));
        assertFalse(StaffAccounts.acceptable("            "), "spaces only");
        assertTrue(StaffAccounts.acceptable("twelve chars"));
        assertTrue(StaffAccounts.acceptable("十二文字のパスワードです！"), "characters, not bytes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StaffAccounts(null, clock).save("x@example.jp", StaffRole.ADMIN, "short", Set.of()));
        assertTrue(e.getMessage().contains("at least 12 characters"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sessionsAreSharedByEveryNodeAndEndByLogOutOrTime(TestDatabases.Kind kind) throws Exception {
        try (Database node1 = kind.open()) {
            StaffAccounts accounts = new StaffAccounts(node1, clock);
            StaffMember member = accounts.save("sato@example.jp", StaffRole.ADMIN, PASSWORD, Set.of());
            StaffAccounts.Session session = accounts.openSession(member, Duration.ofHours(12));
            StaffAccounts.Session other = accounts.openSession(member, Duration.ofHours(12));

            assertTrue(session.token().length() >= 43, "256 random bits: " + session.token());
            assertNotEquals(session.token(), other.token());
            assertEquals(now.get().plus(Duration.ofHours(12)), session.expires());
            assertEquals(member, accounts.ofSession(session.token()).orElseThrow());
            assertTrue(accounts.ofSession(session.token() + "x").isEmpty());
            assertTrue(accounts.ofSession("").isEmpty());
            try (Connection connection = node1.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT token_hash FROM staff_session")) {
                while (rows.next()) {
                    assertNotEquals(session.token(), rows.getString(1), "only a hash of the token is stored");
                }
            }
            if (!isH2(node1)) {
                // a second serve node on the same PostgreSQL knows the session
                try (Database node2 = kind.open()) {
                    assertEquals(member, new StaffAccounts(node2, clock).ofSession(session.token()).orElseThrow());
                }
            }

            accounts.closeSession(session.token());
            assertTrue(accounts.ofSession(session.token()).isEmpty(), "logged out");
            assertTrue(accounts.ofSession(other.token()).isPresent(), "the other session stays");

            now.set(now.get().plus(Duration.ofHours(12)));
            assertTrue(accounts.ofSession(other.token()).isEmpty(), "expired");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theAuditLogKeepsWhoDidWhatToWhatAndWhen(TestDatabases.Kind kind) throws Exception {
        try (Database database = kind.open()) {
            AuditLog log = new AuditLog(database, clock);
            log.record("sato@example.jp", "read registrants", "dicom-2026", "192.0.2.1");
            now.set(now.get().plusSeconds(60));
            log.record("sato@example.jp", "check-in", "registration 7 of dicom-2026", "192.0.2.1");
            log.record("cli", "save staff account", "x".repeat(600), null);

            List<AuditEntry> entries = log.recent(10);

            assertEquals(3, entries.size());
            AuditEntry checkIn = entries.get(1);
            assertEquals("sato@example.jp", checkIn.staff());
            assertEquals("check-in", checkIn.action());
            assertEquals("registration 7 of dicom-2026", checkIn.subject());
            assertEquals(now.get(), checkIn.at());
            assertEquals("192.0.2.1", checkIn.address());
            assertEquals("read registrants", entries.get(2).action(), "newest first");
            assertEquals(500, entries.get(0).subject().length(), "a long subject is cut, not refused");
            assertEquals(1, log.recent(1).size());
        }
    }

    private static boolean isH2(Database database) {
        return database.description().startsWith("H2");
    }
}
