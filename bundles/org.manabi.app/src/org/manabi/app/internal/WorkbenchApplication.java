package org.manabi.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.equinox.security.storage.StorageException;
import org.manabi.ui.ManabiWorkbench;
import org.manabi.ui.WorkbenchPreferences;
import org.manabi.ui.WorkbenchSecrets;
import org.manabi.ui.WorkbenchSettings;

import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./manabi} with no sub-command: the workbench window on a content folder. Workbench state
 * (layout, preferences) lives in {@code ~/.manabi/workbench} ({@code <--data>/workbench} for a run given
 * {@code --data}), locked so that two workbenches never share it. Each flag wins over its preference
 * (Window → Preferences → Manabi) for the run it is given to.
 */
public final class WorkbenchApplication implements IApplication {

    @Command(name = "manabi")
    static final class Options {
        @Option(names = "--content")
        Path content = Path.of("content");

        @Option(names = "--data")
        Path data;

        @Option(names = "--db")
        String database;

        /** The embedded web server's loopback port; -1 starts none. */
        @Option(names = "--port")
        Integer port;
    }

    @Override
    public Object start(IApplicationContext context) throws IOException {
        Logging.bridgeJavaUtilLogging();
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        Options options = new Options();
        // unknown arguments are the platform's (-nl, -clearPersistedState, ...): let them pass
        new CommandLine(options).setUnmatchedArgumentsAllowed(true).parseArgs(args == null ? new String[0] : args);

        String locked = lockWorkbenchState(
                (options.data != null ? options.data : WorkbenchPreferences.defaultDataFolder()).resolve("workbench"));
        if (locked != null) {
            System.err.println(locked);
            return Integer.valueOf(1);
        }
        Display display = PlatformUI.createDisplay();
        try {
            int result = ManabiWorkbench.run(display, settings(options));
            return result == PlatformUI.RETURN_RESTART ? EXIT_RESTART : EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    /** The flags, then the preferences (readable now that the state folder is set), then the defaults. */
    private static WorkbenchSettings settings(Options options) {
        IEclipsePreferences preferences = WorkbenchPreferences.node();
        String preferredData = preferences.get(WorkbenchPreferences.DATA_FOLDER, "").strip();
        Path data = options.data != null ? options.data
                : preferredData.isEmpty() ? WorkbenchPreferences.defaultDataFolder() : Path.of(preferredData);
        String database = options.database != null ? options.database
                : preferences.get(WorkbenchPreferences.DATABASE_URL, "").strip();
        Integer port;
        if (options.port != null) {
            port = options.port < 0 ? null : options.port;
        } else {
            port = preferences.getBoolean(WorkbenchPreferences.START_SERVER, true)
                    ? preferences.getInt(WorkbenchPreferences.SERVER_PORT, WorkbenchPreferences.DEFAULT_PORT)
                    : null;
        }
        return new WorkbenchSettings(options.content.toAbsolutePath(), data.toAbsolutePath(),
                database.isEmpty() ? null : database, database.isEmpty() ? null : databasePassword(), port);
    }

    /**
     * MANABI_DB_PASSWORD, else the password of the preferences, from secure storage. Read only for
     * PostgreSQL: an H2 user's keyring is never asked. Unreadable (a locked keyring), the workbench
     * starts without it, and the database's refusal says what is missing.
     */
    private static String databasePassword() {
        try {
            return WorkbenchSecrets.databasePassword(System.getenv());
        } catch (StorageException e) {
            LoggerFactory.getLogger(WorkbenchApplication.class)
                    .warn("The database password in secure storage cannot be read: {}", e.getMessage());
            return null;
        }
    }

    /** @return why the state folder cannot be used, or null when it is now ours */
    private static String lockWorkbenchState(Path folder) throws IOException {
        Location instance = Platform.getInstanceLocation();
        if (instance == null || instance.isSet()) {
            return null; // set by -data, as test harnesses do
        }
        Files.createDirectories(folder);
        if (!instance.set(folder.toUri().toURL(), true)) {
            return MessageFormat.format(ResourceBundle.getBundle("org.manabi.app.internal.cli", Locale.getDefault(),
                    WorkbenchApplication.class.getClassLoader()).getString("workbench.locked"), folder);
        }
        return null;
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
