package org.manabi.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import org.manabi.server.internal.MimeMessages;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * Sends over SMTP, configured by one URL: {@code smtp://[user:password@]host[:port]} (STARTTLS when
 * the server offers it) or {@code smtps://…} (TLS from the start).
 */
public final class SmtpMailer implements Mailer {

    private final Session session;
    private final String from;
    private final String user;
    private final String password;
    private final String description;

    public SmtpMailer(URI smtp, String from) {
        this(smtp, from, null);
    }

    /**
     * As {@link #SmtpMailer(URI, String)}, with the password kept out of the URL (from a configuration
     * file or the environment); {@code null}: the URL's own, if any.
     */
    public SmtpMailer(URI smtp, String from, String password) {
        String scheme = smtp.getScheme();
        if (!"smtp".equals(scheme) && !"smtps".equals(scheme) || smtp.getHost() == null) {
            throw new IllegalArgumentException("The mail server " + redacted(smtp)
                    + " is not an SMTP URL: use smtp://user:password@host:587 or smtps://host:465");
        }
        Properties properties = new Properties();
        properties.put("mail." + scheme + ".host", smtp.getHost());
        properties.put("mail." + scheme + ".port", Integer.toString(smtp.getPort() > 0 ? smtp.getPort()
                : "smtps".equals(scheme) ? 465 : 25));
        properties.put("mail." + scheme + ".starttls.enable", "true");
        properties.put("mail." + scheme + ".connectiontimeout", "10000");
        properties.put("mail." + scheme + ".timeout", "20000");
        properties.put("mail.transport.protocol", scheme);
        String userInfo = smtp.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
            this.password = password != null ? password
                    : colon < 0 ? null : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
            properties.put("mail." + scheme + ".auth", "true");
        } else {
            user = null;
            this.password = null;
        }
        this.session = MimeMessages.session(properties);
        this.from = from;
        this.description = redacted(smtp);
    }

    @Override
    public void send(Email email) throws IOException {
        try {
            MimeMessages.send(session, from, email, Instant.now(), user, password);
        } catch (MessagingException e) {
            throw new IOException("The mail server " + description + " did not take the email to " + email.to() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The URL without its password, for messages and logs. */
    private static String redacted(URI smtp) {
        return smtp.getScheme() + "://" + (smtp.getRawUserInfo() == null ? "" : smtp.getRawUserInfo().replaceAll(":.*", ":***") + "@")
                + smtp.getHost() + (smtp.getPort() > 0 ? ":" + smtp.getPort() : "");
    }
}
