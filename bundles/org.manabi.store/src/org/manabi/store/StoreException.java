package org.manabi.store;

/** The database cannot be opened or used; the message names which database and why. */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
