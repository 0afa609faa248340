package org.manabi.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.manabi.search.internal.Analyzers;

/**
 * Writes the page index: one Lucene document per PDF page, replaced whenever the PDF's content
 * hash changes, so that an unchanged deck is never read again. PDFs are read in parallel, one
 * per thread, each within a time budget; a PDF that cannot be read is skipped with the reason and
 * never stops the run.
 */
public final class PageIndexer implements AutoCloseable {

    /** Field names, shared with {@link PageSearcher}. */
    static final String FILE = "file";
    static final String PAGE = "page";
    static final String DECK = "deck";
    static final String SEMINAR = "seminar";
    static final String COMMITTEE = "committee";
    static final String FISCAL_YEAR = "fiscalYear";
    static final String HASH = "hash";
    static final String TITLE = "title";

    /** The dimensions results can be counted and narrowed by. */
    static final FacetsConfig FACETS = new FacetsConfig();

    /** How long one PDF may take to read and index before it is skipped. */
    private static final long BUDGET_SECONDS_PER_PDF = 60;

    private static final FieldType TEXT_WITH_OFFSETS = textType(true);
    private static final FieldType TEXT_NOT_STORED = textType(false);

    /** Called as each PDF is done, from the indexing threads. */
    @FunctionalInterface
    public interface Progress {
        void pdfDone(int done, int total, int pagesSoFar, Path file);
    }

    private final IndexWriter writer;
    private final PdfTextExtractor extractor;
    private final long budgetSeconds;

    private PageIndexer(IndexWriter writer, PdfTextExtractor extractor, long budgetSeconds) {
        this.writer = writer;
        this.extractor = extractor;
        this.budgetSeconds = budgetSeconds;
    }

