package org.manabi.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.manabi.search.PdfTextExtractor;
import org.manabi.search.PdfUnreadableException;

/**
 * A PDF to attach to a seminar as a slide deck, put where the content repository looks for decks: in
 * the {@code decks} folder of the content folder (a PDF already inside the content folder stays where
 * it is), named as chosen, numbered if another file has that name. Its pages are counted as the page
 * index reads them, so a file the index could not read is refused here already. Does file work: run it
 * off the UI thread.
 *
 * @param file the deck's file, as the curriculum names it: relative to the curriculum's folder
 * @param pageCount its number of pages
 */
record DeckAttachment(String file, int pageCount) {

    static final String DECKS = "decks";

    /**
     * @param content the content folder
     * @param curriculumFolder the folder of the curriculum file the deck will be described in
     * @throws PdfUnreadableException when the file is not a PDF PDFBox can read (the message names it)
     * @throws IOException when it cannot be copied
     */
    static DeckAttachment of(Path pdf, Path content, Path curriculumFolder) throws IOException, PdfUnreadableException {
        int pages = new PdfTextExtractor().extract(pdf).size();
        Path root = content.toAbsolutePath().normalize();
        Path source = pdf.toAbsolutePath().normalize();
        Path placed = source.startsWith(root) ? source : copyInto(root.resolve(DECKS), source);
        String relative = curriculumFolder.toAbsolutePath().normalize().relativize(placed).toString();
        return new DeckAttachment(relative.replace('\\', '/'), pages);
    }

    /** The copy of {@code pdf} in {@code folder}: the same name, or a numbered one where a different file has it. */
    private static Path copyInto(Path folder, Path pdf) throws IOException {
        Files.createDirectories(folder);
        String name = pdf.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? name.substring(0, name.length() - 4) : name;
        Path target = folder.resolve(stem + ".pdf");
        for (int n = 2; Files.exists(target); n++) {
            if (Files.mismatch(target, pdf) == -1) {
                return target; // attached before: the same bytes are there already
            }
            target = folder.resolve(stem + "-" + n + ".pdf");
        }
        // copied under a temporary name and renamed, so the folder never holds half a deck
        Path temporary = Files.createTempFile(folder, stem, ".part");
        Files.copy(pdf, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
