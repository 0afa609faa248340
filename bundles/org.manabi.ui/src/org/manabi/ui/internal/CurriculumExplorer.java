package org.manabi.ui.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.emf.edit.command.DragAndDropCommand;
import org.eclipse.emf.edit.command.DragAndDropFeedback;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.ViewerDropAdapter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.dnd.TransferData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.ViewPart;
import org.manabi.content.ContentRepository;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.ManabiFactory;
import org.manabi.model.ManabiPackage.Literals;
import org.manabi.model.ProgrammeItem;
import org.manabi.model.Question;
import org.manabi.model.Seminar;
import org.manabi.model.SeminarStatus;
import org.manabi.model.provider.ManabiItemProviderAdapterFactory;
import org.manabi.ui.internal.ExplorerNodes.Committee;
import org.manabi.ui.internal.ExplorerNodes.FiscalYear;
import org.manabi.ui.internal.editor.CommandStackActions;
import org.manabi.ui.internal.editor.SeminarEditor;

/**
 * The seminars of every curriculum in the content folder by fiscal year and hosting committee, then
 * each seminar's programme, materials, quiz and survey; labels and icons from the model's EMF.Edit
 * item providers. A filter box narrows the tree; new seminar, next year's run and delete work on the
 * selection; programme items and questions move by drag and drop.
 */
public final class CurriculumExplorer extends ViewPart {

    public static final String ID = "org.manabi.ui.explorer";

    /** How long the tree waits after a change before refreshing, so a burst of changes refreshes once. */
    private static final int SETTLE_MILLIS = 100;

    private final ComposedAdapterFactory adapterFactory = new ComposedAdapterFactory(new AdapterFactory[] {
            new ManabiItemProviderAdapterFactory(), new ResourceItemProviderAdapterFactory() });
    private ContentRepository repository;
    private ExplorerEdits edits;
    private CommandStackActions undoRedo;
    private TreeViewer viewer;
    private Text filterText;
    private ExplorerFilter filter;
    private Label status;
    private ExplorerNodes nodes;
    private ModelChanges modelChanges;
    private boolean refreshPending;

    private final Consumer<Resource> modelWatcher = changed -> {
        nodes.invalidate(); // at once: an edit may reveal what it made before the refresh below
        scheduleRefresh();
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        filterText = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filterText.setMessage(Messages.Explorer_filter);
        filterText.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setUseHashlookup(true);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ExplorerLabelProvider labels = new ExplorerLabelProvider(adapterFactory);
        viewer.setLabelProvider(labels);
        getSite().setSelectionProvider(viewer);

        repository = getSite().getService(ContentRepository.class);
        if (repository == null) {
            ContentUnavailable unavailable = getSite().getService(ContentUnavailable.class);
            showStatus(NLS.bind(Messages.Explorer_noContent, unavailable == null ? "" : unavailable.reason()));
            filterText.setEnabled(false);
            return;
        }
        nodes = new ExplorerNodes(repository);
        ExplorerContentProvider content = new ExplorerContentProvider(nodes, adapterFactory);
        viewer.setContentProvider(content);
        filter = new ExplorerFilter(content, labels);
        viewer.setFilters(filter);
        int problems = repository.loadProblems().size();
        showStatus(problems == 0 ? "" : NLS.bind(Messages.Explorer_problems, problems));
        viewer.setInput(repository);
        viewer.expandToLevel(2);
        filterText.addModifyListener(event -> filterText.getDisplay().timerExec(SETTLE_MILLIS, this::applyFilter));

        edits = new ExplorerEdits(repository, adapterFactory);
        undoRedo = new CommandStackActions(getViewSite().getActionBars());
        undoRedo.setStack(edits.domain().getCommandStack());
        modelChanges = getSite().getService(ModelChanges.class);
        modelChanges.subscribe(modelWatcher);
        viewer.addDoubleClickListener(event -> open(((IStructuredSelection) event.getSelection()).getFirstElement()));
        createActions();
        addDragAndDrop();
    }

    private void applyFilter() {
        if (!viewer.getControl().isDisposed() && filter.setText(filterText.getText(), viewer.getInput())) {
            viewer.getControl().setRedraw(false);
            try {
                viewer.refresh();
                if (filter.isActive()) {
                    // down to every match, not below it: a word in most seminars' titles would
                    // otherwise build a tree item for each of their programme items
                    viewer.setExpandedElements(filter.holders());
                }
            } finally {
                viewer.getControl().setRedraw(true);
            }
        }
    }

