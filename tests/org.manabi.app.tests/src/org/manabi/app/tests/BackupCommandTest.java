package org.manabi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.app.internal.ManabiCommandLine;
import org.manabi.store.Applicant;
import org.manabi.store.Database;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.Registrations;

/** {@code ./manabi backup} and {@code ./manabi restore} on H2 data folders, as an operator runs them. */
class BackupCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> environment = new HashMap<>();

    private int run(String... args) {
        return ManabiCommandLine.execute(args, environment, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Registrations registrations(Database database) {
        return new Registrations(database, (seminar, pool) -> 10, Clock.systemUTC());
    }

    @Test
    void aBackupOfOneDataFolderRestoresIntoAnother() throws Exception {
        Path source = temp.resolve("source");
        Registration registered;
        try (Database database = Database.openH2(source)) {
            registered = registrations(database).register("fy2026-test", Pool.ONSITE, new Applicant("青木 太郎", "あおき",
                    "aoki@example.jp", "テスト株式会社", true, null, 5000, Map.of(), "ja")).registration();
        }
        Path file = temp.resolve("backups/manabi.json.gz");
        Files.createDirectories(file.getParent());

        assertEquals(0, run("backup", "--data", source.toString(), "--out", file.toString()), err.toString());
        assertTrue(out.toString().contains("written to " + file), out.toString());
        assertFalse(Files.exists(temp.resolve("backups/manabi.json.gz.partial")));

        // the target folder from the environment, as a service's unit sets it
        environment.put("MANABI_DATA", temp.resolve("restored").toString());
        assertEquals(0, run("restore", file.toString()), err.toString());
        assertTrue(out.toString().contains("restored from " + file), out.toString());
        try (Database database = Database.openH2(temp.resolve("restored"))) {
            Registration copy = registrations(database).find(registered.token()).orElseThrow();
            assertEquals("aoki@example.jp", copy.applicant().email());
        }

        assertEquals(1, run("restore", file.toString()), "a second restore into the same folder");
        assertTrue(err.toString().contains("is not empty"), err.toString());
    }

    @Test
    void retentionListsWithDryRunThenAnonymisesAndAudits() throws Exception {
        Path data = temp.resolve("data");
        Registration old;
        try (Database database = Database.openH2(data)) {
            // a seminar no curriculum lists any more, registered for in 2015: its registrations' dates count
            old = new Registrations(database, (seminar, pool) -> 10,
                    Clock.fixed(java.time.Instant.parse("2015-06-01T00:00:00Z"), java.time.ZoneOffset.UTC))
                    .register("fy2015-old", Pool.WEB, new Applicant("青木 太郎", "あおき", "aoki@example.jp", "テスト株式会社",
                            true, null, 5000, Map.of(), "ja")).registration();
        }
        String content = Path.of(System.getProperty("manabi.repository"), "content").toString();

        assertEquals(0, run("retention", "--dry-run", "--data", data.toString(), "--content", content), err.toString());
        assertTrue(out.toString().contains("due: fy2015-old (fiscal year 2015): 1 registration(s)"), out.toString());
        try (Database database = Database.openH2(data)) {
            assertTrue(registrations(database).find(old.token()).isPresent(), "a dry run changes nothing");
        }

        assertEquals(0, run("retention", "--data", data.toString(), "--content", content), err.toString());
        assertTrue(out.toString().contains("1 registration(s) and viewing ID(s) of 1 seminar(s) and 0 document password request(s) anonymised"), out.toString());
        try (Database database = Database.openH2(data)) {
            assertFalse(registrations(database).find(old.token()).isPresent());
            assertEquals("anonymise (retention)",
                    new org.manabi.store.AuditLog(database, Clock.systemUTC()).recent(1).get(0).action());
        }
        assertEquals(2, run("retention", "--years", "0", "--data", data.toString()));
    }

    @Test
    void restoreNamesAFileThatIsNotThereOrNoBackup() throws Exception {
        assertEquals(1, run("restore", "--data", temp.resolve("d").toString(), temp.resolve("none.json").toString()));
        assertTrue(err.toString().contains("none.json does not exist"), err.toString());

        Path notABackup = Files.writeString(temp.resolve("notes.json"), "{\"hello\": 1}");
        assertEquals(1, run("restore", "--data", temp.resolve("d").toString(), notABackup.toString()));
        assertTrue(err.toString().contains("no usable Manabi backup"), err.toString());
    }
}
