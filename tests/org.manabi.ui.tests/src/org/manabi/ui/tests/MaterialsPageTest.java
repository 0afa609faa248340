package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.forms.editor.FormPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.content.ContentRepository;
import org.manabi.model.Seminar;
import org.manabi.model.SlideDeck;
import org.manabi.ui.internal.editor.SeminarEditor;
import org.manabi.ui.internal.search.PageInput;

/** Attaching a PDF to a seminar on the materials page, and looking at its pages. */
class MaterialsPageTest {

    private final IWorkbenchPage page = Editors.page();

    @AfterEach
    void closeEditors() {
        Editors.closeAll();
    }

    @Test
    void anAttachedPdfIsCopiedIntoTheContentCountedShownAndSaved(@TempDir Path temp) throws Exception {
        ContentRepository repository = ContentRepository.open(SeminarEditorTest.copyOfContent(temp));
        Seminar seminar = SeminarEditorTest.seminar(repository, "dicom-beginner-2027");
        int materialsBefore = seminar.getMaterials().size();
        Path outside = Files.createDirectories(temp.resolve("downloads")).resolve("Imaging Basics.pdf");
        Files.copy(Path.of(System.getProperty("manabi.repository"), "content", "decks", "dicom-advanced-dose.pdf"), outside);
        SeminarEditor editor = Editors.open(repository, seminar);

        editor.attachPdf(outside).join();
        Widgets.flush();
        assertEquals(materialsBefore + 1, seminar.getMaterials().size(), "the PDF is a new material");
        SlideDeck deck = (SlideDeck) seminar.getMaterials().get(materialsBefore);
        assertEquals("../decks/Imaging Basics.pdf", deck.getFile(), "named relative to the curriculum file");
        assertEquals(14, deck.getPageCount(), "its pages counted");
        assertEquals("dicom-beginner-2027-imaging-basics", deck.getId());
        assertEquals(-1, Files.mismatch(outside, repository.root().resolve("decks/Imaging Basics.pdf")),
                "copied into the content folder's decks");

        Control pageControl = editor.getActivePageInstance().getPartControl();
        Table thumbnails = Widgets.one(pageControl, Table.class, table -> table.getData("thumbnails") != null);
        assertEquals(14, thumbnails.getItemCount(), "the attached deck's pages are shown");
        Widgets.waitUntil("the thumbnail of page 2", 60, () -> thumbnails.getItem(1).getImage() != null);
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "seminar-editor-materials");
        thumbnails.setSelection(1);
        thumbnails.notifyListeners(SWT.DefaultSelection, new Event());
        Widgets.flush();
        IEditorPart viewer = page.getActiveEditor();
        assertTrue(viewer.getEditorInput() instanceof PageInput input && input.page() == 2
                && input.pdf().endsWith(Path.of("decks", "Imaging Basics.pdf")), "a double-click opens the page");
        page.closeEditor(viewer, false);
        Widgets.flush();

        Editors.command(IWorkbenchCommandConstants.EDIT_UNDO);
        assertEquals(materialsBefore, seminar.getMaterials().size(), "Edit > Undo takes the deck back");
        Editors.command(IWorkbenchCommandConstants.EDIT_REDO);
        Editors.command(IWorkbenchCommandConstants.FILE_SAVE);
        assertFalse(editor.isDirty());
        Seminar reread = SeminarEditorTest.seminar(ContentRepository.open(repository.root()), "dicom-beginner-2027");
        SlideDeck saved = (SlideDeck) reread.getMaterials().get(materialsBefore);
        assertEquals("../decks/Imaging Basics.pdf", saved.getFile());
        assertEquals(14, saved.getPageCount());
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedByName(@TempDir Path temp) throws Exception {
        ContentRepository repository = ContentRepository.open(SeminarEditorTest.copyOfContent(temp));
        Seminar seminar = SeminarEditorTest.seminar(repository, "dicom-beginner-2027");
        int materialsBefore = seminar.getMaterials().size();
        Path notes = Files.writeString(temp.resolve("notes.pdf"), "not a PDF at all");
        SeminarEditor editor = Editors.open(repository, seminar);

        editor.attachPdf(notes).join();
        Widgets.flush();
        assertEquals(materialsBefore, seminar.getMaterials().size(), "nothing attached");
        String message = ((FormPage) editor.getActivePageInstance()).getManagedForm().getForm().getMessage();
        assertTrue(message != null && message.contains("notes.pdf"), "the header names the file: " + message);
        assertFalse(Files.exists(repository.root().resolve("decks/notes.pdf")), "and nothing is copied");
        assertFalse(editor.isDirty());
    }
}
