package org.manabi.ui.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.manabi.content.ContentRepository;
import org.manabi.server.WebServerException;
import org.manabi.store.Database;
import org.manabi.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the workbench's embedded web server, off the UI thread (opening and migrating
 * the database takes a moment), one change at a time, and tells the parts that show it.
 */
public final class ServerControl {

    private static final Logger LOG = LoggerFactory.getLogger(ServerControl.class);

    /** Jobs of this family start or stop the server; tests wait for them. */
    public static final Object FAMILY = ServerControl.class;

    /** What the server is doing, for the parts that show it. */
    public enum State {
        STOPPED, STARTING, RUNNING, STOPPING
    }

    private final ContentRepository content;
    private final Path dataFolder;
    private final String databaseUrl;
    private final String databasePassword;
    private volatile int port;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ISchedulingRule oneAtATime = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };
    private Database database;
    private volatile EmbeddedServer server;
    private volatile State state = State.STOPPED;
    private volatile String problem = "";

    /**
     * @param databaseUrl a PostgreSQL JDBC URL, or null for the H2 file in the data folder
     * @param databasePassword the password kept out of the URL, or null
     * @param port the loopback port to listen on, 0 for a free one
     */
    public ServerControl(ContentRepository content, Path dataFolder, String databaseUrl, String databasePassword,
            int port) {
        this.content = content;
        this.dataFolder = dataFolder;
        this.databaseUrl = databaseUrl;
        this.databasePassword = databasePassword;
        this.port = port;
    }

    /** The port of the server's next start (the preference changed); a running server keeps its own. */
    public void setPort(int port) {
        this.port = port;
    }

    public State state() {
        return state;
    }

    /** Where it listens, or null when it does not. */
    public URI uri() {
        EmbeddedServer running = server;
        return running == null ? null : running.server().uri();
    }

    /** Why the last start failed (the port is taken, a {@code serve} process holds the database), or empty. */
    public String problem() {
        return problem;
    }

    /**
     * The operational database of the data folder, opened on first use (off the UI thread: it may
     * migrate the schema). The workbench owns it; the server and the registrations view borrow it,
     * so that check-in and the lists work while the server is stopped.
     *
     * @throws StoreException when it cannot be opened, e.g. a {@code serve} process holds the H2 file
     */
    public synchronized Database database() throws StoreException {
        if (database == null) {
            database = databaseUrl == null ? Database.openH2(dataFolder)
                    : Database.openUrl(databaseUrl, databasePassword);
        }
        return database;
    }

    /** The server, or null when it does not run. */
    public EmbeddedServer server() {
        return server;
    }

    /** Called (on any thread) whenever the state changes. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    public Job start() {
        return change(Messages.EmbeddedServer_starting, () -> {
            if (server != null) {
                return;
            }
            set(State.STARTING, "");
            try {
                server = EmbeddedServer.start(content, database(), dataFolder, port);
                LOG.info("The web server of the workbench listens on {}", server.server().uri());
                set(State.RUNNING, "");
            } catch (StoreException | WebServerException e) {
                LOG.warn("The workbench runs without its web server: {}", e.getMessage());
                set(State.STOPPED, e.getMessage());
            }
        });
    }

    public Job stop() {
        return change(Messages.EmbeddedServer_stopping, () -> {
            EmbeddedServer running = server;
            if (running != null) {
                set(State.STOPPING, "");
                server = null;
                running.close();
            }
            set(State.STOPPED, "");
        });
    }

    private Job change(String name, Runnable change) {
        Job job = Jobs.of(name, FAMILY, monitor -> {
            change.run();
            return Status.OK_STATUS;
        });
        job.setRule(oneAtATime);
        job.schedule();
        return job;
    }

    private void set(State newState, String why) {
        state = newState;
        problem = why == null ? "" : why;
        listeners.forEach(Runnable::run);
    }

    /** Stops the server and closes the database now, on the calling thread: the workbench is closing. */
    public synchronized void shutDown() {
        EmbeddedServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
