package org.manabi.ui.internal.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StyledCellLabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.ViewerCell;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.manabi.content.ContentRepository;
import org.manabi.search.PageSearcher;
import org.manabi.search.PdfUnreadableException;
import org.manabi.search.SearchHit;
import org.manabi.ui.internal.Jobs;
import org.manabi.ui.internal.Messages;

/**
 * Finds the slide pages that answer a question: a query box, the hits with their page images and
 * the matched words in bold, and the seminar, committee and fiscal year of the hits to narrow them
 * by. Searching and rendering run as jobs; double-click opens the page in the page viewer.
 */
public final class SlideSearchView extends ViewPart {

    public static final String ID = "org.manabi.ui.search";

    /** Jobs of this family search; tests wait for them. */
    public static final Object FAMILY = SlideSearchView.class;

    private static final int THUMBNAIL_WIDTH = 160;
    private static final int LIMIT = 50;

    private SearchIndex index;
    private ContentRepository content;
    private Text query;
    private final Map<String, Combo> facets = new LinkedHashMap<>();
    private final Map<String, String> filters = new HashMap<>();
    private Label status;
    private TableViewer hits;
    private final Map<SearchHit, Image> images = new HashMap<>();
    private Job running;

    @Override
    public void createPartControl(Composite parent) {
        index = getSite().getService(SearchIndex.class);
        content = getSite().getService(ContentRepository.class);
        GridLayoutFactory.fillDefaults().numColumns(4).margins(4, 4).applyTo(parent);
        query = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        query.setMessage(Messages.Search_query);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(query);
        query.addListener(SWT.DefaultSelection, event -> search());
        for (String dimension : PageSearcher.FACET_DIMENSIONS) {
            Combo combo = new Combo(parent, SWT.READ_ONLY);
            combo.setData("facet", dimension);
            combo.add(allOf(dimension));
            combo.select(0);
            combo.addListener(SWT.Selection, event -> {
                String value = (String) combo.getData(Integer.toString(combo.getSelectionIndex()));
                if (value == null) {
                    filters.remove(dimension);
                } else {
                    filters.put(dimension, value);
                }
                search();
            });
            facets.put(dimension, combo);
        }
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).applyTo(status);

        hits = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        hits.getTable().setHeaderVisible(true);
        hits.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(hits.getControl());
        hits.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerColumn page = new TableViewerColumn(hits, SWT.LEFT);
        page.getColumn().setText(Messages.Search_page);
        page.getColumn().setWidth(THUMBNAIL_WIDTH + 64);
        page.setLabelProvider(new StyledCellLabelProvider() {
            @Override
            public void update(ViewerCell cell) {
                SearchHit hit = (SearchHit) cell.getElement();
                cell.setImage(images.get(hit));
                cell.setText(NLS.bind(Messages.Search_pageNumber, hit.page()));
            }
        });
        TableViewerColumn text = new TableViewerColumn(hits, SWT.LEFT);
        text.getColumn().setText(Messages.Search_snippet);
        text.getColumn().setWidth(700);
        text.setLabelProvider(new StyledCellLabelProvider() {
            @Override
            public void update(ViewerCell cell) {
                SearchHit hit = (SearchHit) cell.getElement();
                StyledString styled = new StyledString();
                styled.append((hit.seminar() == null ? Path.of(hit.file()).getFileName().toString() : hit.seminar())
                        + "  ", StyledString.QUALIFIER_STYLER);
                Snippets.append(styled, hit.snippet());
                cell.setText(styled.getString());
                cell.setStyleRanges(styled.getStyleRanges());
                super.update(cell);
            }
        });
        hits.addDoubleClickListener(event -> open((SearchHit) ((IStructuredSelection) event.getSelection())
                .getFirstElement()));
        getSite().setSelectionProvider(hits);

