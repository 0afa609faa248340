package org.manabi.ui.internal.exchange;

import org.eclipse.osgi.util.NLS;

/** Strings of the question-bank wizards, in English and Japanese (messages_ja.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.manabi.ui.internal.exchange.messages";

    public static String Import_title;
    public static String Import_sourceTitle;
    public static String Import_sourceDescription;
    public static String Import_previewTitle;
    public static String Import_previewDescription;
    public static String Import_previewCounts;
    public static String Import_reading;
    public static String Import_cannotRead;
    public static String Import_unknownFormat;
    public static String Import_nothing;
    public static String Import_unsaved;
    public static String Import_done;
    public static String Import_command;
    public static String Export_title;
    public static String Export_targetTitle;
    public static String Export_targetDescription;
    public static String Export_problemsTitle;
    public static String Export_problemsDescription;
    public static String Export_problemsNone;
    public static String Export_problemsCount;
    public static String Export_writing;
    public static String Export_failed;
    public static String Page_quiz;
    public static String Page_file;
    public static String Page_browse;
    public static String Page_format;
    public static String Page_formatGuess;
    public static String Page_noQuiz;
    public static String Page_noFile;
    public static String Page_noSuchFile;
    public static String Format_gift;
    public static String Format_moodlexml;
    public static String Format_qti21;
    public static String Column_line;
    public static String Column_question;
    public static String Column_kind;
    public static String Column_text;
    public static String Column_severity;
    public static String Column_reason;
    public static String Severity_error;
    public static String Severity_warning;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
