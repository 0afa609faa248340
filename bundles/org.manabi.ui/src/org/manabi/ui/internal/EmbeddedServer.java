package org.manabi.ui.internal;

import java.nio.file.Path;

import org.manabi.content.ContentRepository;
import org.manabi.server.Catalogue;
import org.manabi.server.OutboxMailer;
import org.manabi.server.ServerSettings;
import org.manabi.server.Site;
import org.manabi.server.WebServer;
import org.manabi.server.WebServerException;
import org.manabi.store.Database;
import org.manabi.store.StoreException;

/**
 * The web server the workbench runs beside its windows, on loopback, over the same content
 * repository, so that a seminar published and saved in the workbench is in the catalogue at once.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final Database database;
    private final WebServer server;

    private EmbeddedServer(Database database, WebServer server) {
        this.database = database;
        this.server = server;
    }

    /**
     * Opens the database of {@code data} and starts listening on {@code 127.0.0.1:port}.
     *
     * @throws StoreException     when the database cannot be opened (e.g. a {@code serve} process holds the H2 file)
     * @throws WebServerException when the port is taken
     */
    public static EmbeddedServer start(ContentRepository content, Path data, int port)
            throws StoreException, WebServerException {
        Database database = Database.openH2(data);
        try {
            Site site = Site.of(Catalogue.of(content), database, new OutboxMailer(data.resolve("outbox"),
                    "seminars@localhost"), ServerSettings.DEFAULT);
            return new EmbeddedServer(database, WebServer.start("127.0.0.1", port, site));
        } catch (WebServerException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public WebServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
