package org.manabi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.app.internal.ManabiCommandLine;

/** ./manabi import and export on a copy of the real content. */
class ExchangeCommandsTest {

    private static final Path REAL_CONTENT = Path.of(System.getProperty("manabi.repository"), "content");
    private static final String QUIZ = "dicom-beginner-2027-quiz";

    @TempDir
    Path temp;
    private Path content;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyTheContent() throws IOException {
        content = temp.resolve("content");
        try (Stream<Path> files = Files.walk(REAL_CONTENT)) {
            for (Path source : files.toList()) {
                Path target = content.resolve(REAL_CONTENT.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return ManabiCommandLine.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private int questionsOf(String quiz) throws IOException {
        Path file = temp.resolve("count.gift");
        assertEquals(0, run("export", "--content", content.toString(), "--quiz", quiz, "--format", "gift", "--out",
                file.toString()), err.toString());
        return Integer.parseInt(out.toString().replaceAll("(?s)^(\\d+) questions exported.*", "$1"));
    }

    @Test
    void importAppendsTheReadableQuestionsSavesAndNamesEachSkippedOne() throws IOException {
        int before = questionsOf(QUIZ);
        Path bank = temp.resolve("bank.gift");
        Files.writeString(bank, """
                $CATEGORY: $course$/top/取り込み

                // [id:imported-port]
                DICOM の標準ポート番号は何番か。{#104}

                ::Broken::閉じない {=a ~b

                ::TF::DICOM 3.0 は 1993 年に公開された。{T}
                """, StandardCharsets.UTF_8);

        assertEquals(1, run("import", "--content", content.toString(), "--quiz", QUIZ, bank.toString()), err.toString());

        List<String> lines = out.toString().lines().toList();
        assertEquals("2 questions imported, 1 skipped", lines.get(0));
        assertEquals(2, lines.size(), out.toString());
        assertTrue(lines.get(1).startsWith(bank + ":6: error: Broken: the answer block { is not closed"), lines.get(1));
        assertTrue(err.toString().contains(bank + ":8: warning: TF: the title \"TF\" is not kept"), err.toString());
        assertTrue(err.toString().contains("into the quiz " + QUIZ + " of seminars/dicom-beginner.manabi"), err.toString());
        assertEquals(before + 2, questionsOf(QUIZ), "saved, and read back from the file");
        String saved = Files.readString(content.resolve("seminars/dicom-beginner.manabi"), StandardCharsets.UTF_8);
        assertTrue(saved.contains("id=\"imported-port\"") && saved.contains("category=\"取り込み\""));
        assertTrue(saved.contains("id=\"" + QUIZ + "-q"), "a question without an id of its own gets the quiz's");
        assertEquals(0, run("validate", "--content", content.toString()), out + err.toString());
    }

    @Test
    void withoutAQuizNothingIsImportedAndTheQuizzesAreListed() throws IOException {
        Path bank = temp.resolve("bank.gift");
        Files.writeString(bank, "::q::text {T}\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(content.resolve("seminars/dicom-beginner.manabi"));

        assertEquals(2, run("import", "--content", content.toString(), bank.toString()));
        assertTrue(err.toString().contains("--quiz ID") && err.toString().contains(QUIZ), err.toString());

        assertEquals(1, run("import", "--content", content.toString(), "--quiz", "no-such-quiz", bank.toString()));
        assertTrue(err.toString().contains("there is no quiz no-such-quiz"), err.toString());
        assertEquals(List.of(), List.of(out.toString().lines().toArray()));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(content.resolve("seminars/dicom-beginner.manabi"))));
    }

    @Test
    void badFilesAndFormatsAreNamed() throws IOException {
        assertEquals(1, run("import", "--content", content.toString(), "--quiz", QUIZ, temp.resolve("none.gift").toString()));
        assertTrue(err.toString().contains("none.gift: the file cannot be read"), err.toString());

        Path page = temp.resolve("page.html");
        Files.writeString(page, "<html><body>no quiz</body></html>", StandardCharsets.UTF_8);
        assertEquals(2, run("import", "--content", content.toString(), "--quiz", QUIZ, page.toString()));
        assertTrue(err.toString().contains("give --format gift or --format moodlexml"), err.toString());

        assertEquals(2, run("import", "--format", "qti21", "--quiz", QUIZ, page.toString()));
        assertTrue(err.toString().contains("unknown format 'qti21'"), err.toString());

        assertEquals(2, run("export", "--quiz", QUIZ, "--format", "pdf", "--out", temp.resolve("x").toString()));
        assertTrue(err.toString().contains("unknown format 'pdf'"), err.toString());

        assertEquals(2, run("export", "--quiz", QUIZ, "--out", temp.resolve("x").toString()));
        assertTrue(err.toString().contains("--format"), err.toString());
    }

    @Test
    void exportWritesEachFormatAndAMoodleExportImportsBack() throws IOException {
        Path gift = temp.resolve("quiz.gift");
        assertEquals(0, run("export", "--content", content.toString(), "--quiz", QUIZ, "--format", "gift", "--out",
                gift.toString()), err.toString());
        assertTrue(out.toString().matches("\\d+ questions exported, 0 left out: .*quiz.gift\\s*"), out.toString());
        assertTrue(Files.readString(gift, StandardCharsets.UTF_8).contains("// [id:dicom-beginner-q01]"));
        assertTrue(err.toString().contains("dicom-beginner-q01: GIFT cannot carry slide citations"), err.toString());

        Path zip = temp.resolve("quiz.zip");
        assertEquals(0, run("export", "--content", content.toString(), "--quiz", QUIZ, "--format", "qti21", "--out",
                zip.toString()), err.toString());
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            assertEquals("imsmanifest.xml", entries.getNextEntry().getName());
        }

        Path xml = temp.resolve("quiz.xml");
        assertEquals(0, run("export", "--content", content.toString(), "--quiz", QUIZ, "--format", "moodlexml", "--out",
                xml.toString()), err.toString());
        int exported = Integer.parseInt(out.toString().replaceAll("(?s)^(\\d+) questions.*", "$1"));
        int before = questionsOf("mds-sds-2027-quiz");

        assertEquals(0, run("import", "--content", content.toString(), "--quiz", "mds-sds-2027-quiz", xml.toString()),
                out + err.toString());

        assertEquals(exported + " questions imported, 0 skipped", out.toString().strip());
        assertTrue(err.toString().contains("the id dicom-beginner-q01 is taken in this content"), err.toString());
        assertEquals(before + exported, questionsOf("mds-sds-2027-quiz"));
        assertEquals(0, run("validate", "--content", content.toString()), out + err.toString());
    }

    @Test
    void aFailedExportLeavesNoFile() {
        Path nowhere = temp.resolve("missing-folder/quiz.gift");

        assertEquals(1, run("export", "--content", content.toString(), "--quiz", QUIZ, "--format", "gift", "--out",
                nowhere.toString()));

        assertTrue(err.toString().contains("quiz.gift: the file cannot be written"), err.toString());
        assertFalse(Files.exists(nowhere));
    }
}
