package org.manabi.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the assembled product through {@code ./manabi} as a separate process, the way a user does,
 * with JAVA_HOME pointing at the machine's Java 17 so that the script must find a JDK 21+ itself.
 */
class LauncherTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("manabi.repository")).toAbsolutePath()
            .normalize();

    record Run(int exitCode, String out, String err) {
    }

    private static Run manabi(String... args) throws IOException, InterruptedException {
        return manabi(environment -> {
        }, args);
    }

    /** As {@link #manabi(String...)}, in the environment {@code setting} leaves. */
    private static Run manabi(java.util.function.Consumer<Map<String, String>> setting, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPOSITORY.resolve("manabi").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile());
        Map<String, String> environment = builder.environment();
        Path oldJava = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        if (Files.isDirectory(oldJava)) {
            environment.put("JAVA_HOME", oldJava.toString());
        }
        setting.accept(environment);
        Path out = Files.createTempFile("manabi-out", ".txt");
        Path err = Files.createTempFile("manabi-err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./manabi " + String.join(" ", args) + " did not end within 2 minutes");
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    @Test
    void helpListsEverySubCommand() throws Exception {
        Run run = manabi("--help");

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("SLF4J"), "SLF4J must find its backend in the product:\n" + run.err());
        for (String command : List.of("serve", "index", "search", "import", "export", "validate", "report", "update")) {
            assertTrue(run.out().lines().anyMatch(line -> line.strip().startsWith(command + " ")),
                    command + " missing from:\n" + run.out());
        }
    }

    @Test
    void runsWithoutAHomeFolderInTheEnvironment() throws Exception {
        // a service manager may start it so; the script looks for Java in the user's folders only when there is one
        Run run = manabi(environment -> environment.remove("HOME"), "--help");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("serve"), run.out());
    }

    @Test
    void theSitesJavaOptionsComeAfterTheScriptsAndWin() throws Exception {
        // serve stops at the C1 compiler unless the site says otherwise (docs/DEPLOY.md)
        Run run = manabi(environment -> environment.put("MANABI_JAVA_OPTIONS",
                "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=4 -Xmx192m"), "serve", "--help");

        assertEquals(0, run.exitCode(), run.err());
        String flags = run.out().lines().findFirst().orElse("");
        assertTrue(flags.contains("-XX:TieredStopAtLevel=4 "), flags);
        assertTrue(flags.contains("-XX:MaxHeapSize=201326592 "), flags);
        assertTrue(run.out().contains("--content"), "serve's help follows: " + run.out());
    }

    @Test
    void helpSpeaksJapaneseWhenAsked() throws Exception {
        Run run = manabi("-nl", "ja", "--help");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("コンテンツフォルダのカリキュラムを検査"), run.out());
    }

    @Test
    void validateChecksTheRealContent() throws Exception {
        Run run = manabi("validate", "--content", "content");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("0 error(s)"), run.err());
    }

    @Test
    void reportWritesThePdfOfAYear() throws Exception {
        Path pdf = Files.createTempFile("manabi-report", ".pdf");
        try {
            Run run = manabi("report", "--year", "2023", "--out", pdf.toString());

            assertEquals(0, run.exitCode(), run.out() + run.err());
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
            assertEquals("%PDF-", new String(head, StandardCharsets.US_ASCII));
            assertTrue(run.err().contains("8 seminar(s)"), run.err());
        } finally {
            Files.delete(pdf);
        }
    }

    @Test
    void exportWritesAQtiPackageOfARealQuiz() throws Exception {
        Path zip = Files.createTempFile("manabi-export", ".zip");
        try {
            Run run = manabi("export", "--quiz", "dicom-beginner-2027-quiz", "--format", "qti21", "--out", zip.toString());

            assertEquals(0, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("questions exported, 0 left out"), run.out());
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(zip), 2);
            assertEquals("PK", new String(head, StandardCharsets.US_ASCII));
        } finally {
            Files.delete(zip);
        }
    }

    /** The server as an operator starts it: it says where it listens, takes a registration, mails it, stops on SIGTERM. */
    @Test
    void serveTakesARegistrationMailsItAndStopsOnTerm(@TempDir Path data) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(REPOSITORY.resolve("manabi").toString(), "serve", "--data",
                data.toString(), "--port", "0").directory(REPOSITORY.toFile()).redirectError(data.resolve("err.txt").toFile());
        Process server = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.contains("http://127.0.0.1:"), first + Files.readString(data.resolve("err.txt")));
            URI site = URI.create(first.replaceAll(".*(http://[^ ]+/).*", "$1"));
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> catalogue = http.send(HttpRequest.newBuilder(site.resolve("/api/seminars")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, catalogue.statusCode());
            assertTrue(catalogue.body().contains("\"id\":\"dicom-beginner-2027\""), catalogue.body());

            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
                    site.resolve("/api/seminars/dicom-beginner-2027/registrations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"青木 太郎\",\"kana\":\"あおき たろう\","
                            + "\"email\":\"aoki@example.jp\",\"organization\":\"テスト株式会社\",\"member\":true,"
                            + "\"pool\":\"web\",\"language\":\"ja\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, registered.statusCode(), registered.body());

            Path outbox = data.resolve("outbox");
            for (int i = 0; i < 100 && emlFiles(outbox) == 0; i++) {
                Thread.sleep(100);
            }
            assertEquals(1, emlFiles(outbox), "one confirmation in the outbox");

            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the server");
            assertTrue(Files.exists(data.resolve("manabi.mv.db")));
        } finally {
            server.destroyForcibly();
        }
    }

    /** The first admin as an operator makes one: the password on stdin, then a log-in on the staff pages. */
    @Test
    void serveInitAdminMakesTheFirstAdminWhoCanLogIn(@TempDir Path data) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(REPOSITORY.resolve("manabi").toString(), "serve", "--data",
                data.toString(), "--port", "0", "--init-admin", "admin@example.jp").directory(REPOSITORY.toFile())
                .redirectError(data.resolve("err.txt").toFile());
        Process server = builder.start();
        try {
            try (Writer stdin = new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8)) {
                stdin.write("正しい馬のバッテリー staple\n");
            }
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.contains("http://127.0.0.1:"), first + Files.readString(data.resolve("err.txt")));
            assertTrue(Files.readString(data.resolve("err.txt")).contains("admin@example.jp"));
            URI site = URI.create(first.replaceAll(".*(http://[^ ]+/).*", "$1"));
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

            String form = browser.send(HttpRequest.newBuilder(site.resolve("/staff/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String csrf = form.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(site.resolve("/staff/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf + "&email=admin%40example.jp&password="
                            + URLEncoder.encode("正しい馬のバッテリー staple", StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, login.statusCode(), login.body());
            HttpResponse<String> seminars = browser.send(HttpRequest.newBuilder(site.resolve("/api/staff/seminars")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, seminars.statusCode(), seminars.body());
            assertTrue(seminars.body().contains("\"id\":\"dicom-beginner-2027\""), "an admin sees every seminar");

            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the server");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void serveInitAdminRefusesAShortPassword(@TempDir Path data) throws Exception {
        Process server = new ProcessBuilder(REPOSITORY.resolve("manabi").toString(), "serve", "--data", data.toString(),
                "--port", "0", "--init-admin", "admin@example.jp").directory(REPOSITORY.toFile()).start();
        try (Writer stdin = new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8)) {
            stdin.write("too short\n");
        }
        String err = new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(server.waitFor(2, TimeUnit.MINUTES));
        assertEquals(1, server.exitValue(), err);
        assertTrue(err.contains("at least 12 characters"), err);
    }

    private static long emlFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".eml")).count();
        }
    }
}
