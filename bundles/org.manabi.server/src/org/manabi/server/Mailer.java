package org.manabi.server;

import java.io.IOException;

/** Sends the emails of the web pages: to an outbox folder by default, or over SMTP when configured. */
public interface Mailer {

    /** Sends (or stores for sending) {@code email}; throws when it cannot be handed on. */
    void send(Email email) throws IOException;
}
