package org.manabi.ui.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.manabi.content.ContentException;
import org.manabi.content.ContentRepository;
import org.manabi.ui.WorkbenchPreferences;
import org.manabi.ui.WorkbenchSettings;
import org.manabi.ui.internal.search.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the content folder once, before the first window, and offers it to every part through the
 * workbench's context, so that views ask for it instead of reaching for a singleton.
 */
public final class ManabiWorkbenchAdvisor extends WorkbenchAdvisor {

    private static final Logger LOG = LoggerFactory.getLogger(ManabiWorkbenchAdvisor.class);

    private final WorkbenchSettings settings;
    /**
     * The content folder, read on a thread of its own while the platform builds the window: on 1,000
     * seminars the two take seconds each, and nothing reads the model before {@link #initialize}.
     */
    private final CompletableFuture<ContentRepository> loadingContent;

    public ManabiWorkbenchAdvisor(WorkbenchSettings settings) {
        this.settings = settings;
        this.loadingContent = CompletableFuture.supplyAsync(() -> {
            try {
                return ContentRepository.open(settings.contentFolder());
            } catch (ContentException e) {
                throw new CompletionException(e);
            }
        }, loading -> new Thread(loading, "Manabi content loading").start());
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
        IEclipseContext context = PlatformUI.getWorkbench().getService(IEclipseContext.class);
        context.set(SearchIndex.class, new SearchIndex(settings.dataFolder()));
        try {
            ContentRepository content = loadingContent.join(); // the model is the UI thread's from here on
            context.set(ContentRepository.class, content);
            context.set(ModelChanges.class, new ModelChanges(content.resourceSet()));
            // when none starts with the workbench, one started from the server view takes the preferences' port
            int port = settings.serverPort() == null ? preferredPort() : settings.serverPort();
            ServerControl server = new ServerControl(content, settings.dataFolder(), settings.databaseUrl(),
                    settings.databasePassword(), port);
            context.set(ServerControl.class, server);
            // a port chosen in the preferences is the server's from its next start, flag or not
            WorkbenchPreferences.node().addPreferenceChangeListener(event -> {
                if (WorkbenchPreferences.SERVER_PORT.equals(event.getKey())) {
                    server.setPort(preferredPort());
                }
            });
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof ContentException unavailable)) {
                throw e;
            }
            LOG.warn("{}", unavailable.getMessage());
            context.set(ContentUnavailable.class, new ContentUnavailable(unavailable.getMessage()));
        }
    }

    private static int preferredPort() {
        return WorkbenchPreferences.node().getInt(WorkbenchPreferences.SERVER_PORT, WorkbenchPreferences.DEFAULT_PORT);
    }

    /**
     * Starts the embedded web server (in a job: opening the database takes a moment) unless the
     * command line said not to; a port in use or a database held by a {@code serve} process is
     * shown in the server view, and the workbench goes on without a server.
     */
    @Override
    public void postStartup() {
        ServerControl server = PlatformUI.getWorkbench().getService(IEclipseContext.class).get(ServerControl.class);
        if (server != null && settings.serverPort() != null) {
            server.start();
        }
    }

    @Override
    public void postShutdown() {
        IEclipseContext context = PlatformUI.getWorkbench().getService(IEclipseContext.class);
        ServerControl server = context.get(ServerControl.class);
        if (server != null) {
            server.shutDown();
        }
        ModelChanges changes = context.get(ModelChanges.class);
        if (changes != null) {
            changes.dispose();
        }
        try {
            context.get(SearchIndex.class).close();
        } catch (java.io.IOException e) {
            LOG.warn("The search index did not close cleanly: {}", e.getMessage());
        }
        super.postShutdown();
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return SeminarsPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new ManabiWindowAdvisor(configurer);
    }
}
