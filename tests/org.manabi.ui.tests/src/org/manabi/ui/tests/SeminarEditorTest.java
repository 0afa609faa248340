package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.editor.IFormPage;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.content.ContentRepository;
import org.manabi.model.ProgrammeItem;
import org.manabi.model.SeatPool;
import org.manabi.model.Seminar;
import org.manabi.ui.internal.editor.SeminarEditor;
import org.manabi.ui.internal.editor.SeminarEditorInput;

/** The seminar editor driven through its widgets, on a copy of the repository's content. */
class SeminarEditorTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @AfterEach
    void closeEditors() {
        page.closeAllEditors(false);
        Widgets.flush();
    }

    @Test
    void aCapacityChangedUndoneRedoneAndSavedIsInTheFile(@TempDir Path temp) throws Exception {
        ContentRepository repository = ContentRepository.open(copyOfContent(temp));
        SeminarEditor editor = open(repository, "dicom-beginner-2027");
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "seminar-editor-overview");
        SeatPool onsite = pool(editor, "dicom-beginner-2027-onsite");
        assertEquals(80, onsite.getCapacity());

        Table pools = cellTable(editor, "capacity");
        typeInCell(pools, onsite, "capacity", "95");
        assertEquals(95, onsite.getCapacity());
        assertTrue(editor.isDirty(), "an edit makes the editor dirty");

        command(IWorkbenchCommandConstants.EDIT_UNDO);
        assertEquals(80, onsite.getCapacity(), "Edit > Undo");
        assertFalse(editor.isDirty(), "undone to the saved state");
        assertEquals("80", cellText(pools, onsite, "capacity"), "the table shows the undone value");

        command(IWorkbenchCommandConstants.EDIT_REDO);
        assertEquals(95, onsite.getCapacity(), "Edit > Redo");
        assertTrue(editor.isDirty());

        command(IWorkbenchCommandConstants.FILE_SAVE);
        assertFalse(editor.isDirty(), "saved");

        Seminar reread = seminar(ContentRepository.open(repository.root()), "dicom-beginner-2027");
        assertEquals(95, reread.getPools().stream().filter(pool -> pool.getId().equals("dicom-beginner-2027-onsite"))
                .findFirst().orElseThrow().getCapacity(), "the file read back holds the new capacity");
    }

    @Test
    void aTimeThatIsNotATimeIsRefusedAsItIsTyped(@TempDir Path temp) throws Exception {
        ContentRepository repository = ContentRepository.open(copyOfContent(temp));
        SeminarEditor editor = open(repository, "dicom-beginner-2027");
        editor.setActivePage("programme");
        Widgets.flush();
        ProgrammeItem talk = seminar(repository, "dicom-beginner-2027").getProgramme().get(1);
        Table timetable = cellTable(editor, "start");

        typeInCell(timetable, talk, "start", "25:99");
        assertEquals("13:05", talk.getStart().toString(), "an invalid time never reaches the model");
        assertFalse(editor.isDirty());

        typeInCell(timetable, talk, "start", "13:10");
        assertEquals("13:10", talk.getStart().toString());
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "seminar-editor-programme");
    }

    /** Types into a cell of a table the way a user does: select the row, click the cell, type, press Enter. */
    static void typeInCell(Table table, Object row, String attribute, String typed) {
        clickCell(table, row, attribute);
        Text cell = Widgets.one(table, Text.class, text -> attribute.equals(text.getData("attribute")) && text.isVisible());
        cell.setText(typed);
        Widgets.flush();
        cell.notifyListeners(SWT.DefaultSelection, new Event());
        Widgets.flush();
    }

    /** Selects the row and clicks its cell of {@code attribute}, which opens the cell's editor. */
    static void clickCell(Table table, Object row, String attribute) {
        int column = columnIndex(table, attribute);
        TableItem item = Arrays.stream(table.getItems()).filter(i -> i.getData() == row).findFirst().orElseThrow();
        table.setSelection(item);
        Event select = new Event();
        select.item = item;
        table.notifyListeners(SWT.Selection, select);
        Widgets.flush();
        Rectangle cellBounds = item.getBounds(column);
        Event click = new Event();
        click.button = 1;
        click.x = cellBounds.x + 3;
        click.y = cellBounds.y + 3;
        table.notifyListeners(SWT.MouseDown, click);
        Widgets.flush();
    }

    private static String cellText(Table table, Object row, String attribute) {
        int column = columnIndex(table, attribute);
        return Arrays.stream(table.getItems()).filter(item -> item.getData() == row).findFirst().orElseThrow()
                .getText(column);
    }

    private static int columnIndex(Table table, String attribute) {
        TableColumn[] columns = table.getColumns();
        for (int i = 0; i < columns.length; i++) {
            if (attribute.equals(columns[i].getData("attribute"))) {
                return i;
            }
        }
        throw new AssertionError("no column " + attribute);
    }

    /** The table of the editor's active page that has a column for the attribute. */
    static Table cellTable(SeminarEditor editor, String attribute) {
        IFormPage active = editor.getActivePageInstance();
        return Widgets.one(active.getPartControl(), Table.class,
                table -> Arrays.stream(table.getColumns()).anyMatch(c -> attribute.equals(c.getData("attribute"))));
    }

    private void command(String id) throws Exception {
        page.getWorkbenchWindow().getService(IHandlerService.class).executeCommand(id, null);
        Widgets.flush();
    }

    private SeminarEditor open(ContentRepository repository, String seminarId) throws Exception {
        SeminarEditor editor = (SeminarEditor) page.openEditor(
                new SeminarEditorInput(repository, seminar(repository, seminarId)), SeminarEditor.ID);
        Widgets.flush();
        return editor;
    }

    private static SeatPool pool(SeminarEditor editor, String id) {
        Seminar seminar = ((SeminarEditorInput) editor.getEditorInput()).seminar();
        return seminar.getPools().stream().filter(pool -> pool.getId().equals(id)).findFirst().orElseThrow();
    }

    static Seminar seminar(ContentRepository repository, String id) {
        return repository.curricula().stream().flatMap(curriculum -> curriculum.getPlans().stream())
                .flatMap(plan -> plan.getSeminars().stream()).filter(seminar -> id.equals(seminar.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no seminar " + id));
    }

    /** A copy of the repository's content folder: the tests save, and must not touch the real curricula. */
    static Path copyOfContent(Path temp) throws IOException {
        Path source = Path.of(System.getProperty("manabi.repository"), "content");
        Path target = temp.resolve("content");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else if (path.toString().endsWith(".manabi")) {
                    Files.copy(path, copy);
                }
            }
        }
        return target;
    }
}
