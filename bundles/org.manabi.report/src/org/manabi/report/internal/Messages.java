package org.manabi.report.internal;

import org.eclipse.osgi.util.NLS;

/** The words of the annual report, in English and Japanese (messages_ja.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.manabi.report.internal.messages";

    public static String Report_title;
    public static String Report_noPlan;
    public static String Report_noFont;
    public static String Column_seminar;
    public static String Column_fee;
    public static String Column_lastYear;
    public static String Column_capacity;
    public static String Column_host;
    public static String Column_half;
    public static String Column_month;
    public static String Column_events;
    public static String Fee_paid;
    public static String Fee_free;
    public static String Capacity_undecided;
    public static String Capacity_notPlanned;
    public static String Total;
    public static String Half_first;
    public static String Half_second;
    public static String Month_format;
    public static String List_separator;
    public static String Chart_title;
    public static String Chart_lastYear;
    public static String Chart_capacity;
    public static String Schedule_title;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
