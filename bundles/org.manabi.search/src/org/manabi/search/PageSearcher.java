package org.manabi.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.manabi.search.internal.Analyzers;

/**
 * Finds the slide pages that answer a query, with the matching words marked « ». Queries are
 * forgiving: Lucene's syntax works ("phrase", AND, OR, -word), and a query that is not valid
 * syntax is searched as plain words instead of failing. Every word must occur on a page (in
 * Japanese or English analysis); acronyms also find their long forms.
 * <p>
 * Thread-safe. {@link #refresh()} makes pages indexed since (by any process) searchable.
 */
public final class PageSearcher implements AutoCloseable {

    private static final int SNIPPET_CHARACTERS = 160;

    private final SearcherManager searchers;
    private final Analyzer queryAnalyzer = Analyzers.querying();
    private final Analyzer indexAnalyzer = Analyzers.indexing();

    private PageSearcher(SearcherManager searchers) {
        this.searchers = searchers;
    }

    /**
     * @throws IOException if there is no index in {@code folder} yet (run the indexer first) or it
     *         cannot be read
     */
    public static PageSearcher open(Path folder) throws IOException {
        if (!Files.isDirectory(folder) || !DirectoryReader.indexExists(FSDirectory.open(folder))) {
            throw new IOException("There is no search index in " + folder + " yet; run 'manabi index' first.");
        }
        return new PageSearcher(new SearcherManager(FSDirectory.open(folder), null));
    }

    /** Picks up what was indexed since the last refresh; cheap when nothing changed. */
    public void refresh() throws IOException {
        searchers.maybeRefresh();
    }

    /** Facet dimension: the seminar's title. */
    public static final String SEMINAR = PageIndexer.SEMINAR;
    /** Facet dimension: the name of the committee or body hosting the seminar. */
    public static final String COMMITTEE = PageIndexer.COMMITTEE;
    /** Facet dimension: the fiscal year, as digits ("2026"). */
    public static final String FISCAL_YEAR = PageIndexer.FISCAL_YEAR;

    /** The dimensions of {@link #facets} and of the filters of {@link #search(String, int, Map)}. */
    public static final List<String> FACET_DIMENSIONS = List.of(SEMINAR, COMMITTEE, FISCAL_YEAR);

    /** The best pages for {@code text}, at most {@code limit}. */
    public List<SearchHit> search(String text, int limit) throws IOException {
        return search(text, limit, Map.of());
    }

    /**
     * The best pages for {@code text} among those whose facets have the given values
     * ({@code "committee" -> "DICOM委員会"}, {@code "fiscalYear" -> "2026"}, …).
     */
    public List<SearchHit> search(String text, int limit, Map<String, String> filters) throws IOException {
        Query query = narrow(parse(Analyzers.normalise(text)), filters);
        if (query == null) {
            return List.of();
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(query, Math.max(1, limit));
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                    .withFormatter(new DefaultPassageFormatter("«", "»", "…", false))
                    .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.JAPANESE))
                    .withMaxLength(20_000)
                    .build();
            String[] snippets = highlighter.highlight(Analyzers.JAPANESE, query, top, 1);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                Document document = searcher.storedFields().document(scoreDoc.doc, Set.of(PageIndexer.FILE,
                        PageIndexer.PAGE, PageIndexer.DECK, PageIndexer.SEMINAR, Analyzers.JAPANESE));
                String snippet = snippets[i] != null ? snippets[i] : document.get(Analyzers.JAPANESE);
                hits.add(new SearchHit(document.get(PageIndexer.FILE),
                        document.getField(PageIndexer.PAGE).numericValue().intValue(), scoreDoc.score,
                        document.get(PageIndexer.DECK), document.get(PageIndexer.SEMINAR), shorten(snippet)));
            }
            return hits;
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * How many matching pages each seminar, committee and fiscal year has: for a results page's
     * facet lists. Dimensions without any value are left out.
     */
    public Map<String, Map<String, Integer>> facets(String text, Map<String, String> filters) throws IOException {
        Query query = narrow(parse(Analyzers.normalise(text)), filters);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        if (query == null) {
            return counts;
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            FacetsCollector collected = searcher.search(query, new FacetsCollectorManager());
            SortedSetDocValuesReaderState state;
            try {
                state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), PageIndexer.FACETS);
            } catch (IllegalArgumentException noFacetsIndexedYet) {
                return counts;
            }
            Facets facets = new SortedSetDocValuesFacetCounts(state, collected);
            for (String dimension : FACET_DIMENSIONS) {
                FacetResult result;
                try {
                    result = facets.getTopChildren(100, dimension);
                } catch (IllegalArgumentException notIndexed) {
                    continue;
                }
                if (result != null) {
                    Map<String, Integer> values = new LinkedHashMap<>();
                    for (LabelAndValue label : result.labelValues) {
                        values.put(label.label, label.value.intValue());
                    }
                    counts.put(dimension, values);
                }
            }
            return counts;
        } finally {
            searchers.release(searcher);
        }
    }

    private static Query narrow(Query query, Map<String, String> filters) {
        if (query == null || filters.isEmpty()) {
            return query;
        }
        DrillDownQuery narrowed = new DrillDownQuery(PageIndexer.FACETS, query);
        filters.forEach((dimension, value) -> narrowed.add(dimension, value));
        return narrowed;
    }

    private Query parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                new String[] { Analyzers.JAPANESE, Analyzers.ENGLISH }, queryAnalyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(true);
        // a Japanese word that Kuromoji splits must still match as a sequence, not as scattered parts
        parser.setAutoGeneratePhraseQueries(true);
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        try {
            return parser.parse(text);
        } catch (ParseException | RuntimeException e) {
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException | RuntimeException again) {
                return null;
            }
        }
    }

    /** One line, about {@value #SNIPPET_CHARACTERS} characters, around the first match. */
    private static String shorten(String snippet) {
        String line = snippet.replaceAll("\\s+", " ").strip();
        if (line.length() <= SNIPPET_CHARACTERS) {
            return line;
        }
        int mark = Math.max(0, line.indexOf('«'));
        int start = Math.max(0, Math.min(mark - SNIPPET_CHARACTERS / 3, line.length() - SNIPPET_CHARACTERS));
        String cut = line.substring(start, Math.min(line.length(), start + SNIPPET_CHARACTERS));
        // never leave a marker open
        if (cut.lastIndexOf('«') > cut.lastIndexOf('»')) {
            cut = cut + "»";
        }
        return (start > 0 ? "…" : "") + cut + (start + SNIPPET_CHARACTERS < line.length() ? "…" : "");
    }

    @Override
    public void close() throws IOException {
        searchers.close();
    }
}
