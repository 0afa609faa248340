package org.manabi.ui.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringButtonFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.manabi.ui.WorkbenchPreferences;
import org.manabi.ui.WorkbenchSecrets;

/**
 * Window → Preferences → Manabi: where operational data lives, which database, the web server's port
 * and the language of the workbench. Each value is checked as it is typed, and OK stays disabled
 * while one is wrong. The port applies from the server's next start; the rest from the workbench's
 * next start (the page says so), and a command-line flag still wins for the run it is given to.
 */
public final class ManabiPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.manabi.ui.preferences";

    private DatabasePasswordEditor password;

    public ManabiPreferencePage() {
        super(GRID);
        setDescription(Messages.Preferences_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, WorkbenchPreferences.NODE);
        store.setDefault(WorkbenchPreferences.SERVER_PORT, WorkbenchPreferences.DEFAULT_PORT);
        store.setDefault(WorkbenchPreferences.START_SERVER, true);
        setPreferenceStore(store);
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        addField(tagged(new DataFolderEditor(parent), WorkbenchPreferences.DATA_FOLDER, parent));
        addField(tagged(new DatabaseUrlEditor(parent), WorkbenchPreferences.DATABASE_URL, parent));
        password = new DatabasePasswordEditor(parent);
        addField(password);
        note(parent, Messages.Preferences_password);

        IntegerFieldEditor port = new IntegerFieldEditor(WorkbenchPreferences.SERVER_PORT, Messages.Preferences_port,
                parent, 5);
        port.setValidRange(0, 65535);
        port.setErrorMessage(Messages.Preferences_portBad);
        port.setValidateStrategy(StringFieldEditor.VALIDATE_ON_KEY_STROKE);
        addField(tagged(port, WorkbenchPreferences.SERVER_PORT, parent));
        addField(new BooleanFieldEditor(WorkbenchPreferences.START_SERVER, Messages.Preferences_startServer, parent));

        addField(new ComboFieldEditor(WorkbenchPreferences.LANGUAGE, Messages.Preferences_language, new String[][] {
                { Messages.Preferences_languageSystem, "" }, { "English", "en" }, { "\u65e5\u672c\u8a9e", "ja" } },
                parent));
        note(parent, Messages.Preferences_nextStart);
    }

    /** The password goes to secure storage first: if it cannot be kept there, the page stays open and says why. */
    @Override
    public boolean performOk() {
        try {
            password.storeSecurely();
        } catch (StorageException e) {
            setErrorMessage(NLS.bind(Messages.Preferences_passwordNotStored, e.getLocalizedMessage()));
            return false;
        }
        return super.performOk();
    }

    /** Marks the editor's text box with its key, so that tests find it as a user does: by the field. */
    private static <T extends StringFieldEditor> T tagged(T editor, String key, Composite parent) {
        editor.getTextControl(parent).setData("preference", key);
        return editor;
    }

    private static void note(Composite parent, String text) {
        Label note = new Label(parent, SWT.WRAP);
        note.setText(text);
        GridData layout = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        layout.widthHint = 480;
        note.setLayoutData(layout);
    }

    /** A folder that exists or can be made (its parent exists); empty for {@code ~/.manabi}. */
    private static final class DataFolderEditor extends StringButtonFieldEditor {

        DataFolderEditor(Composite parent) {
            super(WorkbenchPreferences.DATA_FOLDER, Messages.Preferences_dataFolder, parent);
            setChangeButtonText(Messages.Preferences_browse);
            setEmptyStringAllowed(true);
            setValidateStrategy(VALIDATE_ON_KEY_STROKE);
            getTextControl(parent).setMessage(WorkbenchPreferences.defaultDataFolder().toString());
        }

        @Override
        protected String changePressed() {
            DirectoryDialog dialog = new DirectoryDialog(getShell(), SWT.OPEN);
            dialog.setFilterPath(getStringValue().isBlank() ? WorkbenchPreferences.defaultDataFolder().toString()
                    : getStringValue());
            return dialog.open();
        }

        @Override
        protected boolean doCheckState() {
            String typed = getStringValue().strip();
            if (typed.isEmpty()) {
                return true;
            }
            String problem = problem(typed);
            setErrorMessage(problem);
            return problem == null;
        }

        private static String problem(String typed) {
            try {
                Path folder = Path.of(typed);
                if (!folder.isAbsolute()) {
                    return NLS.bind(Messages.Preferences_dataFolderRelative, typed);
                }
                if (Files.exists(folder) && !Files.isDirectory(folder)) {
                    return NLS.bind(Messages.Preferences_dataFolderFile, typed);
                }
                if (!Files.exists(folder) && (folder.getParent() == null || !Files.isDirectory(folder.getParent()))) {
                    return NLS.bind(Messages.Preferences_dataFolderMissing, typed);
                }
                return null;
            } catch (InvalidPathException e) {
                return NLS.bind(Messages.Preferences_dataFolderRelative, typed);
            }
        }
    }

    /**
     * The PostgreSQL password, typed unseen and kept encrypted in secure storage ({@link WorkbenchSecrets}),
     * not in the page's preference store, which is a plain file.
     */
    private static final class DatabasePasswordEditor extends FieldEditor {

        private Text text;
        private String stored = "";

        DatabasePasswordEditor(Composite parent) {
            init(WorkbenchSecrets.DATABASE_PASSWORD, Messages.Preferences_databasePassword);
            createControl(parent);
        }

        @Override
        protected void doFillIntoGrid(Composite parent, int numColumns) {
            getLabelControl(parent);
            text = new Text(parent, SWT.SINGLE | SWT.BORDER | SWT.PASSWORD);
            text.setData("preference", WorkbenchSecrets.DATABASE_PASSWORD);
            text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, numColumns - 1, 1));
        }

        @Override
        protected void adjustForNumColumns(int numColumns) {
            ((GridData) text.getLayoutData()).horizontalSpan = numColumns - 1;
        }

        @Override
        public int getNumberOfControls() {
            return 2;
        }

        @Override
        protected void doLoad() {
            try {
                stored = Objects.requireNonNullElse(WorkbenchSecrets.storedDatabasePassword(), "");
                text.setText(stored);
            } catch (StorageException e) {
                // the keyring is locked or gone: the field says so, and the environment variable still works
                text.setEnabled(false);
                text.setMessage(NLS.bind(Messages.Preferences_passwordNotStored, e.getLocalizedMessage()));
            }
        }

        @Override
        protected void doLoadDefault() {
            text.setText("");
        }

        @Override
        protected void doStore() {
            // stored by the page before the other fields (storeSecurely), where a failure can keep it open
        }

        /** Keeps the typed password in secure storage, if it was changed; an empty one is removed. */
        void storeSecurely() throws StorageException {
            if (text.isEnabled() && !text.getText().equals(stored)) {
                WorkbenchSecrets.storeDatabasePassword(text.getText());
                stored = text.getText();
            }
        }
    }

    /** Empty (the H2 file in the data folder) or a PostgreSQL JDBC URL with a host and a database. */
    private static final class DatabaseUrlEditor extends StringFieldEditor {

        DatabaseUrlEditor(Composite parent) {
            super(WorkbenchPreferences.DATABASE_URL, Messages.Preferences_databaseUrl, parent);
            setEmptyStringAllowed(true);
            setValidateStrategy(VALIDATE_ON_KEY_STROKE);
            getTextControl(parent).setMessage(Messages.Preferences_databaseUrlDefault);
        }

        @Override
        protected boolean doCheckState() {
            String typed = getStringValue().strip();
            if (typed.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
                // preferences are a plain file: the password has its own field, kept in secure storage
                setErrorMessage(Messages.Preferences_databaseUrlPassword);
                return false;
            }
            setErrorMessage(NLS.bind(Messages.Preferences_databaseUrlBad, typed));
            return typed.isEmpty() || typed.matches("jdbc:postgresql://[^/?#\\s]+/[^/?#\\s]+(\\?\\S*)?");
        }
    }
}
