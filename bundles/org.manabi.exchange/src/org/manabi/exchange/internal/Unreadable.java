package org.manabi.exchange.internal;

/** A question that cannot be imported: the reader skips it and reports the message as an error. */
final class Unreadable extends Exception {

    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
        super(message);
    }
}
