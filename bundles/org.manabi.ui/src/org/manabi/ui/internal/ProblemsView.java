package org.manabi.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.manabi.content.ContentListener;
import org.manabi.content.ContentProblem;
import org.manabi.content.ContentRepository;
import org.manabi.ui.internal.editor.SeminarEditor;

/**
 * The content repository's diagnostics, as {@code manabi validate} reports them, kept current while
 * the user edits; double-click goes to the element and field.
 * <p>
 * The content folder is not an Eclipse workspace (no resources plug-in, no markers): the view asks
 * the repository itself. Validation runs on the UI thread, because the model it reads is the one the
 * editors change there and EMF models are not thread-safe; but never on the way to the first window,
 * and one file at a time: the view opens empty ("validating"), then validates each file in its own
 * turn of the event loop (so the window answers in between), and after an edit only the file that
 * changed, a moment after the last change. Ids used twice across files are checked once per round.
 */
public final class ProblemsView extends ViewPart {

    public static final String ID = "org.manabi.ui.problems";

    /** How long after a change validation waits for the next one, so typing does not validate per key. */
    private static final int SETTLE_MILLIS = 250;

    private ContentRepository repository;
    private TableViewer viewer;
    private Label summary;
    private ModelChanges modelChanges;
    private boolean validationPending;
    /** The problems of each file as last validated. */
    private final Map<Resource, List<ContentProblem>> byFile = new HashMap<>();
    /** Files changed since (or never) validated, in the order they will be. */
    private final Set<Resource> stale = new LinkedHashSet<>();

    private final Runnable validation = this::validateNextFile;

    private final Consumer<Resource> modelWatcher = changed -> scheduleValidation(changed, SETTLE_MILLIS);

    /** The domain rules also read the decks on disk: a save validates its file again. */
    private final ContentListener saveWatcher = file -> repository.resourceSet().getResources().stream()
            .filter(resource -> repository.relativePath(resource).equals(file)).findFirst()
            .ifPresent(resource -> scheduleValidation(resource, SETTLE_MILLIS));

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        // virtual: rows are made as they scroll into sight; content with thousands of problems (a
        // generated timetable outside its sessions) otherwise makes the table the slowest part to show
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL | SWT.VIRTUAL);
        viewer.setUseHashlookup(true);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Problems_description, 520, ContentProblem::message);
        column(Messages.Problems_element, 320, ContentProblem::element);
        column(Messages.Problems_field, 120, ContentProblem::field);
        column(Messages.Problems_file, 220, problem -> problem.file().toString().replace('\\', '/')
                + (problem.line() > 0 ? ":" + problem.line() : ""));
        viewer.addDoubleClickListener(event -> goTo((ContentProblem) ((IStructuredSelection) event.getSelection())
                .getFirstElement()));
        getSite().setSelectionProvider(viewer);

        repository = getSite().getService(ContentRepository.class);
        if (repository == null) {
            summary.setText(Messages.Problems_noContent);
            return;
        }
        modelChanges = getSite().getService(ModelChanges.class);
        modelChanges.subscribe(modelWatcher);
        repository.addListener(saveWatcher);
        viewer.setInput(List.copyOf(repository.loadProblems()));
        summary.setText(Messages.Problems_validating);
        scheduleValidation(null, 0);
    }

    private void column(String title, int width, java.util.function.Function<ContentProblem, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        boolean first = viewer.getTable().getColumnCount() == 1;
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ContentProblem) element);
            }

            @Override
            public Image getImage(Object element) {
                if (!first) {
                    return null;
                }
                return PlatformUI.getWorkbench().getSharedImages().getImage(
                        ((ContentProblem) element).severity() == ContentProblem.Severity.ERROR
                                ? ISharedImages.IMG_OBJS_ERROR_TSK
                                : ISharedImages.IMG_OBJS_WARN_TSK);
            }
        });
    }

    /** @param changed the file to validate again, or null for every file */
    private void scheduleValidation(Resource changed, int delayMillis) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        if (changed == null) {
            stale.addAll(repository.resourceSet().getResources());
        } else {
            stale.add(changed);
        }
        if (!validationPending) {
            validationPending = true;
            viewer.getControl().getDisplay().timerExec(delayMillis, validation);
        }
    }

    /** Validates the next stale file, and comes back for the one after; shows the result when none is left. */
    private void validateNextFile() {
        validationPending = false;
        if (viewer.getControl().isDisposed()) {
            return;
        }
        Iterator<Resource> next = stale.iterator();
        if (next.hasNext()) {
            Resource file = next.next();
            next.remove();
            if (file.getResourceSet() == repository.resourceSet()) {
                byFile.put(file, repository.validate(file));
            } else {
                byFile.remove(file);
            }
        }
        if (!stale.isEmpty()) {
            validationPending = true;
            viewer.getControl().getDisplay().asyncExec(validation);
            return;
        }
        List<ContentProblem> problems = new ArrayList<>(repository.loadProblems());
        for (Resource file : repository.resourceSet().getResources()) {
            problems.addAll(byFile.getOrDefault(file, List.of()));
        }
        problems.addAll(repository.duplicateIds());
        viewer.setInput(problems);
        long errors = problems.stream().filter(p -> p.severity() == ContentProblem.Severity.ERROR).count();
        summary.setText(NLS.bind(Messages.Problems_summary, errors, problems.size() - errors));
        summary.getParent().layout();
    }

    /** Whether what is shown is the validation of the model as it is now (for tests). */
    public boolean isUpToDate() {
        return !validationPending && stale.isEmpty();
    }

    /** The problems shown, for tests that read the real widget's model. */
    public TableViewer viewer() {
        return viewer;
    }

    /**
     * Opens the element of a problem where it is edited: the seminar editor for a seminar and what it
     * holds, the explorer for the rest (a plan, an organisation, the file itself).
     */
    void goTo(ContentProblem problem) {
        if (problem == null || repository == null) {
            return;
        }
        EObject element = element(problem);
        if (element == null) {
            return;
        }
        try {
            SeminarEditor editor = SeminarEditor.open(getSite().getPage(), repository, element);
            if (editor != null) {
                editor.reveal(element, problem.field());
            } else if (getSite().getPage().showView(CurriculumExplorer.ID) instanceof CurriculumExplorer explorer) {
                explorer.viewer().setSelection(new StructuredSelection(element), true);
            }
        } catch (PartInitException e) {
            ErrorDialog.openError(getSite().getShell(), null, null, e.getStatus());
        }
    }

    private EObject element(ContentProblem problem) {
        if (problem.elementFragment().isEmpty()) {
            return null;
        }
        for (Resource resource : repository.resourceSet().getResources()) {
            if (repository.relativePath(resource).equals(problem.file())) {
                return resource.getEObject(problem.elementFragment());
            }
        }
        return null;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (repository != null) {
            modelChanges.unsubscribe(modelWatcher);
            repository.removeListener(saveWatcher);
        }
        super.dispose();
    }
}
