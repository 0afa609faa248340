package org.manabi.ui;

import java.nio.file.Path;

/**
 * What the workbench opens on, as the command line and the preferences ({@link WorkbenchPreferences})
 * decided at start.
 *
 * @param contentFolder    the folder of curricula (XMI) and slide decks
 * @param dataFolder       operational data: the H2 database, the search index and the mail outbox of
 *                         the embedded server
 * @param databaseUrl      a PostgreSQL JDBC URL, or null for the H2 file in the data folder
 * @param databasePassword the PostgreSQL password kept out of the URL, or null for the URL's own
 * @param serverPort       the loopback port of the embedded web server to start with the workbench (0:
 *                         a free one), or {@code null} to start none
 */
public record WorkbenchSettings(Path contentFolder, Path dataFolder, String databaseUrl, String databasePassword,
        Integer serverPort) {

    /** Without the password: settings end up in logs. */
    @Override
    public String toString() {
        return "WorkbenchSettings[contentFolder=" + contentFolder + ", dataFolder=" + dataFolder + ", databaseUrl="
                + databaseUrl + ", serverPort=" + serverPort + "]";
    }
}
