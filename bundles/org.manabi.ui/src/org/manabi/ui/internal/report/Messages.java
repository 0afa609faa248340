package org.manabi.ui.internal.report;

import org.eclipse.osgi.util.NLS;

/** Strings of the annual report command, in English and Japanese (messages_ja.properties). */
final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.manabi.ui.internal.report.messages";

    public static String Dialog_title;
    public static String Dialog_message;
    public static String Dialog_year;
    public static String Dialog_format;
    public static String Dialog_file;
    public static String Dialog_browse;
    public static String Dialog_open;
    public static String Dialog_noYears;
    public static String Dialog_noFile;
    public static String Job_writing;
    public static String Failed_title;
    public static String Failed;
    public static String NoContent;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
