package org.manabi.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Strings of the workbench, in English and Japanese (messages_ja.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.manabi.ui.internal.messages";

    public static String Workbench_title;
    public static String EmbeddedServer_starting;
    public static String Explorer_noContent;
    public static String Explorer_problems;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
