package org.manabi.ui.internal.results;

import org.eclipse.osgi.util.NLS;

/** Strings of the Results view, in English and Japanese (messages_ja.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.manabi.ui.internal.results.messages";

    public static String Results_noContent;
    public static String Results_noQuiz;
    public static String Results_reading;
    public static String Results_summary;
    public static String Results_nobody;
    public static String Results_name;
    public static String Results_viewer;
    public static String Results_organization;
    public static String Results_attempts;
    public static String Results_attempt;
    public static String Results_late;
    public static String Results_open;
    public static String Results_best;
    public static String Results_passed;
    public static String Results_number;
    public static String Results_question;
    public static String Results_answered;
    public static String Results_facility;
    public static String Results_discrimination;
    public static String Results_picks;
    public static String Results_chartTitle;
    public static String Results_chartEmpty;
    public static String Results_slide;
    public static String Results_slideQuestions;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
