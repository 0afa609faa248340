package org.manabi.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.app.internal.ManabiCommandLine;

class ManabiCommandLineTest {

    private static final Path REAL_CONTENT = Path.of(System.getProperty("manabi.repository"), "content");
    private static final List<String> CONTRACT = List.of("serve", "index", "search", "import", "export", "validate",
            "report", "update");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ManabiCommandLine.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsEverySubCommandOfTheContract() {
        assertEquals(0, run("--help"));
        for (String command : CONTRACT) {
            assertTrue(out.toString().lines().anyMatch(line -> line.strip().startsWith(command + " ")),
                    command + " missing from:\n" + out);
        }
    }

    @Test
    void serveNamesWhatIsWrongBeforeListening(@TempDir Path temp) {
        assertEquals(2, run("serve", "--port", "70000"));
        assertTrue(err.toString().contains("--port 70000 is not a port number"), err.toString());

        assertEquals(1, run("serve", "--content", temp.resolve("nowhere").toString(), "--port", "0"));
        assertTrue(err.toString().contains(temp.resolve("nowhere").toString()), err.toString());

        assertEquals(1, run("serve", "--content", temp.toString(), "--data", temp.resolve("data").toString(),
                "--db", "jdbc:mysql://localhost/x", "--port", "0"));
        assertTrue(err.toString().contains("jdbc:mysql://localhost/x is not supported"), err.toString());
        assertEquals("", out.toString(), "nothing claims to listen");
    }

