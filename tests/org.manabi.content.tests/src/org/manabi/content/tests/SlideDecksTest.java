package org.manabi.content.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;
import org.manabi.content.ContentRepository;
import org.manabi.model.Question;
import org.manabi.model.Quiz;
import org.manabi.model.Seminar;
import org.manabi.model.SlideCitation;
import org.manabi.model.SlideDeck;

/**
 * The slide decks in content/ are real PDFs whose text a search engine can read, rendered from
 * their sources, and every quiz question cites a page that really teaches its answer.
 */
class SlideDecksTest {

    private static final Path REAL_CONTENT = Path.of(System.getProperty("manabi.repository"), "content");
    private static final Path DECKS = REAL_CONTENT.resolve("decks");

    private final Map<Path, List<String>> pageTexts = new HashMap<>();

    @Test
    void everyDeckSourceHasItsPdfWithOnePagePerBlock() throws IOException {
        List<Path> sources = deckSources();
        for (Path source : sources) {
            Path pdf = source.resolveSibling(source.getFileName().toString().replace(".txt", ".pdf"));
            assertTrue(Files.exists(pdf), "render " + source.getFileName() + " (see releng/org.manabi.deckgen)");
            List<List<String>> blocks = blocks(source);
            List<String> pages = pages(pdf);
            assertEquals(blocks.size(), pages.size(), pdf.getFileName() + " is older than its source; render it again");
            for (int i = 0; i < blocks.size(); i++) {
                String heading = blocks.get(i).stream().filter(l -> l.startsWith("# ")).findFirst().orElse("# ")
                        .substring(2);
                assertTrue(squeeze(pages.get(i)).contains(squeeze(heading)),
                        pdf.getFileName() + " page " + (i + 1) + " should show «" + heading + "»");
            }
        }
    }

    @Test
    void everyDeckOfTheModelMatchesItsPdf() throws Exception {
        ContentRepository repository = ContentRepository.open(REAL_CONTENT);
        for (SlideDeck deck : all(repository, SlideDeck.class)) {
            Path pdf = fileOf(deck);
            assertTrue(Files.exists(pdf), deck.getId() + ": no " + pdf);
            assertEquals(pages(pdf).size(), deck.getPageCount(), deck.getId() + ": pageCount");
        }
    }

    @Test
    void everyCitedPhraseIsOnItsPage() throws Exception {
        ContentRepository repository = ContentRepository.open(REAL_CONTENT);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Question question : all(repository, Question.class)) {
            for (SlideCitation citation : question.getCitations()) {
                if (citation.getPhrase() == null || citation.getPhrase().isBlank()) {
                    continue;
                }
                List<String> pages = pages(fileOf(citation.getDeck()));
                String page = citation.getPage() <= pages.size() ? pages.get(citation.getPage() - 1) : "";
                checked++;
                if (!squeeze(page).contains(squeeze(citation.getPhrase()))) {
                    missing.add(question.getId() + ": «" + citation.getPhrase() + "» not on page " + citation.getPage()
                            + " of " + citation.getDeck().getId());
                }
            }
        }
        assertEquals(List.of(), missing);
        List<Quiz> quizzes = all(repository, Quiz.class);
        assertTrue(checked >= quizzes.stream().mapToInt(q -> q.getQuestions().size()).sum(),
                "every quiz question cites a phrase on a page: " + checked + " citations checked");
    }

    @Test
    void everySeminarWithDecksHasAQuizOfAtLeastEightQuestions() throws Exception {
        ContentRepository repository = ContentRepository.open(REAL_CONTENT);
        for (Seminar seminar : all(repository, Seminar.class)) {
            boolean teaches = seminar.getMaterials().stream().anyMatch(SlideDeck.class::isInstance);
            if (teaches && seminar.getQuiz() != null) {
                assertTrue(seminar.getQuiz().getQuestions().size() >= 8, seminar.getId() + ": quiz too short");
            }
        }
    }

    private List<String> pages(Path pdf) throws IOException {
        List<String> cached = pageTexts.get(pdf);
        if (cached != null) {
            return cached;
        }
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
        }
        pageTexts.put(pdf, pages);
        return pages;
    }

    private static Path fileOf(SlideDeck deck) {
        Path contentFile = Path.of(deck.eResource().getURI().toFileString());
        return contentFile.getParent().resolve(deck.getFile()).normalize();
    }

    /** Line wraps and spaces differ between source and PDF; the words must not. */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static List<Path> deckSources() throws IOException {
        if (!Files.isDirectory(DECKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DECKS)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static List<List<String>> blocks(Path source) throws IOException {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
            if (line.strip().equals("---")) {
                current = new ArrayList<>();
                blocks.add(current);
            } else if (current != null) {
                current.add(line);
            }
        }
        blocks.removeIf(block -> block.stream().allMatch(String::isBlank));
        return blocks;
    }

    private static <T> List<T> all(ContentRepository repository, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Resource resource : repository.resourceSet().getResources()) {
            for (var contents = resource.getAllContents(); contents.hasNext();) {
                EObject element = contents.next();
                if (type.isInstance(element)) {
                    found.add(type.cast(element));
                }
            }
        }
        return found;
    }
}
