package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.server.Email;
import org.manabi.server.OutboxMailer;
import org.manabi.server.SmtpMailer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

class MailersTest {

    private static final Email MAIL = new Email("aoki@example.jp", "【お申し込み受付】DICOM セミナー",
            "青木 様\n\nお申し込みありがとうございます。\nhttp://127.0.0.1/r/abc\n");

    @Test
    void theOutboxHoldsOneReadableEmlFilePerEmail(@TempDir Path temp) throws Exception {
        OutboxMailer outbox = new OutboxMailer(temp.resolve("outbox"), "seminars@example.jp");
        outbox.send(MAIL);
        outbox.send(MAIL);

        List<Path> files;
        try (Stream<Path> listing = Files.list(temp.resolve("outbox"))) {
            files = listing.sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().endsWith(".eml"));
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals(MAIL.subject(), read.getSubject());
            assertEquals(MAIL.body(), read.getContent());
            assertEquals("aoki@example.jp", read.getAllRecipients()[0].toString());
        }
    }

    @Test
    void aRegistrationThroughTheApiIsMailedOverSmtpToARealServer() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try (TestSite site = new TestSite(0, new SmtpMailer(URI.create("smtp://127.0.0.1:" + smtp.getSmtp().getPort()),
                "seminars@example.jp"))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(site.server.uri().resolve("/api/seminars/dicom-2026/registrations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(RegistrationApiTest.person("aoki", true, "onsite")
                            .replace("}", ",\"language\":\"ja\"}"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
            String token = response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

            assertTrue(smtp.waitForIncomingEmail(10_000, 1), "the confirmation arrives");
            MimeMessage received = smtp.getReceivedMessages()[0];
            assertEquals("【お申し込み受付】DICOM セミナー", received.getSubject());
            String body = (String) received.getContent();
            assertTrue(body.contains("参加確定"), body);
            assertTrue(body.contains(site.server.uri().resolve("/r/" + token).toString()), body);
        } finally {
            smtp.stop();
        }
    }

    /**
     * The product names Jakarta Mail's stream provider (a system property) so that SPI Fly does not make
     * class loaders for each mail; Jakarta Mail then loads that class through the context class loader,
     * so the mailer must set one that can, whatever loader the calling thread has.
     */
    @Test
    void theOutboxWritesWithTheNamedStreamProviderWhateverTheCallersContextClassLoader(@TempDir Path temp)
            throws Exception {
        String property = "jakarta.mail.util.StreamProvider";
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        System.setProperty(property, "org.eclipse.angus.mail.util.MailStreamProvider");
        // a loader that sees the Java platform only: neither Jakarta Mail nor Angus Mail
        thread.setContextClassLoader(new ClassLoader(null) {
        });
        try {
            OutboxMailer outbox = new OutboxMailer(temp.resolve("outbox"), "seminars@example.jp");
            outbox.send(MAIL);
            // the SMTP mailer's session looks the provider up too, when it is made
            new SmtpMailer(URI.create("smtp://127.0.0.1:25"), "seminars@example.jp");
        } finally {
            thread.setContextClassLoader(callers);
            System.clearProperty(property);
        }
        try (Stream<Path> listing = Files.list(temp.resolve("outbox"));
                InputStream in = Files.newInputStream(listing.findFirst().orElseThrow())) {
            MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals(MAIL.subject(), read.getSubject());
            assertEquals(MAIL.body(), read.getContent());
        }
    }

    @Test
    void aMailServerUrlThatIsNotSmtpIsRefusedWithoutShowingThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmtpMailer(URI.create("http://user:secret@mail.example.jp"), "x@example.jp"));
        assertTrue(e.getMessage().contains("http://user:***@mail.example.jp"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"));
    }
}
