package org.manabi.ui.internal.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.manabi.search.PageSearcher;
import org.manabi.search.PageThumbnails;
import org.manabi.search.PdfUnreadableException;
import org.manabi.search.SearchHit;

/**
 * The workbench's view of the page index under the data folder ({@code <data>/index}, the same one
 * {@code manabi index} writes) and of the page images cached beside it. Opened when first searched,
 * refreshed after indexing; safe to use from jobs (PageSearcher is thread-safe).
 */
public final class SearchIndex implements AutoCloseable {

    private final Path index;
    private final PageThumbnails thumbnails;
    private PageSearcher searcher;

    public SearchIndex(Path dataFolder) {
        this.index = dataFolder.resolve("index");
        this.thumbnails = new PageThumbnails(dataFolder.resolve("thumbnails"));
    }

    public Path folder() {
        return index;
    }

    /** The hits and the facet counts of one query. */
    public record Result(List<SearchHit> hits, Map<String, Map<String, Integer>> facets) {
    }

    /** @throws IOException when there is no index yet, with a message that says to index first */
    public synchronized Result search(String query, int limit, Map<String, String> filters) throws IOException {
        if (searcher == null) {
            searcher = PageSearcher.open(index);
        }
        searcher.refresh();
        return new Result(searcher.search(query, limit, filters), searcher.facets(query, filters));
    }

    /** The page's image, {@code width} pixels wide, rendered by PDFBox on first use and then cached. */
    public Path page(Path pdf, int page, int width) throws PdfUnreadableException {
        return thumbnails.thumbnail(pdf, page, width);
    }

    @Override
    public synchronized void close() throws IOException {
        if (searcher != null) {
            searcher.close();
            searcher = null;
        }
    }
}
