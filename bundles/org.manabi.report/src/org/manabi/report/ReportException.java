package org.manabi.report;

/** The report cannot be made; the message says why (no plan for the year, no font for the PDF, …). */
public class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
