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
    public static String Problems_validating;

    public static String Preferences_description;
    public static String Preferences_dataFolder;
    public static String Preferences_browse;
    public static String Preferences_dataFolderRelative;
    public static String Preferences_dataFolderFile;
    public static String Preferences_dataFolderMissing;
    public static String Preferences_databaseUrl;
    public static String Preferences_databaseUrlDefault;
    public static String Preferences_databaseUrlBad;
    public static String Preferences_databaseUrlPassword;
    public static String Preferences_password;
    public static String Preferences_databasePassword;
    public static String Preferences_passwordNotStored;
    public static String Preferences_port;
    public static String Preferences_portBad;
    public static String Preferences_startServer;
    public static String Preferences_language;
    public static String Preferences_languageSystem;
    public static String Preferences_nextStart;
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
    public static String Search_query;
    public static String Search_index;
    public static String Search_indexing;
    public static String Search_indexingFile;
    public static String Search_indexFailed;
    public static String Search_indexed;
    public static String Search_searching;
    public static String Search_hits;
    public static String Search_page;
    public static String Search_pageNumber;
    public static String Search_snippet;
    public static String Search_allSeminars;
    public static String Search_allCommittees;
    public static String Search_allYears;
    public static String Viewer_previous;
    public static String Viewer_next;
    public static String Viewer_zoomIn;
    public static String Viewer_zoomOut;
    public static String Viewer_page;
    public static String Viewer_rendering;
    public static String EmbeddedServer_stopping;
    public static String Server_start;
    public static String Server_stop;
    public static String Server_browse;
    public static String Server_running;
    public static String Server_starting;
    public static String Server_stopping;
    public static String Server_stopped;
    public static String Server_failed;
    public static String Server_noContent;
    public static String Registrations_checkIn;
    public static String Registrations_export;
    public static String Registrations_name;
    public static String Registrations_kana;
    public static String Registrations_organization;
    public static String Registrations_pool;
    public static String Registrations_status;
    public static String Registrations_fee;
    public static String Registrations_checkedIn;
    public static String Registrations_confirmed;
    public static String Registrations_present;
    public static String Registrations_waiting;
    public static String Registrations_cancelled;
    public static String Registrations_pool_summary;
    public static String Registrations_fees;
    public static String Registrations_reading;
    public static String Registrations_checkingIn;
    public static String Registrations_exporting;
    public static String Registrations_exportFailed;
    public static String Menu_window;
    public static String Menu_showView;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
