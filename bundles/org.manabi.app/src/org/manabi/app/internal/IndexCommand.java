package org.manabi.app.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.manabi.content.ContentException;
import org.manabi.content.ContentRepository;
import org.manabi.search.IndexSummary;
import org.manabi.search.PageIndexer;
import org.manabi.search.PdfSource;
import org.manabi.server.SlideDecks;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code manabi index}: brings the page index up to date with the slide decks of a content folder
 * (decks that left it leave the index), or adds the PDFs and folders of PDFs named on the command
 * line. Progress goes to stderr, the summary to stdout.
 */
@Command(mixinStandardHelpOptions = true)
final class IndexCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", descriptionKey = "option.content")
    private Path content;

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "option.data")
    private Path data;

    @Parameters(paramLabel = "PDF", arity = "0..*", descriptionKey = "option.pdfs")
    private List<Path> pdfs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<PdfSource> sources;
        boolean wholeContent = pdfs.isEmpty();
        try {
            sources = wholeContent ? contentDecks(content == null ? Path.of("content") : content) : namedPdfs();
        } catch (ContentException | UncheckedIOException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
        long started = System.nanoTime();
        IndexSummary summary;
        try (PageIndexer indexer = PageIndexer.open(DataFolder.index(data))) {
            summary = indexer.index(sources, wholeContent, (done, total, pages, file) -> {
                double seconds = (System.nanoTime() - started) / 1e9;
                double rate = pages / Math.max(seconds, 1e-3);
                double eta = done == 0 ? 0 : seconds / done * (total - done);
                err.println(MessageFormat.format(spec.resourceBundle().getString("index.progress"), done, total,
                        pages, String.format("%.0f", rate), String.format("%.0f", eta), file));
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(MessageFormat.format(spec.resourceBundle().getString("index.summary"), summary.indexed(),
                summary.unchanged(), summary.removed(), summary.pages(), summary.skipped().size(),
                String.format("%.1f", summary.seconds())));
        summary.skipped().forEach(line -> out.println(
                MessageFormat.format(spec.resourceBundle().getString("index.skipped"), line)));
        return 0;
    }

    /** Every slide deck of the content model, with what the model knows about it. */
    private static List<PdfSource> contentDecks(Path folder) throws ContentException {
        return SlideDecks.of(ContentRepository.open(folder), folder);
    }

    private List<PdfSource> namedPdfs() {
        List<PdfSource> sources = new ArrayList<>();
        for (Path path : pdfs) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf"))
                            .filter(Files::isRegularFile).sorted().map(PdfSource::of).forEach(sources::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                // a missing file is reported by the indexer as skipped, with its name
                sources.add(PdfSource.of(path.normalize()));
            }
        }
        return sources;
    }
}
