package org.manabi.app.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.manabi.search.PageSearcher;
import org.manabi.search.SearchHit;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code manabi search}: the best slide pages for a query, or for each line of a queries file.
 * With {@code --json}, one object per hit and line, as DESIGN.md specifies.
 */
@Command(mixinStandardHelpOptions = true)
final class SearchCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "option.data")
    private Path data;

    @Option(names = "--limit", paramLabel = "N", descriptionKey = "option.limit")
    private int limit = 10;

    @Option(names = "--json", descriptionKey = "option.json")
    private boolean json;

    @Option(names = "--queries", paramLabel = "FILE", descriptionKey = "option.queries")
    private Path queries;

    @Option(names = "--stats", descriptionKey = "option.stats")
    private boolean stats;

    @Option(names = "--seminar", paramLabel = "TITLE", descriptionKey = "option.seminar")
    private String seminar;

    @Option(names = "--committee", paramLabel = "NAME", descriptionKey = "option.committee")
    private String committee;

    @Option(names = "--year", paramLabel = "YYYY", descriptionKey = "option.search.year")
    private Integer fiscalYear;

    @Option(names = "--facets", descriptionKey = "option.facets")
    private boolean facets;

    @Parameters(paramLabel = "QUERY", arity = "0..*", descriptionKey = "option.query")
    private List<String> words = new ArrayList<>();

    /**
     * Times each query again, now that the first pass warmed the JVM and the caches, including the
     * highlighting: "N queries, p50 … ms, p99 … ms".
     */
    private String latencies(PageSearcher searcher, List<String> texts) throws IOException {
        long[] nanos = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            long started = System.nanoTime();
            searcher.search(texts.get(i), limit, filters());
            nanos[i] = System.nanoTime() - started;
        }
        java.util.Arrays.sort(nanos);
        return java.text.MessageFormat.format(spec.resourceBundle().getString("search.stats"), texts.size(),
                String.format(java.util.Locale.ROOT, "%.2f", percentile(nanos, 0.50) / 1e6),
                String.format(java.util.Locale.ROOT, "%.2f", percentile(nanos, 0.99) / 1e6));
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    /** The facet values the pages must have, by facet dimension. */
    private Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (seminar != null) {
            filters.put(PageSearcher.SEMINAR, seminar);
        }
        if (committee != null) {
            filters.put(PageSearcher.COMMITTEE, committee);
        }
        if (fiscalYear != null) {
            filters.put(PageSearcher.FISCAL_YEAR, fiscalYear.toString());
        }
        return filters;
    }

    /**
     * The matching pages counted by seminar, committee and fiscal year: one JSON object
     * {@code {"facets": {dimension: {value: pages}}}} after the hits in --json mode (a line without
     * "file", so it is never taken for a hit), else a line per dimension.
     */
    private void printFacets(PrintWriter out, String text, Map<String, Map<String, Integer>> counts)
            throws IOException {
        if (json) {
            Map<String, Object> line = new LinkedHashMap<>();
            if (queries != null) {
                line.put("query", text);
            }
            line.put("facets", counts);
            out.println(JSON.writeValueAsString(line));
            return;
        }
        counts.forEach((dimension, values) -> {
            List<String> labelled = values.entrySet().stream().map(v -> v.getKey() + " (" + v.getValue() + ")").toList();
            out.println(spec.resourceBundle().getString("search.facet." + dimension) + ": " + String.join(", ", labelled));
        });
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (words.isEmpty() == (queries == null) || limit < 1) {
            err.println(spec.qualifiedName() + ": " + spec.resourceBundle().getString("search.usage"));
            return 2;
        }
        List<String> texts;
        try {
            texts = queries == null ? List.of(String.join(" ", words))
                    : Files.readAllLines(queries, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            err.println(spec.qualifiedName() + ": " + queries + ": " + e.getMessage());
            return 1;
        }
        try (PageSearcher searcher = PageSearcher.open(DataFolder.index(data))) {
            for (String text : texts) {
                for (SearchHit hit : searcher.search(text, limit, filters())) {
                    if (json) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        if (queries != null) {
                            line.put("query", text);
                        }
                        line.put("file", hit.file());
                        line.put("page", hit.page());
                        line.put("score", hit.score());
                        line.put("deck", hit.deck());
                        line.put("snippet", hit.snippet());
                        out.println(JSON.writeValueAsString(line));
                    } else {
                        out.println(hit.file() + " p." + hit.page() + "  " + String.format("%.2f", hit.score())
                                + (hit.seminar() == null ? "" : "  " + hit.seminar()));
                        out.println("    " + hit.snippet());
                    }
                }
                if (facets) {
                    printFacets(out, text, searcher.facets(text, filters()));
                }
            }
            if (stats) {
                err.println(latencies(searcher, texts));
            }
        } catch (IOException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
        out.flush();
        return 0;
    }
}
