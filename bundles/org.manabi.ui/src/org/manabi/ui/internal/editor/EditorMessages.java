package org.manabi.ui.internal.editor;

import org.eclipse.osgi.util.NLS;

/** Strings of the quiz, survey and materials pages of the seminar editor, in English and Japanese (editor_ja.properties). */
final class EditorMessages extends NLS {

    private static final String BUNDLE_NAME = "org.manabi.ui.internal.editor.editor";

    public static String Page_quiz;
    public static String Page_survey;
    public static String None_quiz;
    public static String None_survey;
    public static String Create_quiz;
    public static String Create_survey;
    public static String Section_settings;
    public static String Section_questions;
    public static String Section_choices;
    public static String Section_citations;
    public static String NewQuestionType;
    public static String NoQuestionSelected;
    public static String Column_type;
    public static String Column_deck;
    public static String OnePerLine;
    public static String RemoveCitation;
    public static String Deck;
    public static String CitePage;
    public static String PageLabel;
    public static String NoDecks;
    public static String RenderingPages;
    public static String PageUnreadable;
    public static String Section_pages;
    public static String AttachPdf;
    public static String Attaching;
    public static String AttachFailed;
    public static String OpenPage;

    static {
        NLS.initializeMessages(BUNDLE_NAME, EditorMessages.class);
    }

    private EditorMessages() {
    }
}
