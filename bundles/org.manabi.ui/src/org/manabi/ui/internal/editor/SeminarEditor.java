package org.manabi.ui.internal.editor;

import java.io.IOException;
import java.util.EventObject;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.manabi.content.ContentRepository;
import org.eclipse.emf.ecore.EObject;
import org.manabi.model.Material;
import org.manabi.model.Person;
import org.manabi.model.ProgrammeItem;
import org.manabi.model.Seminar;
import org.manabi.model.provider.ManabiItemProviderAdapterFactory;
import org.manabi.ui.internal.Messages;
import org.manabi.ui.internal.ModelChanges;

/**
 * Edits one seminar on six pages: overview, programme, speakers, materials, quiz and survey. Every edit is an EMF
 * command on this editor's command stack (undo, redo, dirty state); saving writes the seminar's
 * content file atomically through the content repository.
 * <p>
 * The model lives in the repository's resource set, shared by the explorer and other editors; so
 * closing a dirty editor without saving undoes its commands, leaving the shared model as the file is.
 */
public final class SeminarEditor extends FormEditor implements IEditingDomainProvider {

    public static final String ID = "org.manabi.ui.seminarEditor";

    private final ComposedAdapterFactory adapterFactory = new ComposedAdapterFactory(new AdapterFactory[] {
            new ManabiItemProviderAdapterFactory(), new ResourceItemProviderAdapterFactory() });
    private AdapterFactoryEditingDomain domain;
    private ContentRepository repository;
    private Seminar seminar;
    private Resource file;
    private boolean refreshPending;

    private final CommandStackListener dirtyTracker = (EventObject event) -> getContainer().getDisplay()
            .asyncExec(() -> {
                if (!getContainer().isDisposed()) {
                    firePropertyChange(PROP_DIRTY);
                }
            });

