package org.manabi.ui.internal;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.manabi.content.ContentException;
import org.manabi.content.ContentRepository;
import org.manabi.server.WebServerException;
import org.manabi.store.StoreException;
import org.manabi.ui.WorkbenchSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the content folder once, before the first window, and offers it to every part through the
 * workbench's context, so that views ask for it instead of reaching for a singleton.
 */
public final class ManabiWorkbenchAdvisor extends WorkbenchAdvisor {

    private static final Logger LOG = LoggerFactory.getLogger(ManabiWorkbenchAdvisor.class);

    private final WorkbenchSettings settings;

    public ManabiWorkbenchAdvisor(WorkbenchSettings settings) {
        this.settings = settings;
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
        IEclipseContext context = PlatformUI.getWorkbench().getService(IEclipseContext.class);
        try {
            context.set(ContentRepository.class, ContentRepository.open(settings.contentFolder()));
        } catch (ContentException e) {
            LOG.warn("{}", e.getMessage());
            context.set(ContentUnavailable.class, new ContentUnavailable(e.getMessage()));
        }
    }

    /**
     * Starts the embedded web server off the UI thread (opening the database and migrating it takes
     * a moment); a port in use or a database held by a {@code serve} process is logged, and the
     * workbench goes on without a server.
     */
    @Override
    public void postStartup() {
        IEclipseContext context = PlatformUI.getWorkbench().getService(IEclipseContext.class);
        ContentRepository content = context.get(ContentRepository.class);
        if (settings.serverPort() == null || content == null) {
            return;
        }
        Job.create(Messages.EmbeddedServer_starting, monitor -> {
            try {
                EmbeddedServer server = EmbeddedServer.start(content, settings.dataFolder(), settings.serverPort());
                context.set(EmbeddedServer.class, server);
                LOG.info("The web server of the workbench listens on {}", server.server().uri());
            } catch (StoreException | WebServerException e) {
                LOG.warn("The workbench runs without its web server: {}", e.getMessage());
            }
        }).schedule();
    }

    @Override
    public void postShutdown() {
        IEclipseContext context = PlatformUI.getWorkbench().getService(IEclipseContext.class);
        EmbeddedServer server = context.get(EmbeddedServer.class);
        if (server != null) {
            server.close();
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
