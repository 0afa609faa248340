package org.manabi.report;

import java.util.Locale;

/** The formats of the annual report. */
public enum ReportFormat {
    /** UTF-8 with a byte-order mark, so that Japanese Excel opens it correctly. */
    CSV,
    HTML,
    /** With a bar chart of last year's turnout against this year's capacity. */
    PDF;

    /** The format a file name's extension asks for, or null. */
    public static ReportFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (lower.endsWith("." + format.name().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        return lower.endsWith(".htm") ? HTML : null;
    }
}
