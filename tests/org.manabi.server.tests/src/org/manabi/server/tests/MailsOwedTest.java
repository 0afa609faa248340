package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.server.Email;
import org.manabi.server.OutboxMailer;
import org.manabi.server.WebServer;
import org.manabi.store.PersonalDataRequests;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.StaffRole;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The mails of viewing IDs, document requests and personal-data requests are owed in the database as the
 * registration mails are: written with what they tell of, sent when the mailer takes them, kept across a
 * stop, withheld while the person's data is suspended, gone with the person's data. The mailer is the real
 * outbox-folder one; it fails for real while a plain file stands where its folder should be.
 */
class MailsOwedTest {

    private static final Pattern CODE = Pattern.compile("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
    private static final Pattern ASKED = Pattern.compile("\\?asked=(\\d+)$");
    private static final String PASSWORD = "a long staff password";

    @TempDir
    Path temp;
    private Path outbox;
    private TestSite site;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        outbox = temp.resolve("outbox");
        site = TestSite.withVod(new OutboxMailer(outbox, "seminars@example.jp"));
        browser = new Browser(site);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    /** The mail folder cannot be made: each mail fails as it would with the relay down or the disk full. */
    private void mailerDown() throws Exception {
        Files.writeString(outbox, "not a folder");
    }

    private void mailerUp() throws Exception {
        Files.delete(outbox);
    }

    @Test
    void viewingIdDocumentAndPrivacyMailsOwedWhileTheMailerFailsGoOutOnceItWorks() throws Exception {
        mailerDown();
        String code = trialId("ann@example.com");
        browser.get("/documents/set-handout");
        assertEquals(200, browser.submit("/documents/set-handout", Map.of("name", "石田 花子", "email", "hanako@example.jp",
                "organization", "病院", "purpose", "院内研修")).statusCode());
        Registration sato = site.register("hybrid-2026", Pool.WEB, "佐藤 花子", "さとう はなこ", Map.of());
        long disclosure = ask(sato.token(), "disclosure");

        waitFor(() -> failedAttempts() >= 3, "every mail tried once and failed");
        assertEquals(3, owed());
        mailerUp();
        site.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        waitFor(() -> owed() == 0, "the mails tried again a minute later");

        List<Email> sent = sent();
        assertEquals(3, sent.size(), sent.toString());
        assertTrue(sent.stream().anyMatch(m -> m.to().equals("ann@example.com") && m.body().contains("/vod/" + code)),
                sent.toString());
        assertTrue(sent.stream().anyMatch(m -> m.to().equals("hanako@example.jp") && m.subject().contains("配布資料")),
                sent.toString());
        assertTrue(sent.stream().anyMatch(m -> m.to().equals(sato.applicant().email())
                && m.body().contains("/privacy/" + sato.token()) && m.subject().contains(String.valueOf(disclosure))),
                sent.toString());
    }

    @Test
    void aMailOwedWhenTheServerStopsIsSentAfterTheRestart() throws Exception {
        mailerDown();
        String code = trialId("ann@example.com");
        waitFor(() -> failedAttempts() >= 1, "tried once and failed");
        site.server.close();
        mailerUp();
        site.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(List.of(), sent(), "nothing sent while the server is stopped");

        try (WebServer restarted = WebServer.start("127.0.0.1", 0, site.site)) {
            waitFor(() -> owed() == 0, "sent by the new server");
        }
        List<Email> sent = sent();
        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.get(0).body().contains(code), sent.get(0).body());
    }

    @Test
    void theViewingIdMailOfAPersonWhoseDataIsSuspendedIsWithheld() throws Exception {
        mailerDown();
        Registration sato = site.register("hybrid-2026", Pool.WEB, "佐藤 花子", "さとう はなこ", Map.of());
        browser.get("/r/" + sato.token());
        HttpResponse<String> issued = browser.submit("/vod/issue", Map.of("token", sato.token()));
        assertEquals(303, issued.statusCode(), issued.body());
        waitFor(() -> failedAttempts() >= 1, "tried once and failed");
        // suspended between the ID and its mail (in the store: the request's own mails are not the point here)
        PersonalDataRequests requests = new PersonalDataRequests(site.database, site.clock);
        long suspension = requests.ask(sato.id(), PersonalDataRequests.Kind.SUSPENSION, Map.of(), "").id();
        requests.settle(suspension, true, "admin@example.jp", null);

        mailerUp();
        site.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        waitFor(() -> owed() == 0, "settled without sending");
        assertEquals(List.of(), sent());
    }

