package org.manabi.ui.internal.search;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IReusableEditor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;
import org.manabi.search.PdfUnreadableException;
import org.manabi.ui.internal.Buttons;
import org.manabi.ui.internal.Jobs;
import org.manabi.ui.internal.Messages;

/**
 * One page of a slide deck, rendered by PDFBox at the zoom chosen, with previous and next page.
 * Rendering runs as a job (a large page at 200 % takes a moment); rendered pages are cached.
 */
public final class PageViewer extends EditorPart implements IReusableEditor {

    public static final String ID = "org.manabi.ui.pageViewer";

    /** Jobs of this family render pages; tests wait for them. */
    public static final Object FAMILY = PageViewer.class;

    private static final int BASE_WIDTH = 800;
    private static final double[] ZOOMS = { 0.5, 0.75, 1, 1.25, 1.5, 2, 3 };

    private SearchIndex index;
    private int zoom = 2; // 100 %
    private Label pageLabel;
    private Label picture;
    private ScrolledComposite scroller;
    private Button previous;
    private Button next;
    private Image image;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof PageInput)) {
            throw new PartInitException(NLS.bind(Messages.Editor_wrongInput, input.getName()));
        }
        setSite(site);
        setInput(input);
        index = site.getService(SearchIndex.class);
    }

    /**
     * Shows {@code page}: in the viewer of its PDF when one is open (turned to the page), else in a new one.
     *
     * @return the viewer
     */
    public static PageViewer open(IWorkbenchPage workbenchPage, PageInput page) throws PartInitException {
        PageViewer viewer = (PageViewer) workbenchPage.openEditor(page, ID);
        if (viewer.page().page() != page.page()) {
            viewer.setInput(page); // the deck was open at another page
        }
        return viewer;
    }

    @Override
    public void setInput(IEditorInput input) {
        super.setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
        if (picture != null) {
            render();
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(5).margins(4, 4).applyTo(parent);
        previous = Buttons.push(parent, Messages.Viewer_previous, () -> turn(-1));
        next = Buttons.push(parent, Messages.Viewer_next, () -> turn(+1));
        Buttons.push(parent, Messages.Viewer_zoomOut, () -> zoom(-1));
        Buttons.push(parent, Messages.Viewer_zoomIn, () -> zoom(+1));
        pageLabel = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(pageLabel);
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(scroller);
        picture = new Label(scroller, SWT.NONE);
        scroller.setContent(picture);
        render();
    }

    /** Goes {@code by} pages forward (or back, negative), within the deck. */
    public void turn(int by) {
        PageInput input = page();
        int to = input.page() + by;
        if (to >= 1 && (input.pageCount() == 0 || to <= input.pageCount())) {
            setInput(input.at(to));
        }
    }

    /** One step of zoom in (positive) or out. */
    public void zoom(int steps) {
        zoom = Math.max(0, Math.min(ZOOMS.length - 1, zoom + steps));
        render();
    }

    public PageInput page() {
        return (PageInput) getEditorInput();
    }

    /** The picture of the page, for tests; null while it renders. */
    public Image image() {
        return image;
    }

    private void render() {
        PageInput input = page();
        int width = (int) Math.round(BASE_WIDTH * ZOOMS[zoom]);
        pageLabel.setText(NLS.bind(Messages.Viewer_page, new Object[] { input.page(),
                input.pageCount() == 0 ? "?" : input.pageCount(), Math.round(ZOOMS[zoom] * 100) }));
        previous.setEnabled(input.page() > 1);
        next.setEnabled(input.pageCount() == 0 || input.page() < input.pageCount());
        Job job = Jobs.of(NLS.bind(Messages.Viewer_rendering, input.page()), FAMILY, monitor -> {
            try {
                Path png = index.page(input.pdf(), input.page(), width);
                picture.getDisplay().asyncExec(() -> show(input, png, null));
            } catch (PdfUnreadableException e) {
                picture.getDisplay().asyncExec(() -> show(input, null, e.getMessage()));
            }
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    private void show(PageInput rendered, Path png, String problem) {
        if (picture.isDisposed() || !rendered.equals(getEditorInput()) || rendered.page() != page().page()) {
            return; // turned on meanwhile
        }
        if (image != null) {
            image.dispose();
            image = null;
        }
        if (png != null) {
            image = new Image(picture.getDisplay(), png.toString());
            picture.setText("");
            picture.setImage(image);
        } else {
            picture.setImage(null);
            picture.setText(problem);
        }
        picture.pack();
    }

    @Override
    public void setFocus() {
        scroller.setFocus();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // nothing to save: a page viewer only shows
    }

    @Override
    public void doSaveAs() {
        // nothing to save
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void dispose() {
        if (image != null) {
            image.dispose();
        }
        super.dispose();
    }
}
