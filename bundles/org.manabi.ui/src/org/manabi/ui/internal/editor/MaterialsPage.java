package org.manabi.ui.internal.editor;

import static org.manabi.model.ManabiPackage.Literals.MATERIAL__LANGUAGE;
import static org.manabi.model.ManabiPackage.Literals.MATERIAL__TITLE;
import static org.manabi.model.ManabiPackage.Literals.SEMINAR__MATERIALS;
import static org.manabi.model.ManabiPackage.Literals.SLIDE_DECK;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.manabi.model.ManabiFactory;
import org.manabi.model.ProtectedDocument;
import org.manabi.model.Seminar;
import org.manabi.model.SlideDeck;
import org.manabi.model.Video;
import org.manabi.search.PdfUnreadableException;
import org.manabi.ui.internal.ContentIds;
import org.manabi.ui.internal.Jobs;
import org.manabi.ui.internal.Messages;
import org.manabi.ui.internal.search.PageInput;
import org.manabi.ui.internal.search.PageViewer;
import org.manabi.ui.internal.search.SearchIndex;

/**
 * The seminar's slide decks, videos and documents; a new row is a slide deck. A PDF attached becomes a
 * slide deck with its page count, its file copied into the content folder; the pages of a deck show
 * as thumbnails, and a double-click opens one in the page viewer.
 */
final class MaterialsPage extends SeminarPage {

    static final String ID = "materials";

    /** The family of the jobs that attach PDFs. */
    static final Object ATTACHING = MaterialsPage.class;

    private final SeminarEditor editor;
    private PageThumbnailStrip pages;

    MaterialsPage(SeminarEditor editor) {
        super(editor, ID, Messages.Editor_materials);
        this.editor = editor;
    }

    @Override
    protected void fill(FormToolkit toolkit, Composite body) {
        FeatureTable materials = pageTable(toolkit, body, Messages.Editor_materials, seminar()::getMaterials)
                .column(MATERIAL__TITLE, 420).column(MATERIAL__LANGUAGE, 70)
                .column(Messages.Column_kind, 90, material -> ModelTexts.type(material.eClass()))
                .column(Messages.Column_source, 300, material -> switch (material) {
                    case SlideDeck deck -> deck.getFile() + " (" + deck.getPageCount() + " p.)";
                    case Video video -> video.getLocation();
                    case ProtectedDocument document -> document.getFile();
                    default -> "";
                })
                .listButtons(toolkit, seminar(), SEMINAR__MATERIALS, SLIDE_DECK);
        var attach = toolkit.createButton(materials.control().getParent(), EditorMessages.AttachPdf, SWT.PUSH);
        attach.setData("action", "attach");
        GridDataFactory.fillDefaults().span(2, 1).align(SWT.BEGINNING, SWT.CENTER).applyTo(attach);
        attach.addListener(SWT.Selection, event -> {
            FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] { "*.pdf;*.PDF" });
            String chosen = dialog.open();
            if (chosen != null) {
                attach(Path.of(chosen));
            }
        });

        Composite pageSection = section(toolkit, body, EditorMessages.Section_pages);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(pageSection.getParent());
        pages = new PageThumbnailStrip(pageSection, toolkit, () -> QuestionDetails.decks(seminar()),
                getSite().getService(SearchIndex.class), EditorMessages.OpenPage, this::openPage);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(pages.control());
        fields().onRefresh(pages::refresh);
        materials.viewer().addSelectionChangedListener(event -> {
            if (event.getStructuredSelection().getFirstElement() instanceof SlideDeck deck) {
                pages.select(deck);
            }
        });
    }

    /**
     * Attaches {@code pdf} as a new slide deck of the seminar, in a job: the file is read and copied
     * off the UI thread, then the deck is added by one undoable command and its pages shown. A file
     * that cannot be attached is named in the page's header.
     */
    Job attach(Path pdf) {
        getManagedForm().getForm().setMessage(null, IMessageProvider.NONE);
        Seminar seminar = seminar();
        String name = pdf.getFileName().toString();
        String title = name.replaceFirst("(?i)\\.pdf$", "");
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String id = new ContentIds(seminar.eResource().getResourceSet())
                .claim(seminar.getId() + "-" + (slug.isEmpty() ? "deck" : slug));
        Path curriculumFolder = Path.of(URI.create(seminar.eResource().getURI().toString())).getParent();
        Path content = editor.repository().root();
        var display = getSite().getShell().getDisplay();
        Job job = Jobs.of(NLS.bind(EditorMessages.Attaching, name), ATTACHING, monitor -> {
            try {
                DeckAttachment attached = DeckAttachment.of(pdf, content, curriculumFolder);
                display.asyncExec(() -> {
                    SlideDeck deck = ManabiFactory.eINSTANCE.createSlideDeck();
                    deck.setId(id);
                    deck.setTitle(title);
                    deck.setFile(attached.file());
                    deck.setPageCount(attached.pageCount());
                    var domain = editor.getEditingDomain();
                    domain.getCommandStack().execute(AddCommand.create(domain, seminar, SEMINAR__MATERIALS, deck));
                    pages.refresh();
                    pages.select(deck);
                });
            } catch (IOException | PdfUnreadableException e) {
                display.asyncExec(() -> getManagedForm().getForm().setMessage(
                        NLS.bind(EditorMessages.AttachFailed, name, e.getMessage()), IMessageProvider.ERROR));
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    private void openPage(SlideDeck deck, int page) {
        Path pdf = PageThumbnailStrip.pdf(deck);
        if (pdf != null) {
            try {
                PageViewer.open(getSite().getPage(), new PageInput(pdf, page, deck.getPageCount(),
                        QuestionDetails.deckName(deck)));
            } catch (PartInitException e) {
                getManagedForm().getForm().setMessage(e.getMessage(), IMessageProvider.ERROR);
            }
        }
    }
}
