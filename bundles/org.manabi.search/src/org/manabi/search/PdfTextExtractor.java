package org.manabi.search;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
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
            PageByPage stripper = new PageByPage(document.getNumberOfPages());
            stripper.setSortByPosition(true);
            stripper.getText(document);
            return stripper.pages(document.getNumberOfPages());
        } catch (InvalidPasswordException e) {
            throw new PdfUnreadableException(pdf, "it is encrypted with a password", e);
        } catch (IOException | RuntimeException e) {
            // PDFBox throws runtime exceptions too on some hostile files; one bad file must not end a run
            throw new PdfUnreadableException(pdf, String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * One pass over the document that keeps each page's text apart: what the stripper writes between
     * the start and the end of a page is that page. (Asking for one page at a time instead walks the
     * page tree and resets the stripper once per page.)
     */
    private static final class PageByPage extends PDFTextStripper {

        private final List<PageText> pages;
        private StringWriter page = new StringWriter();

        PageByPage(int pageCount) {
            pages = new ArrayList<>(pageCount);
        }

        @Override
        protected void startPage(PDPage pdPage) throws IOException {
            super.startPage(pdPage);
            page = new StringWriter();
            output = page;
        }

        @Override
        protected void endPage(PDPage pdPage) throws IOException {
            super.endPage(pdPage);
            pages(getCurrentPageNo() - 1);
            pages.add(new PageText(getCurrentPageNo(), page.toString().strip()));
        }

        /** The pages read so far, up to {@code count}: a page without contents is never started, and is empty. */
        List<PageText> pages(int count) {
            while (pages.size() < count) {
                pages.add(new PageText(pages.size() + 1, ""));
            }
            return pages;
        }
    }
}