    private void scheduleRefresh() {
        if (refreshPending || viewer.getControl().isDisposed()) {
            return;
        }
        refreshPending = true;
        viewer.getControl().getDisplay().timerExec(SETTLE_MILLIS, () -> {
            refreshPending = false;
            if (!viewer.getControl().isDisposed()) {
                filter.refilter(viewer.getInput());
                viewer.refresh();
            }
        });
    }

    private void createActions() {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        IAction newSeminar = action(Messages.Explorer_newSeminar, images, ISharedImages.IMG_OBJ_ADD,
                this::newSeminar);
        IAction nextYear = action(Messages.Explorer_nextYear, images, ISharedImages.IMG_TOOL_COPY,
                this::nextYearRun);
        IAction delete = action(Messages.Explorer_delete, images, ISharedImages.IMG_TOOL_DELETE, this::delete);
        getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(newSeminar);
        toolbar.add(nextYear);
        MenuManager menu = new MenuManager();
        menu.add(newSeminar);
        menu.add(nextYear);
        menu.add(new Separator());
        menu.add(delete);
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
    }

    private static IAction action(String text, ISharedImages images, String image, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        action.setImageDescriptor(images.getImageDescriptor(image));
        return action;
    }

    /** A new draft seminar in the plan (and for the committee) of the selection, opened in its editor. */
    public Seminar newSeminar() {
        Seminar sibling = seminarOf(selection().isEmpty() ? null : selection().get(0));
        if (sibling == null) {
            MessageDialog.openInformation(getSite().getShell(), Messages.Explorer_newSeminar,
                    Messages.Explorer_selectFirst);
            return null;
        }
        FiscalYearPlan plan = (FiscalYearPlan) sibling.eContainer();
        Seminar seminar = ManabiFactory.eINSTANCE.createSeminar();
        seminar.setId(new ContentIds(repository.resourceSet()).claim(plan.getId() + "-seminar"));
        seminar.setTitle(Messages.Explorer_newSeminarTitle);
        seminar.setStatus(SeminarStatus.DRAFT);
        seminar.setHost(selection().get(0) instanceof Committee committee ? committee.host() : sibling.getHost());
        Command add = AddCommand.create(edits.domain(), plan, Literals.FISCAL_YEAR_PLAN__SEMINARS, seminar);
        if (edits.run(getSite().getShell(), getSite().getPage(), add, Set.of(plan.eResource()))) {
            reveal(seminar);
            open(seminar);
            return seminar;
        }
        return null;
    }

    /** Next year's run of the selected seminar, in the same file, opened in its editor. */
    public Seminar nextYearRun() {
        Seminar seminar = selection().size() == 1 && selection().get(0) instanceof Seminar s ? s : null;
        if (seminar == null || !(seminar.eContainer() instanceof FiscalYearPlan)) {
            MessageDialog.openInformation(getSite().getShell(), Messages.Explorer_nextYear,
                    Messages.Explorer_selectSeminar);
            return null;
        }
        NextYearRun.Planned next = NextYearRun.of(edits.domain(), seminar);
        if (edits.run(getSite().getShell(), getSite().getPage(), next.command(), Set.of(seminar.eResource()))) {
            reveal(next.seminar());
            open(next.seminar());
            return next.seminar();
        }
        return null;
    }

    /** Deletes the selected model elements after the user confirms, with what refers to them. */
    public void delete() {
        List<EObject> doomed = selection().stream().filter(EObject.class::isInstance).map(EObject.class::cast)
                .toList();
        if (doomed.isEmpty()) {
            return;
        }
        String names = doomed.stream().map(element -> "\u2022 " + viewerLabel(element))
                .collect(Collectors.joining("\n"));
        if (!MessageDialog.openConfirm(getSite().getShell(), Messages.Explorer_deleteTitle,
                NLS.bind(Messages.Explorer_deleteConfirm, names))) {
            return;
        }
        Set<Resource> files = doomed.stream().map(EObject::eResource).collect(Collectors.toSet());
        edits.run(getSite().getShell(), getSite().getPage(), DeleteCommand.create(edits.domain(), doomed), files);
    }

    private String viewerLabel(Object element) {
        return ((ExplorerLabelProvider) viewer.getLabelProvider()).getText(element);
    }