    @Test
    void initAdminRefusesAShortPasswordBeforeOpeningAnything(@TempDir Path temp) {
        String[] args = { "serve", "--init-admin", "admin@example.jp", "--content", REAL_CONTENT.toString(), "--data",
                temp.resolve("data").toString(), "--port", "0" };

        int code = ManabiCommandLine.execute(args, new ByteArrayInputStream("eleven char\n".getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(1, code);
        assertTrue(err.toString().contains("the admin password must be at least 12 characters long"), err.toString());
        assertEquals("", out.toString(), "nothing claims to listen");
        assertFalse(Files.exists(temp.resolve("data")), "no database was made");
        assertEquals(1, ManabiCommandLine.execute(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true)), "no password at all");
    }

    @Test
    void initAdminNeedsAnAddress() {
        assertEquals(2, run("serve", "--init-admin", "admin", "--port", "0"));
        assertTrue(err.toString().contains("--init-admin admin is not an email address"), err.toString());
    }

    @Test
    void anUnknownSubCommandIsAUsageError() {
        assertEquals(2, run("publish"));
        assertTrue(err.toString().contains("publish"), err.toString());
    }

    /** The test runtime is no installed product: no update site in its configuration, no p2 profile of its own. */
    @Test
    void updateOutsideAnInstallationSaysWhatIsMissing(@TempDir Path temp) {
        assertEquals(2, run("update"));
        assertTrue(err.toString().contains("manabi.update.site"), err.toString());

        assertEquals(1, run("update", "--repository", temp.toString()));
        assertTrue(err.toString().contains("only an installed Manabi"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void validateOnTheRealContentIsClean() {
        assertEquals(0, run("validate", "--content", REAL_CONTENT.toString()));
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("0 error(s)"), err.toString());
    }

    @Test
    void validatePrintsOneLinePerProblemAndExitsOne(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("plan.manabi"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:manabi="http://manabi.org/model/1.0" id="plan">
                  <plans id="p" fiscalYear="2026">
                    <seminars id="a"/>
                    <seminars id="b" title="DICOMセミナー" level="expert"/>
                  </plans>
                </manabi:Curriculum>
                """, StandardCharsets.UTF_8);

        assertEquals(1, run("validate", "--content", temp.toString()));

        List<String> lines = out.toString().lines().toList();
        assertEquals(1, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("plan.manabi:5: error: "), lines.get(0));
        assertTrue(lines.get(0).contains("expert"), lines.get(0));
    }

    @Test
    void reportWritesTheCsvOfAYearToStandardOutput() {
        assertEquals(0, run("report", "--year", "2023", "--content", REAL_CONTENT.toString()), err.toString());
        assertTrue(out.toString().startsWith("\uFEFFSeminar,Fee,"), out.toString());
        assertTrue(out.toString().contains("Total,,330,282,"), out.toString());
    }

    @Test
    void reportOfAYearWithoutAPlanExitsOne() {
        assertEquals(1, run("report", "--year", "1999", "--content", REAL_CONTENT.toString()));
        assertTrue(err.toString().contains("no plan for fiscal year 1999"), err.toString());
    }

    @Test
    void aPdfReportNeedsAFile() {
        assertEquals(2, run("report", "--year", "2023", "--format", "pdf"));
        assertTrue(err.toString().contains("--out"), err.toString());
    }

    @Test
    void indexTheRealDecksThenSearchThemAsJson(@TempDir Path data) throws Exception {
        assertEquals(0, run("index", "--content", REAL_CONTENT.toString(), "--data", data.toString()), err.toString());
        assertTrue(out.toString().matches("(?s)\\d+ PDF\\(s\\) indexed, 0 unchanged, 0 removed; \\d+ pages; 0 skipped;.*"),
                out.toString());
        out.getBuffer().setLength(0);

        assertEquals(0, run("search", "--data", data.toString(), "--json", "--limit", "3", "BCP195"), err.toString());

        List<String> lines = out.toString().lines().toList();
        assertTrue(!lines.isEmpty() && lines.size() <= 3, out.toString());
        for (String line : lines) {
            assertTrue(line.matches("\\{\"file\":\".*\\.pdf\",\"page\":\\d+,\"score\":[0-9.E-]+,\"deck\":\"[a-z0-9-]+\","
                    + "\"snippet\":\".*«BCP195».*\"}"), line);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("index", "--content", REAL_CONTENT.toString(), "--data", data.toString()));
        assertTrue(out.toString().startsWith("0 PDF(s) indexed, "), "nothing changed: " + out);
    }

    @Test
    void searchNarrowsByCommitteeAndYearAndCountsTheFacets(@TempDir Path data) throws Exception {
        assertEquals(0, run("index", "--content", REAL_CONTENT.toString(), "--data", data.toString()), err.toString());
        out.getBuffer().setLength(0);

        assertEquals(0, run("search", "--data", data.toString(), "--json", "--facets", "BCP195"), err.toString());
        List<String> lines = out.toString().lines().toList();
        String facets = lines.get(lines.size() - 1);
        assertTrue(facets.matches("\\{\"facets\":\\{\"seminar\":\\{.+},\"committee\":\\{.*\"DICOM委員会\":\\d+.*},"
                + "\"fiscalYear\":\\{\"\\d{4}\":\\d+,\"\\d{4}\":\\d+}}}"), facets);
        assertTrue(facets.contains("\"2026\":") && facets.contains("\"2027\":"), facets);
        for (String hit : lines.subList(0, lines.size() - 1)) {
            assertTrue(hit.matches("\\{\"file\":\".*\\.pdf\",\"page\":\\d+,\"score\":[0-9.E-]+,\"deck\":\"[a-z0-9-]+\","
                    + "\"snippet\":\".*«BCP195».*\"}"), "hits keep the DESIGN.md format: " + hit);
        }
        out.getBuffer().setLength(0);

        assertEquals(0, run("search", "--data", data.toString(), "--json", "--facets", "--committee", "システム教育委員会",
                "--year", "2027", "BCP195"), err.toString());
        lines = out.toString().lines().toList();
        assertTrue(lines.size() > 1, out.toString());
        for (String hit : lines.subList(0, lines.size() - 1)) {
            assertTrue(hit.contains("\"deck\":\"summer-study-"), "only the committee's 2027 decks: " + hit);
        }
        assertTrue(lines.get(lines.size() - 1).matches(
                ".*\"committee\":\\{\"システム教育委員会\":\\d+},\"fiscalYear\":\\{\"2027\":\\d+}}}"), out.toString());
        out.getBuffer().setLength(0);

        assertEquals(0, run("search", "--data", data.toString(), "--facets", "--year", "2026", "BCP195"), err.toString());
        assertTrue(out.toString().contains("\nFiscal years: 2026 ("), out.toString());
        assertFalse(out.toString().contains("summer-study-"), out.toString());
        out.getBuffer().setLength(0);

        assertEquals(0, run("search", "--data", data.toString(), "--year", "1999", "BCP195"));
        assertEquals("", out.toString(), "no seminar of that year");
        assertEquals(2, run("search", "--data", data.toString(), "--year", "next", "BCP195"));
    }

    @Test
    void searchWithoutAnIndexSaysWhatToDo(@TempDir Path data) {
        assertEquals(1, run("search", "--data", data.toString(), "DICOM"));
        assertTrue(err.toString().contains("manabi index"), err.toString());
    }

    @Test
    void validateOfAMissingFolderNamesIt(@TempDir Path temp) {
        Path missing = temp.resolve("no-content");
        assertEquals(1, run("validate", "--content", missing.toString()));
        assertTrue(err.toString().contains(missing.toString()), err.toString());
    }
}
