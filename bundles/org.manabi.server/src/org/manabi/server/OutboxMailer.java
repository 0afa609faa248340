package org.manabi.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;

import org.manabi.server.internal.MimeMessages;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * The default mailer: each email becomes an {@code .eml} file (RFC 5322, readable by any mail
 * program) in an outbox folder, for a person or a mail relay to send. Nothing leaves the machine
 * until someone decides it should.
 */
public final class OutboxMailer implements Mailer {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final String from;
    private final Session session = MimeMessages.session(new Properties());

    /** Writes to {@code folder}, creating it when the first email comes. */
    public OutboxMailer(Path folder, String from) {
        this.folder = folder;
        this.from = from;
    }

    @Override
    public void send(Email email) throws IOException {
        Files.createDirectories(folder);
        Instant now = Instant.now();
        // named by time, so that a listing is in order; written aside and renamed, so a relay never reads half a mail
        String name = STAMP.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml";
        Path temporary = folder.resolve("." + name + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            MimeMessages.write(session, from, email, now, out);
        } catch (MessagingException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("The email to " + email.to() + " cannot be written: " + e.getMessage(), e);
        }
        Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    public Path folder() {
        return folder;
    }
}
