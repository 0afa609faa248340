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

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
