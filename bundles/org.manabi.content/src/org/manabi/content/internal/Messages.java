package org.manabi.content.internal;

import org.eclipse.osgi.util.NLS;

/** Messages of the content repository, in English and Japanese (messages_ja.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.manabi.content.internal.messages";

    public static String ContentRepository_noFolder;
    public static String ContentRepository_cannotList;
    public static String ContentRepository_unreadable;
    public static String ContentRepository_notCurriculum;
    public static String ContentRepository_dangling;
    public static String Rule_noFee;
    public static String Rule_paidWithoutPrice;
    public static String Rule_capacityMissing;
    public static String Rule_webPoolWithoutSystem;
    public static String Rule_onsitePoolWithoutVenue;
    public static String Rule_endNotAfterStart;
    public static String Rule_closesBeforeOpens;
    public static String Rule_breakLongerThanSession;
    public static String Rule_outsideSession;
    public static String Rule_overlap;
    public static String Rule_speakerWithoutAffiliation;
    public static String Rule_notGradable;
    public static String Rule_singleChoiceCorrect;
    public static String Rule_noCorrectChoice;
    public static String Rule_noAnswer;
    public static String Rule_negativeTolerance;
    public static String Rule_pageBeyondDeck;
    public static String Rule_deckPageCount;
    public static String Rule_deckFileMissing;
    public static String Rule_duplicateId;
    public static String Rule_passingWithoutQuiz;


    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
