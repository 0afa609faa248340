package org.manabi.ui.internal.editor;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.manabi.model.SlideDeck;
import org.manabi.search.PdfUnreadableException;
import org.manabi.ui.internal.Jobs;
import org.manabi.ui.internal.search.SearchIndex;

/**
 * The pages of one of the seminar's slide decks as thumbnails, for an action on a page (cite it, open
 * it): double-click, or select and press the button. The images are rendered by PDFBox in a job, off
 * the UI thread, through the page cache of the search index, and appear as they are ready. The list
 * of decks is read again on {@link #refresh()}, so a deck attached meanwhile can be chosen.
 */
final class PageThumbnailStrip {

    /** The family of the rendering jobs. */
    private static final Object FAMILY = PageThumbnailStrip.class;

    static final int WIDTH = 120;

    private final Composite control;
    private final Supplier<List<SlideDeck>> decks;
    private final SearchIndex pages;
    private final List<Image> images = new ArrayList<>();
    private final Combo deck;
    private final Table table;
    private final Label problem;
    private List<SlideDeck> listed = List.of();
    private SlideDeck shown;
    private int shownPageCount;
    private Job rendering;

    /**
     * @param decks the decks to choose from, read again on every refresh
     * @param pages the page images; null where the workbench has none (then pages are listed without pictures)
     * @param action what to do with the deck and 1-based page picked, named by {@code actionLabel}
     */
    PageThumbnailStrip(Composite parent, FormToolkit toolkit, Supplier<List<SlideDeck>> decks, SearchIndex pages,
            String actionLabel, BiConsumer<SlideDeck, Integer> action) {
        this.decks = decks;
        this.pages = pages;
        control = toolkit.createComposite(parent);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(control);
        toolkit.createLabel(control, EditorMessages.Deck);
        deck = new Combo(control, SWT.READ_ONLY | SWT.DROP_DOWN);
        toolkit.adapt(deck, true, false);
        deck.setData("deck", Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(deck);
        Button button = toolkit.createButton(control, actionLabel, SWT.PUSH);
        button.setData("action", "page");
        table = toolkit.createTable(control, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        table.setData("thumbnails", Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(SWT.DEFAULT, 260).applyTo(table);
        problem = toolkit.createLabel(control, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(problem);

        Runnable actOnSelected = () -> {
            int page = table.getSelectionIndex() + 1;
            if (page > 0 && shown != null) {
                action.accept(shown, page);
            }
        };
        button.addListener(SWT.Selection, event -> actOnSelected.run());
        table.addListener(SWT.DefaultSelection, event -> actOnSelected.run());
        deck.addListener(SWT.Selection, event -> show(listed.get(deck.getSelectionIndex())));
        table.addListener(SWT.Dispose, event -> {
            if (rendering != null) {
                rendering.cancel();
            }
            images.forEach(Image::dispose);
        });
        refresh();
    }

    Composite control() {
        return control;
    }

    /** Follows the model: the decks there are now, the pages the shown one has now. */
    void refresh() {
        if (control.isDisposed()) {
            return;
        }
        List<SlideDeck> now = List.copyOf(decks.get());
        if (!now.equals(listed)) {
            listed = now;
            deck.removeAll();
            listed.forEach(d -> deck.add(QuestionDetails.deckName(d)));
            problem.setText(listed.isEmpty() ? EditorMessages.NoDecks : "");
        }
        if (listed.isEmpty()) {
            shown = null;
            table.removeAll();
        } else if (shown == null || !listed.contains(shown)) {
            select(listed.get(0));
        } else if (shown.getPageCount() != shownPageCount) {
            select(shown);
        } else {
            deck.select(listed.indexOf(shown));
        }
    }

    /** Shows the pages of {@code chosen}, one of the decks listed. */
    void select(SlideDeck chosen) {
        if (listed.contains(chosen)) {
            deck.select(listed.indexOf(chosen));
            show(chosen);
        }
    }

    /** Lists the deck's pages at once, their pictures as the job renders them. */
    private void show(SlideDeck deck) {
        shown = deck;
        shownPageCount = deck.getPageCount();
        if (rendering != null) {
            rendering.cancel();
        }
        table.removeAll();
        images.forEach(Image::dispose);
        images.clear();
        problem.setText("");
        int count = deck.getPageCount();
        List<TableItem> items = new ArrayList<>();
        for (int page = 1; page <= count; page++) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(NLS.bind(EditorMessages.PageLabel, page));
            items.add(item);
        }
        Path pdf = pdf(deck);
        if (pages == null || pdf == null || count == 0) {
            return;
        }
        var display = table.getDisplay();
        rendering = Jobs.of(NLS.bind(EditorMessages.RenderingPages, QuestionDetails.deckName(deck)), FAMILY, monitor -> {
            for (int page = 1; page <= count && !monitor.isCanceled(); page++) {
                TableItem item = items.get(page - 1);
                try {
                    ImageData picture = new ImageData(pages.page(pdf, page, WIDTH).toString());
                    display.asyncExec(() -> {
                        if (!item.isDisposed()) {
                            Image image = new Image(display, picture);
                            images.add(image);
                            item.setImage(image);
                        }
                    });
                } catch (PdfUnreadableException | org.eclipse.swt.SWTException e) {
                    display.asyncExec(() -> {
                        if (!problem.isDisposed()) {
                            problem.setText(NLS.bind(EditorMessages.PageUnreadable, deck.getFile(), e.getMessage()));
                        }
                    });
                    break;
                }
            }
            return Status.OK_STATUS;
        });
        rendering.setSystem(true);
        rendering.schedule();
    }

    /** The deck's PDF: its file name is relative to the content file that describes it. */
    static Path pdf(SlideDeck deck) {
        if (deck.getFile() == null || deck.eResource() == null || !deck.eResource().getURI().isFile()) {
            return null;
        }
        return Path.of(URI.create(deck.eResource().getURI().toString())).getParent().resolve(deck.getFile()).normalize();
    }
}