        Action reindex = new Action(Messages.Search_index) {
            @Override
            public void run() {
                index();
            }
        };
        reindex.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        reindex.setEnabled(content != null && index != null);
        getViewSite().getActionBars().getToolBarManager().add(reindex);
    }

    private static String allOf(String dimension) {
        return switch (dimension) {
            case "seminar" -> Messages.Search_allSeminars;
            case "committee" -> Messages.Search_allCommittees;
            default -> Messages.Search_allYears;
        };
    }

    /** Brings the index up to date with the content's decks, as a job; searches again when done. */
    public IndexJob index() {
        IndexJob job = new IndexJob(content, index.folder());
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                query.getDisplay().asyncExec(() -> {
                    if (!query.isDisposed() && job.summary() != null) {
                        status.setText(NLS.bind(Messages.Search_indexed, job.summary().indexed(), job.summary().pages()));
                    }
                });
            }
        });
        job.schedule();
        return job;
    }

    /** Types the query and searches, as Enter in the query box does. */
    public void search(String text) {
        query.setText(text);
        search();
    }

    private void search() {
        String text = query.getText().strip();
        if (text.isEmpty() || index == null) {
            return;
        }
        if (running != null) {
            running.cancel();
        }
        Map<String, String> narrowing = Map.copyOf(filters);
        running = Jobs.of(NLS.bind(Messages.Search_searching, text), FAMILY, monitor -> {
            SearchIndex.Result result;
            try {
                result = index.search(text, LIMIT, narrowing);
            } catch (IOException e) {
                show(e.getMessage(), List.of(), Map.of(), Map.of());
                return Status.OK_STATUS;
            }
            Map<SearchHit, Path> pages = new HashMap<>();
            for (SearchHit hit : result.hits()) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                try {
                    pages.put(hit, index.page(Path.of(hit.file()), hit.page(), THUMBNAIL_WIDTH));
                } catch (PdfUnreadableException e) {
                    // the hit is still worth showing, without its picture
                }
            }
            show(NLS.bind(Messages.Search_hits, result.hits().size()), result.hits(), result.facets(), pages);
            return Status.OK_STATUS;
        });
        running.schedule();
    }

    private void show(String message, List<SearchHit> found, Map<String, Map<String, Integer>> counts,
            Map<SearchHit, Path> pages) {
        query.getDisplay().asyncExec(() -> {
            if (hits.getControl().isDisposed()) {
                return;
            }
            status.setText(message);
            images.values().forEach(Image::dispose);
            images.clear();
            pages.forEach((hit, png) -> images.put(hit, new Image(query.getDisplay(), png.toString())));
            hits.setInput(found);
            counts.forEach(this::showFacet);
        });
    }

    private void showFacet(String dimension, Map<String, Integer> values) {
        Combo combo = facets.get(dimension);
        if (combo == null) {
            return;
        }
        String selected = filters.get(dimension);
        combo.removeAll();
        combo.add(allOf(dimension));
        combo.select(0);
        List<String> keys = new ArrayList<>(values.keySet());
        for (int i = 0; i < keys.size(); i++) {
            combo.add(keys.get(i) + " (" + values.get(keys.get(i)) + ")");
            combo.setData(Integer.toString(i + 1), keys.get(i));
            if (keys.get(i).equals(selected)) {
                combo.select(i + 1);
            }
        }
        combo.getParent().layout();
    }

    private void open(SearchHit hit) {
        if (hit == null) {
            return;
        }
        try {
            PageViewer.open(getSite().getPage(), PageInput.of(hit, content));
        } catch (PartInitException e) {
            org.eclipse.jface.dialogs.ErrorDialog.openError(getSite().getShell(), null, null, e.getStatus());
        }
    }

    /** The hits shown, for tests that drive the real widgets. */
    public TableViewer hits() {
        return hits;
    }

    @Override
    public void setFocus() {
        query.setFocus();
    }

    @Override
    public void dispose() {
        images.values().forEach(Image::dispose);
        super.dispose();
    }
}
