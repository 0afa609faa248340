package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.manabi.content.ContentProblem;
import org.manabi.content.ContentRepository;
import org.manabi.model.Choice;
import org.manabi.model.ManabiPackage;
import org.manabi.model.ProgrammeItem;
import org.manabi.model.Seminar;
import org.manabi.model.SingleChoiceQuestion;
import org.manabi.ui.internal.ProblemsView;
import org.manabi.ui.internal.editor.SeminarEditor;
import org.manabi.ui.internal.editor.SeminarEditorInput;

/**
 * The Problems view over the workbench's own content: edits are made in memory through the editor
 * and thrown away when it closes unsaved.
 */
class ProblemsViewTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    private final ContentRepository repository = PlatformUI.getWorkbench().getService(IEclipseContext.class)
            .get(ContentRepository.class);

    @AfterEach
    void closeEditorsUnsaved() {
        page.closeAllEditors(false);
        Widgets.flush();
    }

    @Test
    void anErrorTypedInTheEditorShowsInProblemsAndDoubleClickLeadsBackToTheField() throws Exception {
        ProblemsView problems = validated();
        assertFalse(shown(problems).stream().anyMatch(p -> p.field().equals("end")), "no timetable problem yet");

        ProgrammeItem opening = SeminarEditorTest.seminar(repository, "dicom-beginner-2027").getProgramme().get(0);
        SeminarEditor editor = (SeminarEditor) page.openEditor(
                new SeminarEditorInput(repository, (org.manabi.model.Seminar) opening.eContainer()), SeminarEditor.ID);
        editor.setActivePage("programme");
        Widgets.flush();
        SeminarEditorTest.typeInCell(SeminarEditorTest.cellTable(editor, "end"), opening, "end", "12:55");
        assertEquals("12:55", opening.getEnd().toString());

        Widgets.waitUntil("the problem shows while the editor is still dirty", 10,
                () -> shown(problems).stream().anyMatch(p -> p.field().equals("end")));
        assertTrue(editor.isDirty(), "found live, before any save");
        ContentProblem problem = shown(problems).stream().filter(p -> p.field().equals("end")).findFirst().orElseThrow();
        assertEquals("seminars/dicom-beginner.manabi", problem.file().toString().replace('\\', '/'));
        assertTrue(problem.element().contains("dicom-beginner-2027-opening"), problem.element());
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "problems");

        page.activate(problems);
        doubleClick(problems, problem);

        assertEquals(editor, page.getActiveEditor());
        assertEquals("programme", editor.getActivePageInstance().getId(), "the timetable page");
        List<Text> cell = Widgets.all(page.getWorkbenchWindow().getShell(), Text.class,
                text -> "end".equals(text.getData("attribute")) && text.isVisible());
        assertEquals(1, cell.size(), "the cell of the field at fault is open for editing");
        assertEquals("12:55", cell.get(0).getText());

        page.closeEditor(editor, false);
        Widgets.flush();
        assertEquals("13:05", opening.getEnd().toString(), "closing unsaved puts the model back");
        Widgets.waitUntil("the problem goes with the edit", 10,
                () -> shown(problems).stream().noneMatch(p -> p.field().equals("end")));
    }

    @Test
    void aQuestionWithoutACorrectChoiceLeadsToItsChoicesOnTheQuizPage() throws Exception {
        ProblemsView problems = validated();
        Seminar seminar = SeminarEditorTest.seminar(repository, "dicom-beginner-2027");
        SingleChoiceQuestion question = (SingleChoiceQuestion) seminar.getQuiz().getQuestions().stream()
                .filter(q -> q.getId().equals("dicom-beginner-q06")).findFirst().orElseThrow();
        Choice correct = question.getChoices().stream().filter(Choice::isCorrect).findFirst().orElseThrow();
        assertFalse(shown(problems).stream().anyMatch(p -> p.element().contains(question.getId())), "no problem yet");

        // the right answer unmarked in the editor, which is then left on another page
        SeminarEditor editor = (SeminarEditor) page.openEditor(new SeminarEditorInput(repository, seminar),
                SeminarEditor.ID);
        editor.commandStack().execute(SetCommand.create(editor.getEditingDomain(), correct,
                ManabiPackage.Literals.CHOICE__CORRECT, false));
        editor.setActivePage("overview");
        Widgets.waitUntil("the question without a right answer shows", 10, () -> shown(problems).stream()
                .anyMatch(p -> p.element().contains(question.getId()) && p.field().equals("choices")));
        ContentProblem problem = shown(problems).stream()
                .filter(p -> p.element().contains(question.getId()) && p.field().equals("choices")).findFirst()
                .orElseThrow();

        page.activate(problems);
        doubleClick(problems, problem);

        assertEquals(editor, page.getActiveEditor());
        assertEquals("quiz", editor.getActivePageInstance().getId(), "the quiz page");
        Control pageControl = editor.getActivePageInstance().getPartControl();
        Table questions = SeminarEditorTest.cellTable(editor, "points");
        assertEquals(1, questions.getSelectionCount());
        assertEquals(question, questions.getSelection()[0].getData(), "the question is selected");
        Table choices = Widgets.one(pageControl, Table.class, table -> "choices".equals(table.getData("attribute")));
        assertTrue(Arrays.stream(choices.getItems()).anyMatch(item -> item.getData() == correct),
                "the selected question's choices are shown");
        assertEquals(choices, choices.getDisplay().getFocusControl(), "the cursor is in its choices");

        // a field of the question itself: its text, emptied
        editor.commandStack().execute(SetCommand.create(editor.getEditingDomain(), question,
                ManabiPackage.Literals.QUESTION__TEXT, null));
        editor.setActivePage("overview");
        Widgets.waitUntil("the question without text shows", 10, () -> shown(problems).stream()
                .anyMatch(p -> p.element().contains(question.getId()) && p.field().equals("text")));
        page.activate(problems);
        doubleClick(problems, shown(problems).stream()
                .filter(p -> p.element().contains(question.getId()) && p.field().equals("text")).findFirst()
                .orElseThrow());
        assertEquals("quiz", editor.getActivePageInstance().getId());
        Control focused = choices.getDisplay().getFocusControl();
        assertTrue(focused instanceof Text && "text".equals(focused.getData("attribute"))
                && !(focused.getParent() instanceof Table), "the cursor is in the question's text: " + focused);

        page.closeEditor(editor, false);
        Widgets.flush();
        assertTrue(correct.isCorrect(), "closing unsaved puts the model back");
        Widgets.waitUntil("the problems go with the edits", 10,
                () -> shown(problems).stream().noneMatch(p -> p.element().contains(question.getId())));
    }

    /** The Problems view, shown, once it has validated all content. */
    private ProblemsView validated() throws Exception {
        ProblemsView problems = (ProblemsView) page.showView(ProblemsView.ID);
        Widgets.waitUntil("the first validation, after the window opened", 30, problems::isUpToDate);
        return problems;
    }

    /** Double-clicks the row of {@code problem}, as a user does to go to it. */
    private static void doubleClick(ProblemsView problems, ContentProblem problem) {
        Table table = problems.viewer().getTable();
        TableItem row = java.util.Arrays.stream(table.getItems()).filter(item -> item.getData() == problem)
                .findFirst().orElseThrow();
        table.setSelection(row);
        table.notifyListeners(SWT.Selection, selectionOf(row));
        table.notifyListeners(SWT.DefaultSelection, selectionOf(row));
        Widgets.flush();
    }

    private static Event selectionOf(TableItem row) {
        Event event = new Event();
        event.item = row;
        return event;
    }

    @SuppressWarnings("unchecked")
    private static List<ContentProblem> shown(ProblemsView view) {
        return (List<ContentProblem>) view.viewer().getInput();
    }
}