    /** Any change of the file's model, from this editor or elsewhere, shows on the pages. */
    private final Consumer<Resource> modelWatcher = changed -> {
        if (changed == file) {
            scheduleRefresh();
        }
    };
    private ModelChanges modelChanges;
    private ModelChanges ownModelChanges;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof SeminarEditorInput seminarInput)) {
            throw new PartInitException(NLS.bind(Messages.Editor_wrongInput, input.getName()));
        }
        super.init(site, input);
        repository = seminarInput.repository();
        seminar = seminarInput.seminar();
        domain = new AdapterFactoryEditingDomain(adapterFactory, new BasicCommandStack(), repository.resourceSet());
        domain.getCommandStack().addCommandStackListener(dirtyTracker);
        file = seminar.eResource();
        modelChanges = site.getService(ModelChanges.class);
        if (modelChanges == null || site.getService(ContentRepository.class) != repository) {
            // the workbench's watcher follows the workbench's content folder only; another (a test's copy) gets its own
            ownModelChanges = new ModelChanges(repository.resourceSet());
            modelChanges = ownModelChanges;
        }
        modelChanges.subscribe(modelWatcher);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    @Override
    protected void addPages() {
        try {
            addPage(new OverviewPage(this));
            addPage(new ProgrammePage(this));
            addPage(new SpeakersPage(this));
            addPage(new MaterialsPage(this));
            addPage(new QuizPage(this));
            addPage(new SurveyPage(this));
        } catch (PartInitException e) {
            throw new IllegalStateException(e);
        }
    }

    private void scheduleRefresh() {
        if (refreshPending || getContainer() == null || getContainer().isDisposed()) {
            return;
        }
        refreshPending = true;
        getContainer().getDisplay().asyncExec(() -> {
            refreshPending = false;
            if (!getContainer().isDisposed() && seminar.eResource() == null) {
                // deleted (in the explorer, or by undoing its creation): nothing left to edit
                getSite().getPage().closeEditor(this, false);
            } else if (!getContainer().isDisposed()) {
                for (Object page : pages) {
                    if (page instanceof SeminarPage seminarPage) {
                        seminarPage.refresh();
                    }
                }
            }
        });
    }

    /**
     * Opens (or brings forward) the editor of the seminar that is, or holds, {@code element}.
     *
     * @return the editor, or null when the element belongs to no seminar (a plan, an organisation)
     */
    public static SeminarEditor open(IWorkbenchPage page, ContentRepository repository, EObject element)
            throws PartInitException {
        for (EObject e = element; e != null; e = e.eContainer()) {
            if (e instanceof Seminar seminar) {
                return (SeminarEditor) page.openEditor(new SeminarEditorInput(repository, seminar), ID);
            }
        }
        return null;
    }

    /**
     * Turns to the page where {@code element} (this seminar or something in it, or a person of its
     * file) is edited and puts the cursor on {@code field}.
     */
    public void reveal(EObject element, String field) {
        String page = questionnairePage(element);
        if (page == null) {
            page = switch (element) {
                case ProgrammeItem item -> ProgrammePage.ID;
                case Person person -> SpeakersPage.ID;
                case Material material -> MaterialsPage.ID;
                default -> element.eContainer() instanceof Material ? MaterialsPage.ID : OverviewPage.ID;
            };
        }
        if (setActivePage(page) instanceof SeminarPage seminarPage) {
            seminarPage.reveal(element, field);
        }
    }

    /** The quiz or survey page where {@code element}, part of the one or the other, is edited; null for the rest. */
    private static String questionnairePage(EObject element) {
        for (EObject e = element; e != null; e = e.eContainer()) {
            if (e instanceof org.manabi.model.Quiz) {
                return QuizPage.ID;
            } else if (e instanceof org.manabi.model.Survey) {
                return SurveyPage.ID;
            }
        }
        return null;
    }

    /** The content file the seminar is saved in. */
    public Resource file() {
        return file;
    }

    Seminar seminar() {
        return seminar;
    }

    ContentRepository repository() {
        return repository;
    }

    /**
     * Attaches a PDF as a slide deck of this seminar, as the materials page's Attach PDF button does
     * with the file chosen: copied into the content folder, its pages counted, off the UI thread.
     *
     * @return the job that does it, scheduled
     */
    public org.eclipse.core.runtime.jobs.Job attachPdf(java.nio.file.Path pdf) {
        setActivePage(MaterialsPage.ID);
        return ((MaterialsPage) findPage(MaterialsPage.ID)).attach(pdf);
    }

    @Override
    public EditingDomain getEditingDomain() {
        return domain;
    }

    public CommandStack commandStack() {
        return domain.getCommandStack();
    }

    @Override
    public boolean isDirty() {
        return domain != null && ((BasicCommandStack) domain.getCommandStack()).isSaveNeeded();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        Resource resource = file;
        try {
            repository.save(resource);
            ((BasicCommandStack) domain.getCommandStack()).saveIsDone();
            firePropertyChange(PROP_DIRTY);
        } catch (IOException e) {
            monitor.setCanceled(true);
            MessageDialog.openError(getSite().getShell(), Messages.Editor_saveFailedTitle,
                    NLS.bind(Messages.Editor_saveFailed, repository.relativePath(resource), e.getMessage()));
        }
    }

    @Override
    public void doSaveAs() {
        throw new UnsupportedOperationException("a seminar is saved in its own content file");
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void dispose() {
        if (domain != null) {
            CommandStack stack = domain.getCommandStack();
            stack.removeCommandStackListener(dirtyTracker);
            BasicCommandStack commands = (BasicCommandStack) stack;
            while (commands.isSaveNeeded() && commands.canUndo()) {
                commands.undo();
            }
            while (commands.isSaveNeeded() && commands.canRedo()) { // undone past the last save
                commands.redo();
            }
            modelChanges.unsubscribe(modelWatcher);
            if (ownModelChanges != null) {
                ownModelChanges.dispose();
            }
        }
        super.dispose();
        adapterFactory.dispose();
    }
}
