package org.manabi.web.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The {@code .eml} files {@code ./manabi serve} writes to {@code <data>/outbox}, read the way a
 * mail program reads them: transfer encodings and encoded-word subjects undone by Jakarta Mail.
 * The server mails after answering, from a queue, so the readers wait for a mail to appear.
 */
final class Outbox {

    /** A mail as the participant reads it. */
    record Mail(String to, String subject, String body) {

        private static final Pattern PERSONAL_LINK = Pattern.compile("https?://[^\\s]+/r/[A-Za-z0-9_-]+");

        /** The personal link the mail carries; fails when it carries none. */
        String personalLink() {
            Matcher link = PERSONAL_LINK.matcher(body);
            if (!link.find()) {
                throw new AssertionError("no personal link in the mail to " + to + " \"" + subject + "\":\n" + body);
            }
            return link.group();
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    private final Path folder;

    Outbox(Path dataFolder) {
        this.folder = dataFolder.resolve("outbox");
    }

    /** Every mail written so far, oldest first (the server names the files by time). */
    List<Mail> mails() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
        List<Mail> mails = new ArrayList<>();
        for (Path file : files) {
            mails.add(read(file));
        }
        return mails;
    }

    /** Waits up to 15 s for a mail that {@code wanted} accepts. */
    Mail await(String what, Predicate<Mail> wanted) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            List<Mail> mails = mails();
            for (Mail mail : mails) {
                if (wanted.test(mail)) {
                    return mail;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                StringBuilder found = new StringBuilder();
                mails.forEach(m -> found.append("\n  to ").append(m.to()).append(": ").append(m.subject()));
                throw new AssertionError("no mail " + what + " in " + folder + " within 15 s; there are:" + found);
            }
            Thread.sleep(100);
        }
    }

    private static Mail read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(SESSION, in);
            Object content = message.getContent();
            if (!(content instanceof String body)) {
                throw new AssertionError(file + " is not a plain-text mail but " + message.getContentType());
            }
            return new Mail(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(), body);
        } catch (MessagingException e) {
            throw new IOException(file + " is not a readable mail: " + e.getMessage(), e);
        }
    }
}
