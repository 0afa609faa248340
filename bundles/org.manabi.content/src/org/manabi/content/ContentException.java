package org.manabi.content;

/** The content folder cannot be used at all (missing, not a folder, not writable); the message says which and why. */
public class ContentException extends Exception {

    private static final long serialVersionUID = 1L;

    public ContentException(String message) {
        super(message);
    }

    public ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
