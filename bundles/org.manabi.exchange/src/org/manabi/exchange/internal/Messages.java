package org.manabi.exchange.internal;

import org.eclipse.osgi.util.NLS;

/** Messages of the question exchange, in English and Japanese (messages_ja.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.manabi.exchange.internal.messages";

    public static String Import_answerFeedbackNotKept;
    public static String Import_rightFeedbackNotKept;
    public static String Import_caseSensitive;
    public static String Import_idNotKept;
    public static String Import_idTaken;
    public static String Import_markupRemoved;
    public static String Import_matchingNotSupported;
    public static String Import_noFullMarks;
    public static String Import_noRightChoice;
    public static String Import_noText;
    public static String Import_notANumber;
    public static String Import_notGradable;
    public static String Import_notUtf8;
    public static String Import_otherAnswerNotKept;
    public static String Import_pointsRounded;
    public static String Import_singleNeedsOneRight;
    public static String Import_tagsNotKept;
    public static String Import_titleNotKept;
    public static String Import_tooFewChoices;
    public static String Import_unequalShares;
    public static String Import_wrongCost;
    public static String Import_unitsNotKept;
    public static String Import_weightNotKept;
    public static String Import_wildcard;
    public static String Import_description;
    public static String Gift_braceWithoutOpen;
    public static String Gift_notClosed;
    public static String Gift_severalBlocks;
    public static String Gift_titleNotClosed;
    public static String Gift_unknownAnswers;
    public static String Moodle_fileNotKept;
    public static String Moodle_malformed;
    public static String Moodle_notAQuiz;
    public static String Moodle_partNotKept;
    public static String Moodle_typeNotSupported;
    public static String Export_allOrNothing;
    public static String Export_choiceFeedback;
    public static String Export_citations;
    public static String Export_likert;
    public static String Export_multichoiceset;
    public static String Export_noAnswer;
    public static String Export_points;
    public static String Export_quizSettings;
    public static String Export_quizSettingsQti;
    public static String Export_unit;
    public static String Qti_true;
    public static String Qti_false;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
