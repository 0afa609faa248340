package org.manabi.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.manabi.server.Email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * An {@link Email} as a MIME message (UTF-8 plain text, the subject encoded for Japanese), written
 * or sent: the one place where Manabi runs Jakarta Mail.
 *
 * <p>Jakarta Mail 2.1 looks its {@code StreamProvider} up again at every use (each Session, each
 * encoded subject, each body written; {@code StreamProvider.provider()} caches nothing). Under OSGi
 * that look-up is a {@code ServiceLoader} call which Aries SPI Fly rewrites to go through two new
 * class loaders each time, and the JVM keeps the data of every class loader until a full collection
 * unloads it: over 30,000 mails the server's class space and module data grew by about 65 MB. The
 * API's only hook is the system property {@value #PINNED_PROVIDER}: when set (the product's
 * configuration sets it to Angus Mail's {@code MailStreamProvider}), the class it names is loaded by name through the
 * thread's context class loader and no service loader runs. So Jakarta Mail runs here with the
 * context class loader of Angus Mail, which can load that class. Without the property (the tests,
 * an application embedding the server) the same code works as before, through SPI Fly.
 */
public final class MimeMessages {

    /** The system property naming the class of Jakarta Mail's stream provider. */
    public static final String PINNED_PROVIDER = "jakarta.mail.util.StreamProvider";

    private static final ClassLoader ANGUS_MAIL = MailStreamProvider.class.getClassLoader();

    private MimeMessages() {
    }

    /** A mail session with {@code properties}. */
    public static Session session(Properties properties) {
        try {
            return withAngusMail(() -> Session.getInstance(properties));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Session.getInstance throws no checked exception", e);
        }
    }

    /** Writes {@code email} to {@code out} as an RFC 5322 message dated {@code date}. */
    public static void write(Session session, String from, Email email, Instant date, OutputStream out)
            throws MessagingException, IOException {
        withAngusMail(() -> {
            of(session, from, email, date).writeTo(out);
            return null;
        });
    }

    /** Sends {@code email} through the session's transport, logged in as {@code user} when not null. */
    public static void send(Session session, String from, Email email, Instant date, String user, String password)
            throws MessagingException, IOException {
        withAngusMail(() -> {
            Transport.send(of(session, from, email, date), user, password);
            return null;
        });
    }

    private static MimeMessage of(Session session, String from, Email email, Instant date)
            throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, "Manabi", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
        message.setSubject(email.subject(), "UTF-8");
        message.setText(email.body(), "UTF-8");
        message.setSentDate(Date.from(date));
        message.saveChanges();
        return message;
    }

    private interface MailWork<T> {
        T run() throws MessagingException, IOException;
    }

    private static <T> T withAngusMail(MailWork<T> work) throws MessagingException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ANGUS_MAIL);
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
