package org.manabi.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./manabi index} over PDFs built to exhaust memory, next to a real deck: it must finish
 * within the heap the launcher gives it (512 MB), skip what it cannot read with the file's name and
 * why, and index the rest. The JVM is told to exit on the first OutOfMemoryError, so running out of
 * heap anywhere fails the test instead of showing up as one more skipped file.
 */
class IndexHeapTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("manabi.repository")).toAbsolutePath()
            .normalize();

    @Test
    void hostilePdfsAreReadOrSkippedWithin512MegabytesAndTheDeckIsIndexed(@TempDir Path temp) throws Exception {
        Path pdfs = Files.createDirectories(temp.resolve("pdfs"));
        HostilePdfs.manyPages(pdfs.resolve("book.pdf"), 2_500);
        HostilePdfs.contentBomb(pdfs.resolve("bomb.pdf"), 1_024); // 1 GB of content in a 1 MB file
        HostilePdfs.glyphFlood(pdfs.resolve("flood.pdf"), 10); // 10 million glyphs on one page
        Files.copy(REPOSITORY.resolve("content/decks/dicom-beginner-basics.pdf"), pdfs.resolve("deck.pdf"));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");

        ProcessBuilder builder = new ProcessBuilder(REPOSITORY.resolve("manabi").toString(), "index", "--data",
                temp.resolve("data").toString(), pdfs.toString()).directory(REPOSITORY.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:+ExitOnOutOfMemoryError -Xlog:gc+init:stderr");
        Process index = builder.start();
        if (!index.waitFor(5, TimeUnit.MINUTES)) {
            index.destroyForcibly();
            throw new AssertionError("./manabi index did not end within 5 minutes");
        }
        String summary = Files.readString(out, StandardCharsets.UTF_8);
        String log = Files.readString(err, StandardCharsets.UTF_8);

        assertEquals(0, index.exitValue(), summary + log);
        assertTrue(log.contains("Heap Max Capacity: 512M"), "the launcher gives index a 512 MB heap:\n" + log);
        assertFalse(log.contains("java.lang.OutOfMemoryError"), log);
        assertTrue(summary.contains("skipped: " + pdfs.resolve("book.pdf") + ": it has 2500 pages, more than the 2000"),
                summary);
        // The bomb and the flood are read on a quiet machine; under a heavy load they may run out of
        // their time budget instead, which is the other right outcome. Nothing else may be skipped.
        List<String> skipped = summary.lines().filter(line -> line.startsWith("skipped: ")).toList();
        for (String line : skipped) {
            boolean book = line.startsWith("skipped: " + pdfs.resolve("book.pdf") + ": ");
            boolean slow = (line.startsWith("skipped: " + pdfs.resolve("bomb.pdf") + ": ")
                    || line.startsWith("skipped: " + pdfs.resolve("flood.pdf") + ": ")) && line.contains(": not read within ");
            assertTrue(book || slow, "only the book, or a hostile file out of time, is skipped:\n" + summary);
        }
        int indexed = 4 - skipped.size();
        assertTrue(summary.startsWith(indexed + " PDF(s) indexed, 0 unchanged, 0 removed; "), summary);
    }
}
