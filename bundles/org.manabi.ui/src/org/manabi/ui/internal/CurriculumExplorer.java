package org.manabi.ui.internal;

import java.util.List;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.ui.PartInitException;
import org.manabi.ui.internal.editor.SeminarEditor;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.manabi.content.ContentRepository;
import org.manabi.model.provider.ManabiItemProviderAdapterFactory;

/**
 * The curricula of the content folder as a tree (plans, seminars, programme, materials), labelled
 * and iconed by the model's EMF.Edit item providers.
 */
public final class CurriculumExplorer extends ViewPart {

    public static final String ID = "org.manabi.ui.explorer";

    private final ComposedAdapterFactory adapterFactory = new ComposedAdapterFactory(new AdapterFactory[] {
            new ManabiItemProviderAdapterFactory(), new ResourceItemProviderAdapterFactory() });
    private TreeViewer viewer;
    private Label status;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setContentProvider(new ItemProviderContentProvider(adapterFactory));
        viewer.setLabelProvider(new ItemProviderLabelProvider(adapterFactory));
        getSite().setSelectionProvider(viewer);

        ContentRepository repository = getSite().getService(ContentRepository.class);
        if (repository == null) {
            ContentUnavailable unavailable = getSite().getService(ContentUnavailable.class);
            showStatus(NLS.bind(Messages.Explorer_noContent, unavailable == null ? "" : unavailable.reason()));
            viewer.setInput(List.of());
        } else {
            int problems = repository.loadProblems().size();
            showStatus(problems == 0 ? "" : NLS.bind(Messages.Explorer_problems, problems));
            viewer.setInput(repository.curricula());
            viewer.expandToLevel(2);
            viewer.addDoubleClickListener(event -> open(repository, ((org.eclipse.jface.viewers.IStructuredSelection) event.getSelection()).getFirstElement()));
        }
    }

    /** Opens the seminar editor on the seminar that is, or holds, the element. */
    private void open(ContentRepository repository, Object element) {
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

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        adapterFactory.dispose();
        super.dispose();
    }
}
