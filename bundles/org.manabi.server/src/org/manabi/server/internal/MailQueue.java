package org.manabi.server.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

import org.manabi.server.Email;
import org.manabi.server.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails sent on a queue of their own, in order: what they report is committed already, and a slow
 * or broken mail server must not delay the answer. A mail that cannot be sent is logged for staff;
 * the page the person sees already shows what the mail would have said.
 */
public final class MailQueue {

    private static final Logger LOG = LoggerFactory.getLogger(MailQueue.class);

    private final Mailer mailer;
    private final ExecutorService queue;

    public MailQueue(Mailer mailer, ExecutorService queue) {
        this.mailer = mailer;
        this.queue = queue;
    }

    /** Queues {@code email}; {@code what} names it in the log ("registered email for dicom-2026"). */
    void send(Email email, String what) {
        send(email, what, () -> false);
    }

    /**
     * Queues {@code email} unless {@code withheld}, asked on the mail thread just before sending, says
     * it must not go (the use of the person's data is suspended).
     */
    void send(Email email, String what, Callable<Boolean> withheld) {
        queue.execute(() -> {
            try {
                if (withheld.call()) {
                    LOG.info("The {} is withheld: the use of the person's data is suspended", what);
                    return;
                }
                mailer.send(email);
            } catch (Exception e) {
                LOG.warn("The {} to {} could not be sent: {}", what, email.to(), e.getMessage());
            }
        });
    }
}
