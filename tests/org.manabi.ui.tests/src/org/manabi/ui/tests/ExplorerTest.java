package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.ViewerDropAdapter;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manabi.content.ContentRepository;
import org.manabi.model.ProgrammeItem;
import org.manabi.model.Seminar;
import org.manabi.ui.internal.CurriculumExplorer;

/**
 * The curriculum explorer over the workbench's content, which in the tests is a copy made for them
 * (target/content): its edits save files.
 */
class ExplorerTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    private ContentRepository repository;
    private CurriculumExplorer explorer;

    @BeforeEach
    void showExplorer() throws Exception {
        repository = PlatformUI.getWorkbench().getService(IEclipseContext.class).get(ContentRepository.class);
        explorer = (CurriculumExplorer) page.showView(CurriculumExplorer.ID);
        Widgets.flush();
    }

    @AfterEach
    void clearFilter() throws InterruptedException {
        explorer.filterText().setText("");
        Widgets.waitUntil("the whole tree back", 5, () -> !explorer.isFiltering());
        page.closeAllEditors(false);
        Widgets.flush();
    }

    @Test
    void fiscalYearsThenCommitteesThenSeminarsThenTheirProgramme() {
        explorer.viewer().expandToLevel(4);
        Widgets.flush();
        TreeItem fy2027 = item(explorer.viewer().getTree().getItems(), "Fiscal year 2027");
        TreeItem dicom = item(fy2027.getItems(), "DICOM委員会");
        TreeItem seminar = item(dicom.getItems(), "Seminar DICOMセミナー 初心者向け");
        assertNotNull(seminar.getImage(), "item providers give icons");
        List<String> below = Arrays.stream(seminar.getItems()).map(TreeItem::getText).toList();
        assertTrue(below.contains("Programme Item DICOM の基礎 ― 規格の成り立ちと情報の表し方"), below.toString());
        assertFalse(below.stream().anyMatch(text -> text.startsWith("Seat Pool")), "pools are in the editor: " + below);
    }

    @Test
    void theFilterKeepsWhatMatchesAndThePathToIt() throws Exception {
        explorer.filterText().setText("サービス・ネットワーク");
        Widgets.waitUntil("the filter applies", 5, () -> !shown().contains("システム教育委員会"));
        List<String> shown = shown();
        assertTrue(shown.contains("Seminar DICOMセミナー 初心者向け"), shown.toString());
        assertTrue(shown.contains("Programme Item サービス・ネットワーク・適合性宣言書・セキュリティの基礎"), shown.toString());
        assertFalse(shown.contains("Seminar DICOMセミナー 中上級者向け"), "same committee, no match: " + shown);
        assertFalse(shown.contains("Fiscal year 2025"), "a year without a match: " + shown);
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "explorer-filter");
    }

    @Test
    void nextYearsRunIsSavedWithItsDatesAYearLaterAndUndoTakesItOut() throws Exception {
        Seminar seminar = SeminarEditorTest.seminar(repository, "dicom-beginner-2027");
        explorer.viewer().setSelection(new StructuredSelection(seminar), true);
        assertEquals(List.of(seminar), explorer.viewer().getStructuredSelection().toList());

        Seminar next = explorer.nextYearRun();
        Widgets.flush();

        assertEquals("dicom-beginner-2028", next.getId());
        Seminar saved = SeminarEditorTest.seminar(ContentRepository.open(repository.root()), "dicom-beginner-2028");
        assertEquals("2028-07-02", saved.getSessions().get(0).getDate().toString());
        assertEquals("draft", saved.getStatus().getLiteral());
        assertEquals("dicom-beginner-2028-onsite", saved.getPools().get(0).getId());
        assertEquals(seminar.getProgramme().size(), saved.getProgramme().size());
        assertEquals(seminar.getProgramme().get(1).getSpeakers().get(0).getId(),
                saved.getProgramme().get(1).getSpeakers().get(0).getId(), "the same speakers");

        undoInExplorer();
        assertFalse(Files.readString(repository.root().resolve("seminars/dicom-beginner.manabi"))
                .contains("dicom-beginner-2028"), "undo saves the file without the new run");
    }

    @Test
    void aProgrammeItemDraggedBeforeAnotherMovesThereInTheFile() throws Exception {
        Seminar seminar = SeminarEditorTest.seminar(repository, "mds-sds-2027");
        List<ProgrammeItem> programme = seminar.getProgramme();
        ProgrammeItem last = programme.get(programme.size() - 1);
        ProgrammeItem first = programme.get(0);

        assertTrue(explorer.drop(first, ViewerDropAdapter.LOCATION_BEFORE, List.of(last)));

        assertEquals(last, seminar.getProgramme().get(0));
        Seminar saved = SeminarEditorTest.seminar(ContentRepository.open(repository.root()), "mds-sds-2027");
        assertEquals(last.getId(), saved.getProgramme().get(0).getId(), "saved in the new order");
        undoInExplorer();
        assertEquals(last, seminar.getProgramme().get(programme.size() - 1), "undo puts it back");
    }

    @Test
    void deleteAsksFirstAndKeepsEverythingWhenTheAnswerIsNo() throws Exception {
        Seminar seminar = SeminarEditorTest.seminar(repository, "mds-sds-2027");
        ProgrammeItem item = seminar.getProgramme().get(1);
        explorer.viewer().setSelection(new StructuredSelection(item), true);
        assertEquals(List.of(item), explorer.viewer().getStructuredSelection().toList());

        Widgets.answerNextDialog("Cancel");
        explorer.delete();
        assertTrue(seminar.getProgramme().contains(item), "cancelled: still there");

        Widgets.answerNextDialog("OK");
        explorer.delete();
        assertFalse(seminar.getProgramme().contains(item), "confirmed: deleted");
        assertFalse(Files.readString(repository.root().resolve("seminars/mds-sds.manabi")).contains(item.getId() + "\""));

        undoInExplorer();
        assertEquals(item, seminar.getProgramme().get(1), "undo puts it back");
    }

    private void undoInExplorer() throws Exception {
        page.activate(explorer);
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class)
                .executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
        Widgets.flush();
    }

    private static TreeItem item(TreeItem[] items, String text) {
        return Arrays.stream(items).filter(item -> item.getText().equals(text)).findFirst().orElseThrow(
                () -> new AssertionError("no " + text + " in " + Arrays.stream(items).map(TreeItem::getText).toList()));
    }

    /** The texts of the tree's items, as far as it is expanded. */
    private List<String> shown() {
        List<String> texts = new ArrayList<>();
        collect(explorer.viewer().getTree().getItems(), texts);
        return texts;
    }

    private static void collect(TreeItem[] items, List<String> texts) {
        for (TreeItem item : items) {
            texts.add(item.getText());
            collect(item.getItems(), texts);
        }
    }
}
