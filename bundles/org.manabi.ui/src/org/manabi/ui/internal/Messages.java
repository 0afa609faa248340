package org.manabi.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Strings of the workbench, in English and Japanese (messages_ja.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.manabi.ui.internal.messages";

    public static String Workbench_title;
    public static String EmbeddedServer_starting;
    public static String Explorer_noContent;
    public static String Explorer_problems;

    public static String Menu_file;
    public static String Menu_edit;
    public static String Action_undo;
    public static String Action_redo;
    public static String Editor_overview;
    public static String Editor_programme;
    public static String Editor_speakers;
    public static String Editor_materials;
    public static String Editor_wrongInput;
    public static String Editor_saveFailedTitle;
    public static String Editor_saveFailed;
    public static String Section_general;
    public static String Section_dates;
    public static String Section_seats;
    public static String Section_fee;
    public static String Section_vod;
    public static String Column_inProgramme;
    public static String Column_kind;
    public static String Column_source;
    public static String Table_add;
    public static String Table_remove;
    public static String Table_up;
    public static String Table_down;
    public static String Field_required;
    public static String Field_invalid;
    public static String Field_expectTime;
    public static String Field_expectDate;
    public static String Field_expectDateTime;
    public static String Field_expectMonth;
    public static String Field_expectWholeNumber;
    public static String Field_expectNumber;
    public static String Problems_description;
    public static String Problems_element;
    public static String Problems_field;
    public static String Problems_file;
    public static String Problems_noContent;
    public static String Problems_summary;
    public static String Explorer_filter;
    public static String Explorer_fiscalYear;
    public static String Explorer_noHost;
    public static String Explorer_newSeminar;
    public static String Explorer_newSeminarTitle;
    public static String Explorer_nextYear;
    public static String Explorer_delete;
    public static String Explorer_deleteTitle;
    public static String Explorer_deleteConfirm;
    public static String Explorer_selectFirst;
    public static String Explorer_selectSeminar;
    public static String Explorer_unsavedTitle;
    public static String Explorer_unsaved;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
