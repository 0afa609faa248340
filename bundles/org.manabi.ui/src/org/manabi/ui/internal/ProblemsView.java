package org.manabi.ui.internal;

import java.util.List;

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
 * the repository itself. Validation runs on the UI thread, a moment after the last change, because
 * the model it reads is the one the editors change there, and EMF models are not thread-safe; it
 * takes milliseconds for a committee's curricula.
 */
public final class ProblemsView extends ViewPart {

    public static final String ID = "org.manabi.ui.problems";

    /** How long after a change validation waits for the next one, so typing does not validate per key. */
    private static final int SETTLE_MILLIS = 250;

    private ContentRepository repository;
    private TableViewer viewer;
    private Label summary;
    private boolean validationPending;

    private final Runnable validation = () -> {
        validationPending = false;
        validate();
    };

    private final ModelWatcher modelWatcher = new ModelWatcher(this::scheduleValidation);

    private final ContentListener saveWatcher = file -> scheduleValidation();

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL);
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
        repository.resourceSet().eAdapters().add(modelWatcher);
        repository.addListener(saveWatcher);
        validate();
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

    private void scheduleValidation() {
        if (!validationPending && !viewer.getControl().isDisposed()) {
            validationPending = true;
            viewer.getControl().getDisplay().timerExec(SETTLE_MILLIS, validation);
        }
    }

    /** Validates the whole repository now and shows the result. */
    public void validate() {
        if (repository == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<ContentProblem> problems = repository.validate();
        viewer.setInput(problems);
        long errors = problems.stream().filter(p -> p.severity() == ContentProblem.Severity.ERROR).count();
        summary.setText(NLS.bind(Messages.Problems_summary, errors, problems.size() - errors));
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
            repository.resourceSet().eAdapters().remove(modelWatcher);
            repository.removeListener(saveWatcher);
        }
        super.dispose();
    }
}
