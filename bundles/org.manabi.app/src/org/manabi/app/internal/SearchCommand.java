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

    @Parameters(paramLabel = "QUERY", arity = "0..*", descriptionKey = "option.query")
    private List<String> words = new ArrayList<>();

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
        } catch (IOException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
        out.flush();
        return 0;
    }
}