    @Test
    void aDeletedPersonsMailsOwedAreGoneOnlyTheOutcomeOfTheDeletionReachesThem() throws Exception {
        mailerDown();
        String code = trialId("ann@example.com");
        long deletion = ask(code, "deletion");
        waitFor(() -> failedAttempts() >= 2, "the ID and the receipt tried once and failed");
        site.staff("admin@example.jp", StaffRole.ADMIN, PASSWORD);
        Browser admin = new Browser(site);
        admin.logIn("admin@example.jp", PASSWORD);
        assertEquals(303, admin.submit("/staff/requests/" + deletion, Map.of("decision", "grant")).statusCode());
        assertEquals(1, owed(), "the ID's mail and the receipt went with the data; the outcome is owed");
        // its retry is set a minute after the clock of its failure: the clock moves on only after it
        waitFor(() -> failedAttempts() == 1, "the outcome tried once and failed");

        mailerUp();
        site.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        waitFor(() -> owed() == 0, "the outcome sent");
        List<Email> sent = sent();
        assertEquals(1, sent.size(), sent.toString());
        assertEquals("ann@example.com", sent.get(0).to());
        assertTrue(sent.get(0).subject().contains(String.valueOf(deletion)), sent.get(0).subject());
        assertFalse(sent.get(0).body().contains(code), "no ID and no link to a page that is gone");
        assertEquals(0, count("SELECT COUNT(*) FROM owed_mail WHERE recipient_email IS NOT NULL"),
                "the address kept for the outcome is gone with it");
    }

    /** A trial ID, asked for on the form and issued at once: its code. */
    private String trialId(String email) throws Exception {
        browser.get("/vod/request/vod-trial-2026");
        HttpResponse<String> asked = browser.submit("/vod/request/vod-trial-2026",
                Map.of("name", "Ann Lee", "email", email, "organization", "Clinic"));
        assertEquals(303, asked.statusCode(), asked.body());
        Matcher code = CODE.matcher(asked.headers().firstValue("Location").orElseThrow());
        assertTrue(code.find());
        return code.group();
    }

    /** Asks on the privacy page of a personal token or viewing ID; the new request's number. */
    private long ask(String key, String kind) throws Exception {
        browser.get("/privacy/" + key);
        HttpResponse<String> response = browser.submit("/privacy/" + key, Map.of("kind", kind, "reason", ""));
        assertEquals(303, response.statusCode(), response.body());
        Matcher matcher = ASKED.matcher(response.headers().firstValue("Location").orElseThrow());
        assertTrue(matcher.find());
        return Long.parseLong(matcher.group(1));
    }

    /** The mails in the outbox folder, read back as a mail program reads them. */
    private List<Email> sent() throws Exception {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        List<Email> mails = new ArrayList<>();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
                    mails.add(new Email(read.getAllRecipients()[0].toString(), read.getSubject(),
                            String.valueOf(read.getContent())));
                }
            }
        }
        return mails;
    }

    private int owed() throws Exception {
        return count("SELECT COUNT(*) FROM owed_mail");
    }

    private int failedAttempts() throws Exception {
        return count("SELECT COALESCE(SUM(attempts), 0) FROM owed_mail");
    }

    private int count(String sql) throws Exception {
        try (Connection connection = site.database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            int count = rows.getInt(1);
            connection.rollback();
            return count;
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** Waits up to 15 s (the sender looks every 5 s when nobody wakes it) for {@code check}. */
    private static void waitFor(Check check, String what) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within 15 s: " + what);
    }
}
