package org.manabi.ui.internal;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.manabi.content.ContentException;
import org.manabi.content.ContentRepository;
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

    @Override
    public String getInitialWindowPerspectiveId() {
        return SeminarsPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new ManabiWindowAdvisor(configurer);
    }
}
