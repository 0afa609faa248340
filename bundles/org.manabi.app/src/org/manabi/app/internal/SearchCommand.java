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
            searcher.search(texts.get(i), limit);
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
                for (SearchHit hit : searcher.search(text, limit)) {
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
