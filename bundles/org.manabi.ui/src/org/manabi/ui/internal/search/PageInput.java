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
        String title = hit.seminar() == null ? Path.of(hit.file()).getFileName().toString() : hit.seminar();
        return of(Path.of(hit.file()), hit.page(), hit.deck(), title, content);
    }

    /**
     * A page of a PDF, titled and counted from the deck {@code deckId} of the content when it has that deck.
     *
     * @param title the title when the deck is unknown or has none
     */
    public static PageInput of(Path pdf, int page, String deckId, String title, ContentRepository content) {
        int pages = 0;
        if (content != null && deckId != null) {
            for (Resource resource : content.resourceSet().getResources()) {
                if (resource.getEObject(deckId) instanceof SlideDeck deck) {
                    pages = deck.getPageCount();
                    title = deck.getTitle() == null ? title : deck.getTitle();
                }
            }
        }
        return new PageInput(pdf.toAbsolutePath().normalize(), page, pages, title);
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
