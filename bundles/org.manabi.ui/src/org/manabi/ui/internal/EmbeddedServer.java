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

/**
 * The web server the workbench runs beside its windows, on loopback, over the same content
 * repository, so that a seminar published and saved in the workbench is in the catalogue at once.
 * It borrows the workbench's database (see {@link ServerControl#database()}) and leaves it open.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final WebServer server;

    private EmbeddedServer(WebServer server) {
        this.server = server;
    }

    /**
     * Starts listening on {@code 127.0.0.1:port}; mail goes to {@code data/outbox}, slide thumbnails are
     * cached in {@code data/thumbnails} as the slide search does.
     *
     * @throws WebServerException when the port is taken
     */
    public static EmbeddedServer start(ContentRepository content, Database database, Path data, int port)
            throws WebServerException {
        Site site = Site.of(Catalogue.of(content), database, new OutboxMailer(data.resolve("outbox"),
                "seminars@localhost"), ServerSettings.DEFAULT.withThumbnails(data.resolve("thumbnails")));
        return new EmbeddedServer(WebServer.start("127.0.0.1", port, site));
    }

    public WebServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
