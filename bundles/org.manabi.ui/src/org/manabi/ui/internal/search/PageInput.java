package org.manabi.ui.internal.search;

import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.emf.ecore.resource.Resource;
import org.manabi.content.ContentRepository;
import org.manabi.ui.internal.TransientInput;
import org.manabi.model.SlideDeck;
import org.manabi.search.SearchHit;

/**
 * A page of a PDF to look at. The page count comes from the deck in the content model when the PDF
 * is a deck of it (0 when unknown: the viewer then finds the end by trying).
 */
public record PageInput(Path pdf, int page, int pageCount, String title) implements TransientInput {

    static PageInput of(SearchHit hit, ContentRepository content) {
        int pages = 0;
        String title = hit.seminar() == null ? Path.of(hit.file()).getFileName().toString() : hit.seminar();
        if (content != null && hit.deck() != null) {
            for (Resource resource : content.resourceSet().getResources()) {
                if (resource.getEObject(hit.deck()) instanceof SlideDeck deck) {
                    pages = deck.getPageCount();
                    title = deck.getTitle() == null ? title : deck.getTitle();
                }
            }
        }
        return new PageInput(Path.of(hit.file()).toAbsolutePath().normalize(), hit.page(), pages, title);
    }

    /** The same PDF at another page. */
    PageInput at(int otherPage) {
        return new PageInput(pdf, otherPage, pageCount, title);
    }

    @Override
    public String getName() {
        return title;
    }

    @Override
    public String getToolTipText() {
        return pdf.toString();
    }

    /** One viewer per PDF: opening another page of it turns the open viewer there. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PageInput input && input.pdf.equals(pdf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pdf);
    }
}
