package org.manabi.ui;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * The workbench's preferences (Window → Preferences → Manabi), kept by Eclipse's preference service
 * in the instance scope: the workbench state folder, {@code ~/.manabi/workbench} (or the one of
 * {@code --data DIR} for that run). A command-line flag wins over its preference for the run it is
 * given to; an empty or missing preference means the built-in default.
 */
public final class WorkbenchPreferences {

    /** The preference node (the bundle's name, as Eclipse preference pages expect). */
    public static final String NODE = "org.manabi.ui";

    /** Operational data (database, search index, mail outbox); empty: {@code ~/.manabi}. Next start. */
    public static final String DATA_FOLDER = "dataFolder";
    /** {@code jdbc:postgresql://host[:port]/database[?user=…]}; empty: the H2 file in the data folder. Next start. */
    public static final String DATABASE_URL = "databaseUrl";
    /** The embedded web server's loopback port, 0 for a free one; used from the server's next start. */
    public static final String SERVER_PORT = "serverPort";
    /** Whether the workbench starts its web server as it opens. */
    public static final String START_SERVER = "startServer";
    /** {@code en}, {@code ja}, or empty for the system's; applied at the next start (the platform's {@code -nl}). */
    public static final String LANGUAGE = "language";

    public static final int DEFAULT_PORT = 8080;

    private WorkbenchPreferences() {
    }

    /** The stored preferences; available once the workbench state folder is set. */
    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    /** The default data folder, {@code ~/.manabi}. */
    public static Path defaultDataFolder() {
        return Path.of(System.getProperty("user.home"), ".manabi");
    }
}
