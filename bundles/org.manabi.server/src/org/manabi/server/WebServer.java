package org.manabi.server;

import java.net.URI;
import java.util.EnumSet;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.manabi.server.internal.HealthServlet;
import org.manabi.server.internal.SecurityHeadersFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.DispatcherType;

/**
 * The embedded Jetty 12 server of Manabi. Every response carries the security headers of the design
 * (CSP without inline script, nosniff, frame-ancestors, Referrer-Policy); {@code GET /health} tells
 * whether the server is up.
 * <p>
 * Start on port 0 to get a free port, then ask {@link #uri()} where it listens.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Server server;

    private WebServer(Server server) {
        this.server = server;
    }

    /**
     * Starts listening on {@code host:port}.
     *
     * @throws WebServerException if the address cannot be bound (in use, not this machine's)
     */
    public static WebServer start(String host, int port) throws WebServerException {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("manabi-http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HealthServlet()), "/health");
        server.setHandler(context);
        // a stopped server must not keep the JVM of a command-line run alive
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new WebServerException("The web server cannot listen on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        WebServer webServer = new WebServer(server);
        LOG.info("Manabi web server listening on {}", webServer.uri());
        return webServer;
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = connector.getHost() == null ? "localhost" : connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    /** Blocks until the server stops (for {@code manabi serve}). */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The web server did not stop cleanly: {}", e.getMessage());
        }
    }
}
