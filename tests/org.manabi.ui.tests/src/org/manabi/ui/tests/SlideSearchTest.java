package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.manabi.search.SearchHit;
import org.manabi.ui.internal.search.IndexJob;
import org.manabi.ui.internal.search.PageViewer;
import org.manabi.ui.internal.search.SearchIndex;
import org.manabi.ui.internal.search.SlideSearchView;

/** Slide search over the content's decks, indexed from the view into the test's data folder. */
class SlideSearchTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @Test
    void aJapaneseWordFindsItsSlideWhichOpensInThePageViewer() throws Exception {
        // from nothing, so that the decks are really read (the index of an earlier run would be up to date)
        deleteRecursively(PlatformUI.getWorkbench().getService(SearchIndex.class).folder());
        SlideSearchView view = (SlideSearchView) page.showView(SlideSearchView.ID);
        IndexJob indexing = view.index();
        Widgets.waitUntil("indexing the decks", 180, () -> indexing.getResult() != null);
        assertTrue(indexing.getResult().isOK(), indexing.getResult().toString());
        assertTrue(indexing.summary().pages() > 100, "pages indexed: " + indexing.summary().pages());

        view.search("転送構文");
        Widgets.waitUntil("hits", 60, () -> hits(view) != null && !hits(view).isEmpty()
                && Job.getJobManager().find(SlideSearchView.FAMILY).length == 0);
        SearchHit first = hits(view).get(0);
        assertTrue(first.file().endsWith("dicom-beginner-basics.pdf") || first.snippet().contains("転送"),
                first.toString());
        assertTrue(first.snippet().contains("«"), "matches are marked: " + first.snippet());
        Table table = view.hits().getTable();
        assertNotNull(table.getItem(0).getImage(0), "a picture of the page");
        assertFalse(table.getItem(0).getText(1).contains("«"), "the marks become bold text");
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "slide-search");

        table.setSelection(0);
        Event select = new Event();
        select.item = table.getItem(0);
        table.notifyListeners(SWT.Selection, select);
        table.notifyListeners(SWT.DefaultSelection, select);
        Widgets.flush();
        PageViewer viewer = (PageViewer) page.getActiveEditor();
        assertEquals(first.page(), viewer.page().page());
        Widgets.waitUntil("the page rendered", 60, () -> viewer.image() != null);
        int width = viewer.image().getBounds().width;

        viewer.turn(+1);
        Widgets.waitUntil("the next page rendered", 60,
                () -> viewer.page().page() == first.page() + 1 && viewer.image() != null
                        && Job.getJobManager().find(PageViewer.FAMILY).length == 0);
        viewer.zoom(+1);
        Widgets.waitUntil("zoomed", 60, () -> Job.getJobManager().find(PageViewer.FAMILY).length == 0
                && viewer.image().getBounds().width > width);
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "page-viewer");
        page.closeAllEditors(false);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<SearchHit> hits(SlideSearchView view) {
        return (List<SearchHit>) view.hits().getInput();
    }
}