    private void addDragAndDrop() {
        Transfer[] transfers = { LocalSelectionTransfer.getTransfer() };
        viewer.addDragSupport(DND.DROP_MOVE, transfers, new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                List<Object> dragged = selection();
                event.doit = !dragged.isEmpty() && (dragged.stream().allMatch(ProgrammeItem.class::isInstance)
                        || dragged.stream().allMatch(Question.class::isInstance));
                LocalSelectionTransfer.getTransfer().setSelection(new StructuredSelection(dragged));
            }
        });
        viewer.addDropSupport(DND.DROP_MOVE, transfers, new ViewerDropAdapter(viewer) {
            @Override
            public boolean validateDrop(Object target, int operation, TransferData type) {
                return target instanceof EObject && dropCommand(target, getCurrentLocation(), dragged()).canExecute();
            }

            @Override
            public boolean performDrop(Object data) {
                return CurriculumExplorer.this.drop(getCurrentTarget(), getCurrentLocation(), dragged());
            }

            private List<Object> dragged() {
                return ((IStructuredSelection) LocalSelectionTransfer.getTransfer().getSelection()).toList();
            }
        });
    }

    /**
     * Moves programme items or questions to {@code target}: before or after another item
     * ({@link ViewerDropAdapter#LOCATION_BEFORE}, {@code AFTER}), or into a seminar, quiz or survey
     * ({@code LOCATION_ON}). The drop of a drag and drop, also for tests.
     */
    public boolean drop(Object target, int location, List<?> moved) {
        if (!(target instanceof EObject)) {
            return false;
        }
        Set<Resource> files = new HashSet<>();
        files.add(((EObject) target).eResource());
        moved.stream().filter(EObject.class::isInstance).forEach(element -> files.add(((EObject) element).eResource()));
        return edits.run(getSite().getShell(), getSite().getPage(), dropCommand(target, location, moved), files);
    }

    private Command dropCommand(Object target, int location, List<?> moved) {
        float where = switch (location) {
            case ViewerDropAdapter.LOCATION_BEFORE -> 0.1f;
            case ViewerDropAdapter.LOCATION_AFTER -> 0.9f;
            default -> 0.5f;
        };
        return DragAndDropCommand.create(edits.domain(), target, where, DragAndDropFeedback.DROP_MOVE,
                DragAndDropFeedback.DROP_MOVE, new ArrayList<>(moved));
    }

    private List<Object> selection() {
        return viewer.getStructuredSelection().toList();
    }

    /** The seminar the element is, or is in, or the first seminar of a year or committee. */
    private Seminar seminarOf(Object element) {
        if (element instanceof FiscalYear || element instanceof Committee) {
            Object[] below = ((ExplorerContentProvider) viewer.getContentProvider()).getChildren(element);
            return below.length == 0 ? null : seminarOf(below[0]);
        }
        for (Object e = element; e instanceof EObject eObject; e = eObject.eContainer()) {
            if (e instanceof Seminar seminar) {
                return seminar;
            }
        }
        return null;
    }

    private void reveal(Seminar seminar) {
        viewer.refresh();
        viewer.setSelection(new StructuredSelection(seminar), true);
    }

    /** Opens the seminar editor on the seminar that is, or holds, the element. */
    private void open(Object element) {
        if (element instanceof EObject eObject) {
            try {
                SeminarEditor.open(getSite().getPage(), repository, eObject);
            } catch (PartInitException failed) {
                ErrorDialog.openError(getSite().getShell(), null, null, failed.getStatus());
            }
        }
    }

    private void showStatus(String text) {
        status.setText(text);
        ((GridData) status.getLayoutData()).exclude = text.isEmpty();
        status.setVisible(!text.isEmpty());
    }

    /** The tree, for tests that drive the real widget. */
    public TreeViewer viewer() {
        return viewer;
    }

    /** Filters at once, as typing {@code text} does after a moment. */
    public void filterNow(String text) {
        filterText.setText(text);
        applyFilter();
    }

    /** Whether the tree shows only what matches the filter box (it follows typing after a moment). */
    public boolean isFiltering() {
        return filter != null && filter.isActive();
    }

    /** The filter box, for tests that type into it. */
    public Text filterText() {
        return filterText;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (modelChanges != null) {
            modelChanges.unsubscribe(modelWatcher);
        }
        if (undoRedo != null) {
            undoRedo.dispose();
        }
        adapterFactory.dispose();
        super.dispose();
    }
}
