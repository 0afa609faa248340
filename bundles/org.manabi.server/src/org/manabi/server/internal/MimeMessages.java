package org.manabi.server.internal;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;

import org.manabi.server.Email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** An {@link Email} as a MIME message: UTF-8 plain text, the subject encoded for Japanese. */
public final class MimeMessages {

    private MimeMessages() {
    }

    public static MimeMessage of(Session session, String from, Email email, Instant date)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, "Manabi", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
        message.setSubject(email.subject(), "UTF-8");
        message.setText(email.body(), "UTF-8");
        message.setSentDate(Date.from(date));
        message.saveChanges();
        return message;
    }
}
