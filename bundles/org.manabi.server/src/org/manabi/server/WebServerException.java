package org.manabi.server;

/** The web server cannot start; the message names the address and why. */
public class WebServerException extends Exception {

    private static final long serialVersionUID = 1L;

    public WebServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