    /** Opens (or creates) the index in {@code folder}; one indexer at a time may hold it. */
    public static PageIndexer open(Path folder) throws IOException {
        Files.createDirectories(folder);
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.indexing());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        return new PageIndexer(new IndexWriter(FSDirectory.open(folder), config), new PdfTextExtractor(),
                BUDGET_SECONDS_PER_PDF);
    }

    /**
     * Brings the index up to date with {@code sources}.
     *
     * @param removeOthers whether PDFs in the index but not among the sources leave it (true when the
     *        sources are a whole content folder)
     */
    public IndexSummary index(List<PdfSource> sources, boolean removeOthers, Progress progress) throws IOException {
        long started = System.nanoTime();
        Map<String, String> indexedHashes = indexedHashes();
        List<PdfSource> changed = new ArrayList<>();
        Map<PdfSource, String> hashes = new HashMap<>();
        Set<String> wanted = new LinkedHashSet<>();
        List<String> skipped = new ArrayList<>();
        int unreadable = 0;
        for (PdfSource source : sources) {
            String key = source.file().toString();
            if (!wanted.add(key)) {
                continue;
            }
            try {
                String hash = hash(source.file());
                hashes.put(source, hash);
                if (!hash.equals(indexedHashes.get(key))) {
                    changed.add(source);
                }
            } catch (IOException e) {
                skipped.add(key + ": " + e.getMessage());
                unreadable++;
            }
        }
        int unchanged = wanted.size() - changed.size() - unreadable;
        int removed = 0;
        if (removeOthers) {
            for (String file : indexedHashes.keySet()) {
                if (!wanted.contains(file)) {
                    writer.deleteDocuments(new Term(FILE, file));
                    removed++;
                }
            }
        }
        AtomicInteger pages = new AtomicInteger();
        int indexed = 0;
        AtomicInteger done = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                runnable -> {
                    Thread thread = new Thread(runnable, "manabi-index");
                    thread.setDaemon(true); // a PDF that overruns its budget must not keep the JVM alive
                    return thread;
                });
        try {
            // each thread reads a PDF and adds its pages: IndexWriter is thread-safe, and the analysis of
            // the pages is as costly as reading them, so both run on every core
            List<Future<Integer>> extractions = new ArrayList<>();
            for (PdfSource source : changed) {
                extractions.add(threads.submit(() -> {
                    List<PageText> pageTexts = extractor.extract(source.file());
                    if (Thread.currentThread().isInterrupted()) {
                        return 0; // over its budget and already reported as skipped: it must not appear late
                    }
                    writer.updateDocuments(new Term(FILE, source.file().toString()),
                            documents(source, hashes.get(source), pageTexts));
                    return pageTexts.size();
                }));
            }
            for (int i = 0; i < changed.size(); i++) {
                PdfSource source = changed.get(i);
                try {
                    pages.addAndGet(extractions.get(i).get(budgetSeconds, TimeUnit.SECONDS));
                    indexed++;
                } catch (TimeoutException e) {
                    extractions.get(i).cancel(true);
                    skipped.add(source.file() + ": not read within " + budgetSeconds + " s");
                } catch (ExecutionException e) {
                    skipped.add(e.getCause() instanceof PdfUnreadableException reason ? reason.getMessage()
                            : source.file() + ": " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("indexing was interrupted", e);
                }
                progress.pdfDone(done.incrementAndGet(), changed.size(), pages.get(), source.file());
            }
        } finally {
            threads.shutdownNow();
        }
        writer.commit();
        return new IndexSummary(indexed, unchanged, removed, pages.get(), List.copyOf(skipped),
                (System.nanoTime() - started) / 1e9);
    }

    private static List<Document> documents(PdfSource source, String hash, List<PageText> pageTexts)
            throws IOException {
        List<Document> documents = new ArrayList<>(pageTexts.size());
        for (PageText pageText : pageTexts) {
            String text = Analyzers.normalise(pageText.text());
            Document document = new Document();
            document.add(new StringField(FILE, source.file().toString(), Field.Store.YES));
            document.add(new IntField(PAGE, pageText.page(), Field.Store.YES));
            document.add(new StringField(HASH, hash, Field.Store.YES));
            if (source.deck() != null) {
                document.add(new StringField(DECK, source.deck(), Field.Store.YES));
            }
            if (source.seminar() != null) {
                document.add(new StringField(SEMINAR, source.seminar(), Field.Store.YES));
                document.add(new SortedSetDocValuesFacetField(SEMINAR, source.seminar()));
            }
            if (source.committee() != null) {
                document.add(new StringField(COMMITTEE, source.committee(), Field.Store.YES));
                document.add(new SortedSetDocValuesFacetField(COMMITTEE, source.committee()));
            }
            if (source.fiscalYear() != null) {
                document.add(new IntField(FISCAL_YEAR, source.fiscalYear(), Field.Store.YES));
                document.add(new SortedSetDocValuesFacetField(FISCAL_YEAR, source.fiscalYear().toString()));
            }
            String firstLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
            document.add(new StoredField(TITLE, firstLine));
            document.add(new Field(Analyzers.JAPANESE, text, TEXT_WITH_OFFSETS));
            document.add(new Field(Analyzers.ENGLISH, text, TEXT_NOT_STORED));
            documents.add(FACETS.build(document));
        }
        return documents;
    }

    /** The content hash last indexed for each file: one stored value per distinct file term. */
    private Map<String, String> indexedHashes() throws IOException {
        Map<String, String> hashes = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms files = leaf.reader().terms(FILE);
                if (files == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                TermsEnum terms = files.iterator();
                PostingsEnum postings = null;
                for (BytesRef file = terms.next(); file != null; file = terms.next()) {
                    postings = terms.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            hashes.putIfAbsent(file.utf8ToString(), stored.document(doc, Set.of(HASH)).get(HASH));
                            break;
                        }
                    }
                }
            }
        }
        return hashes;
    }

    private static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        // offsets in the postings let the UnifiedHighlighter mark matches without re-analysing
        type.setIndexOptions(stored ? IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS
                : IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.freeze();
        return type;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
