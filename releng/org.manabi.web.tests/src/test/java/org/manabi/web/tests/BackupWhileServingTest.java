package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.web.tests.Api.Answer;
import org.manabi.web.tests.Api.Person;

/**
 * {@code ./manabi backup} while a running server fills its database with registrations, on PostgreSQL
 * (the command reads the snapshot itself) and on H2 (the server holds the file and writes the backup
 * for the command), then {@code ./manabi restore} into a new H2 data folder and a server on it: every
 * registration acknowledged before the backup began is there. A restore into a running server's folder
 * is refused, and the note of a killed server is said to be stale.
 */
class BackupWhileServingTest {

    enum Store {
        H2, POSTGRESQL
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aBackupTakenDuringABurstHoldsEveryAcknowledgedRegistration(Store store, @TempDir Path folder) throws Exception {
        Path content = TestContent.write(folder, 50, 50);
        Path backup = folder.resolve("manabi-backup.json.gz");
        Path liveData = folder.resolve("data-live");
        Path restored = folder.resolve("restored");
        try (TestSchema schema = store == Store.POSTGRESQL ? new TestSchema() : null) {
            List<String> database = store == Store.POSTGRESQL ? List.of("--db", schema.url())
                    : List.of("--data", liveData.toString());
            ServeProcess node = null;
            ServeProcess copy = null;
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<String> serve = new ArrayList<>(store == Store.POSTGRESQL ? database : List.of());
                serve.addAll(List.of("--registrations-per-minute", "0"));
                ServeProcess live = ServeProcess.start("live", content, liveData, serve.toArray(String[]::new));
                node = live;
                Api api = new Api();
                List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger number = new AtomicInteger();
                List<Future<?>> burst = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    burst.add(threads.submit(() -> {
                        while (!stop.get()) {
                            int n = number.getAndIncrement();
                            Answer answer = api.register(live.site(), TestContent.SEMINAR,
                                    Person.numbered(n, n % 2 == 0 ? "onsite" : "web"));
                            assertEquals(201, answer.status(), answer.text());
                            acknowledged.add(answer.field("token"));
                        }
                        return null;
                    }));
                }
                while (acknowledged.size() < 50) {
                    Thread.sleep(5);
                }
                Set<String> acknowledgedBefore;
                synchronized (acknowledged) { // a synchronized list is iterated under its own lock
                    acknowledgedBefore = Set.copyOf(acknowledged);
                }
                // registrations go on while the backup runs (it starts a JVM: seconds)
                List<String> arguments = new ArrayList<>(List.of("backup"));
                arguments.addAll(database);
                arguments.addAll(List.of("--out", backup.toString()));
                CommandResult backedUp = manabi(folder, arguments.toArray(String[]::new));
                int duringBackup = acknowledged.size();
                Thread.sleep(200);
                stop.set(true);
                for (Future<?> registering : burst) {
                    registering.get(60, TimeUnit.SECONDS);
                }
                assertEquals(0, backedUp.exit(), backedUp.output());
                assertTrue(duringBackup > acknowledgedBefore.size(), "the burst went on while the backup ran");
                if (store == Store.H2) {
                    assertTrue(backedUp.output().contains("from ./manabi serve (process "), "written by the server that "
                            + "holds the file: " + backedUp.output());
                }

                CommandResult restoring = manabi(folder, "restore", "--data", restored.toString(), backup.toString());
                assertEquals(0, restoring.exit(), restoring.output());

                copy = ServeProcess.start("restored", content, restored);
                for (String token : acknowledgedBefore) {
                    Answer read = api.registration(copy.site(), token);
                    assertEquals(200, read.status(), "acknowledged before the backup began, missing after the restore");
                }
                Api.PoolFigures onsite = api.pool(copy.site(), TestContent.SEMINAR, "onsite");
                Api.PoolFigures web = api.pool(copy.site(), TestContent.SEMINAR, "web");
                int inBackup = onsite.confirmed() + onsite.waiting() + web.confirmed() + web.waiting();
                assertTrue(inBackup >= acknowledgedBefore.size() && inBackup < acknowledged.size(),
                        inBackup + " registrations in the backup of " + acknowledged.size());
            } catch (AssertionError | Exception e) {
                throw ServeProcess.explained(e, node, copy);
            } finally {
                threads.shutdownNow();
                for (ServeProcess process : new ServeProcess[] { node, copy }) {
                    if (process != null) {
                        process.close();
                    }
                }
            }
        }
    }

    @Test
    void theNoteOfARunningServerIsItsOwnersAloneAndARestoreIntoItsFolderIsRefused(@TempDir Path folder)
            throws Exception {
        Path content = TestContent.write(folder, 50, 50);
        Path data = folder.resolve("data");
        Path note = data.resolve("serve-admin.properties");
        Path backup = folder.resolve("b.json");
        try (ServeProcess node = ServeProcess.start("h2", content, data)) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(note));
            assertEquals(0, manabi(folder, "backup", "--data", data.toString(), "--out", backup.toString()).exit());

            CommandResult result = manabi(folder, "restore", "--data", data.toString(), backup.toString());

            assertEquals(1, result.exit(), result.output());
            assertTrue(result.output().contains("holds the H2 file of this data folder: stop it first"), result.output());
            node.close();
            assertTrue(Files.notExists(note), "the server takes its note away when it stops");
        }
    }

    @Test
    void theNoteOfAKilledServerIsSaidToBeStaleAndTheBackupStillTaken(@TempDir Path folder) throws Exception {
        Path content = TestContent.write(folder, 50, 50);
        Path data = folder.resolve("data");
        Path backup = folder.resolve("b.json");
        try (ServeProcess node = ServeProcess.start("h2", content, data)) {
            node.kill();
            assertTrue(Files.exists(data.resolve("serve-admin.properties")), "SIGKILL leaves the note behind");

            CommandResult result = manabi(folder, "backup", "--data", data.toString(), "--out", backup.toString());

            assertEquals(0, result.exit(), result.output());
            assertTrue(result.output().contains("which is no longer running (it did not stop cleanly); backing up the "
                    + "data folder directly"), result.output());
            assertTrue(Files.exists(backup));
        }
    }

    private record CommandResult(int exit, String output) {
    }

    /** Runs {@code ./manabi ARGS…} to its end; stdout and stderr together. */
    private static CommandResult manabi(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ServeProcess.REPOSITORY.resolve("manabi").toString()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(folder, "manabi-" + args[0], ".txt");
        Process process = new ProcessBuilder(command).directory(ServeProcess.REPOSITORY.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./manabi " + String.join(" ", args) + " did not end within 120 s");
        }
        return new CommandResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
