package org.manabi.server;

import java.net.URI;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.manabi.server.internal.BackupServlet;
import org.manabi.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administration door of a running {@code serve}: {@code POST /admin/backup} (see
 * {@link BackupServlet}), on a loopback port of its own, apart from the public server, so that no reverse
 * proxy or {@code X-Forwarded-For} ever reaches it; each request must carry the run's token.
 * <p>
 * It exists because an H2 file is held by one process: {@code ./manabi backup} asks that process to read
 * the snapshot rather than opening the file itself.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Server server;

    private AdminServer(Server server) {
        this.server = server;
    }

    /**
     * Starts listening on a free loopback port.
     *
     * @param token the secret a request must present ({@code Authorization: Bearer token})
     * @throws WebServerException if no loopback port can be bound
     */
    public static AdminServer start(Database database, String token) throws WebServerException {
        // a backup at a time is plenty; Jetty needs a few threads of its own besides
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName("manabi-admin");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(LOOPBACK);
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/admin");
        context.addServlet(new ServletHolder(new BackupServlet(database, token)), "/backup");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw new WebServerException("The administration door cannot listen on " + LOOPBACK + ": " + e.getMessage(), e);
        }
        AdminServer admin = new AdminServer(server);
        LOG.info("Administration door (backups) on {}", admin.uri());
        return admin;
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:40123/admin/}. */
    public URI uri() {
        return URI.create("http://" + LOOPBACK + ":" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + "/admin/");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The administration door did not stop cleanly: {}", e.getMessage());
        }
    }
}
