package org.manabi.search;

import java.nio.file.Path;

/** A PDF that cannot be read; the message names the file and why, for a skip line in a summary. */
public class PdfUnreadableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public PdfUnreadableException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
