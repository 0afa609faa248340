package org.manabi.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.manabi.content.ContentRepository;
import org.manabi.model.FiscalYearPlan;
import org.manabi.model.Seminar;
import org.manabi.model.SlideDeck;
import org.manabi.search.PdfSource;

/**
 * The slide decks of a content repository as the search index takes them: the PDF beside the
 * content file that names it, with its deck id, seminar, hosting committee and fiscal year as facets.
 * One place for {@code manabi index} and the workbench's indexing, so both index the same way.
 */
public final class SlideDecks {

    private SlideDecks() {
    }

    /**
     * @param folder the content folder as the user named it: PDF paths are indexed (and shown in
     *        results) relative to it, e.g. {@code content/decks/x.pdf}
     */
    public static List<PdfSource> of(ContentRepository repository, Path folder) {
        List<PdfSource> sources = new ArrayList<>();
        for (var curriculum : repository.curricula()) {
            for (var contents = curriculum.eAllContents(); contents.hasNext();) {
                if (contents.next() instanceof SlideDeck deck && deck.getFile() != null) {
                    Path contentFile = folder.resolve(repository.relativePath(deck.eResource()));
                    Path pdf = contentFile.getParent().resolve(deck.getFile()).normalize();
                    Seminar seminar = container(deck, Seminar.class);
                    FiscalYearPlan plan = container(deck, FiscalYearPlan.class);
                    String committee = seminar == null || seminar.getHost() == null ? null : seminar.getHost().getName();
                    sources.add(new PdfSource(pdf, deck.getId(), seminar == null ? null : seminar.getTitle(), committee,
                            plan == null ? null : plan.getFiscalYear()));
                }
            }
        }
        return sources;
    }

    private static <T> T container(EObject element, Class<T> type) {
        for (EObject parent = element.eContainer(); parent != null; parent = parent.eContainer()) {
            if (type.isInstance(parent)) {
                return type.cast(parent);
            }
        }
        return null;
    }
}
