package org.manabi.app.internal;

import java.nio.file.Path;

import org.manabi.store.Database;
import org.manabi.store.StoreException;

import picocli.CommandLine.Option;

/**
 * What {@code backup} and {@code restore} share with {@code serve}: which database ({@code --data},
 * {@code --db}), taken from the same settings file and environment as the server's, with its
 * password ({@code db-password}).
 */
abstract class DatabaseCommand {

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "option.config")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "option.data.serve")
    Path data;

    @Option(names = "--db", paramLabel = "URL", descriptionKey = "option.db")
    String db;

    private ServeConfiguration configuration;

    /** The file and environment the settings not given as flags come from (read before parsing). */
    void configure(ServeConfiguration settings) {
        this.configuration = settings;
    }

    /** Opens (and migrates) the database the options name. */
    Database open() throws StoreException {
        return db == null ? Database.openH2(DataFolder.orDefault(data))
                : Database.openUrl(db, configuration == null ? null : configuration.secret(ServeConfiguration.DB_PASSWORD));
    }

    /** Why opening failed, with what to do when another process holds the H2 file. */
    String explain(StoreException e) {
        String message = e.getMessage();
        if (db == null && (message.contains("in use") || message.contains("locked"))) {
            message += " — another Manabi process (a ./manabi serve or a workbench) holds the H2 file of this data"
                    + " folder: stop it first";
        }
        return message;
    }
}
