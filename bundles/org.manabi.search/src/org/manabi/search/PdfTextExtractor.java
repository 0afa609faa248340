package org.manabi.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads the text of a PDF page by page, the unit in which slides are searched and cited.
 */
public final class PdfTextExtractor {

    /** More pages than any slide deck has: such a file is a book, or hostile. */
    public static final int MAX_PAGES = 2000;

    /**
     * @return one entry per page, in page order
     * @throws PdfUnreadableException if the file is not a PDF PDFBox can read, or is encrypted
     */
    public List<PageText> extract(Path pdf) throws PdfUnreadableException {
        // streams are cached in temporary files, not on the heap, so that a huge PDF cannot exhaust memory
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            if (document.getNumberOfPages() > MAX_PAGES) {
                throw new PdfUnreadableException(pdf, "it has " + document.getNumberOfPages()
                        + " pages, more than the " + MAX_PAGES + " a slide deck may have", null);
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<PageText> pages = new ArrayList<>(document.getNumberOfPages());
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(new PageText(page, stripper.getText(document).strip()));
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw new PdfUnreadableException(pdf, "it is encrypted with a password", e);
        } catch (IOException | RuntimeException e) {
            // PDFBox throws runtime exceptions too on some hostile files; one bad file must not end a run
            throw new PdfUnreadableException(pdf, String.valueOf(e.getMessage()), e);
        }
    }
}
