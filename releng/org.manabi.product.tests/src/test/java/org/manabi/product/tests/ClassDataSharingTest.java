package org.manabi.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start script's class-data sharing for the headless commands: the first run of a command writes
 * the archive of its classes to the user's cache folder, the next run loads classes from it, and an
 * archive that is damaged, stale or cannot be written never breaks a command nor says a word about it.
 */
class ClassDataSharingTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("manabi.repository")).toAbsolutePath()
            .normalize();

    /** A class of Manabi's own bundle, which Equinox's class loader defines at every start. */
    private static final String BUNDLE_CLASS = "org.manabi.app.internal.CommandLineApplication";

    record Run(int exitCode, String out, String err) {
    }

    private static Run validate(Path cache, Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(REPOSITORY.resolve("manabi").toString(), "validate", "--content",
                "content").directory(REPOSITORY.toFile());
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().putAll(extraEnvironment);
        Path out = Files.createTempFile("manabi-out", ".txt");
        Path err = Files.createTempFile("manabi-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./manabi validate did not end within 2 minutes");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static Run validate(Path cache) throws IOException, InterruptedException {
        return validate(cache, Map.of());
    }

    /** The run went as without an archive: exit 0, the usual report, and nothing from the JVM. */
    private static void assertQuietSuccess(Run run) {
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("0 error(s)"), run.err());
        for (String noise : List.of("[cds", "[aot", "shared archive", "VM warning", "Error occurred")) {
            assertFalse(run.out().contains(noise) || run.err().contains(noise), noise + " in:\n" + run.out() + run.err());
        }
    }

    /** The archives of this product in the cache folder (one folder per product folder). */
    private static List<Path> archives(Path cache) throws IOException {
        Path folder = cache.resolve("manabi/cds");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".jsa")).toList();
        }
    }

    private static Path onlyArchive(Path cache) throws IOException {
        List<Path> archives = archives(cache);
        assertEquals(1, archives.size(), archives.toString());
        return archives.get(0);
    }

    @Test
    void theFirstRunWritesTheArchiveAndTheNextLoadsBundleClassesFromIt(@TempDir Path cache, @TempDir Path log)
            throws Exception {
        assertQuietSuccess(validate(cache));
        Path archive = onlyArchive(cache);
        assertEquals("command.jsa", archive.getFileName().toString());

        Path classLoading = log.resolve("class-load.txt");
        Run second = validate(cache, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLoading));

        assertEquals(0, second.exitCode(), second.out() + second.err());
        String loaded = Files.readString(classLoading, StandardCharsets.UTF_8);
        assertTrue(loaded.contains(" " + BUNDLE_CLASS + " source: shared objects file (top)"),
                "a bundle's class comes from the archive:\n"
                        + loaded.lines().filter(line -> line.contains(BUNDLE_CLASS)).toList());
    }

    @Test
    void aDamagedArchiveIsWrittenAgainWithoutAWord(@TempDir Path cache) throws Exception {
        assertQuietSuccess(validate(cache));
        Path archive = onlyArchive(cache);
        byte[] whole = Files.readAllBytes(archive);
        Files.delete(archive); // the JVM writes it read-only
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 3)); // a write cut short

        assertQuietSuccess(validate(cache));
        assertTrue(Files.size(archive) > whole.length / 3, "the archive was written again");

        Files.delete(archive);
        Files.write(archive, "not an archive".getBytes(StandardCharsets.US_ASCII));
        assertQuietSuccess(validate(cache));
        assertTrue(Files.size(archive) > 1_000_000, "the archive was written again");
    }

    @Test
    void anArchiveOlderThanTheProductsPluginsIsReplaced(@TempDir Path cache) throws Exception {
        assertQuietSuccess(validate(cache));
        Path archive = onlyArchive(cache);
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(archive, old); // as if the product had been updated since

        assertQuietSuccess(validate(cache));
        assertTrue(Files.getLastModifiedTime(onlyArchive(cache)).compareTo(old) > 0, "the archive was written again");
    }

    @Test
    void withoutACacheFolderCommandsRunAsBefore(@TempDir Path temp) throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("cache"), "a file where the cache folder would be");

        assertQuietSuccess(validate(notAFolder));
        assertEquals("a file where the cache folder would be", Files.readString(notAFolder));
    }
}
