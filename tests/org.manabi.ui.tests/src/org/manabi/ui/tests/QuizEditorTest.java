package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.content.ContentRepository;
import org.manabi.model.Choice;
import org.manabi.model.ManabiPackage;
import org.manabi.model.NumericQuestion;
import org.manabi.model.Question;
import org.manabi.model.Quiz;
import org.manabi.model.Seminar;
import org.manabi.model.SingleChoiceQuestion;
import org.manabi.model.SlideCitation;
import org.manabi.model.SlideDeck;
import org.manabi.ui.internal.Messages;
import org.manabi.ui.internal.editor.ModelTexts;
import org.manabi.ui.internal.editor.SeminarEditor;

/** The quiz and survey pages of the seminar editor, driven through their widgets on a copy of the content. */
class QuizEditorTest {

    private final IWorkbenchPage page = Editors.page();

    @AfterEach
    void closeEditors() {
        Editors.closeAll();
    }

    @Test
    void aNumericQuestionWithToleranceAndACitedPageIsUndoneRedoneAndSaved(@TempDir Path temp) throws Exception {
        ContentRepository repository = ContentRepository.open(copyOfContentWithDecks(temp));
        Seminar seminar = SeminarEditorTest.seminar(repository, "dicom-beginner-2027");
        Quiz quiz = seminar.getQuiz();
        int questionsBefore = quiz.getQuestions().size();
        SeminarEditor editor = Editors.open(repository, seminar);
        editor.setActivePage("quiz");
        Widgets.flush();
        Control pageControl = editor.getActivePageInstance().getPartControl();

        Combo type = Widgets.one(pageControl, Combo.class, combo -> combo.getData("newQuestionType") != null);
        type.select(Arrays.asList(type.getItems()).indexOf(ModelTexts.type(ManabiPackage.Literals.NUMERIC_QUESTION)));
        press(Widgets.all(pageControl, Button.class, button -> Messages.Table_add.equals(button.getText())).get(0));
        assertEquals(questionsBefore + 1, quiz.getQuestions().size(), "Add adds a question");
        NumericQuestion added = (NumericQuestion) quiz.getQuestions().get(questionsBefore);
        assertNotNull(added.getId(), "a new question gets an id");

        Text tolerance = Widgets.one(pageControl, Text.class, text -> "tolerance".equals(text.getData("attribute")));
        type(tolerance, "zero point five");
        assertEquals(0.0, added.getTolerance(), "a tolerance that is not a number never reaches the model");
        type(tolerance, "0.5");
        assertEquals(0.5, added.getTolerance());

        SlideDeck firstDeck = (SlideDeck) seminar.getMaterials().stream().filter(SlideDeck.class::isInstance)
                .findFirst().orElseThrow();
        Table thumbnails = Widgets.one(pageControl, Table.class, table -> table.getData("thumbnails") != null);
        assertEquals(firstDeck.getPageCount(), thumbnails.getItemCount(), "one thumbnail per page of the first deck");
        Widgets.waitUntil("the third page's thumbnail", 60, () -> thumbnails.getItem(2).getImage() != null);
        assertEquals(120, thumbnails.getItem(2).getImage().getBounds().width, "rendered by PDFBox at thumbnail size");
        thumbnails.setSelection(2);
        press(Widgets.one(pageControl, Button.class, button -> "page".equals(button.getData("action"))));
        assertEquals(1, added.getCitations().size(), "the picked page is cited");
        assertEquals(firstDeck, added.getCitations().get(0).getDeck());
        assertEquals(3, added.getCitations().get(0).getPage());
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "seminar-editor-quiz");

        Editors.command(IWorkbenchCommandConstants.EDIT_UNDO);
        assertTrue(added.getCitations().isEmpty(), "Edit > Undo takes the citation back");
        Editors.command(IWorkbenchCommandConstants.EDIT_UNDO);
        assertEquals(0.0, added.getTolerance(), "and then the tolerance");
        assertEquals("0.0", tolerance.getText(), "the field shows the undone value");
        Editors.command(IWorkbenchCommandConstants.EDIT_REDO);
        Editors.command(IWorkbenchCommandConstants.EDIT_REDO);
        assertEquals(0.5, added.getTolerance(), "Edit > Redo");
        assertEquals(3, added.getCitations().get(0).getPage());
        assertTrue(editor.isDirty());

        Editors.command(IWorkbenchCommandConstants.FILE_SAVE);
        assertFalse(editor.isDirty(), "saved");
        Quiz reread = SeminarEditorTest.seminar(ContentRepository.open(repository.root()), "dicom-beginner-2027").getQuiz();
        Question saved = reread.getQuestions().stream().filter(q -> q.getId().equals(added.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("the new question is in the file"));
        assertEquals(0.5, ((NumericQuestion) saved).getTolerance(), "the file holds the tolerance");
        SlideCitation citation = saved.getCitations().get(0);
        assertEquals(firstDeck.getId(), citation.getDeck().getId(), "and the cited deck");
        assertEquals(3, citation.getPage(), "and page");
    }

    @Test
    void aSingleChoiceQuestionGetsChoicesAndAClickMarksTheRightOne(@TempDir Path temp) throws Exception {
        ContentRepository repository = ContentRepository.open(SeminarEditorTest.copyOfContent(temp));
        Seminar seminar = SeminarEditorTest.seminar(repository, "dicom-beginner-2027");
        Quiz quiz = seminar.getQuiz();
        SeminarEditor editor = Editors.open(repository, seminar);
        editor.setActivePage("quiz");
        Widgets.flush();
        Control pageControl = editor.getActivePageInstance().getPartControl();
        Combo type = Widgets.one(pageControl, Combo.class, combo -> combo.getData("newQuestionType") != null);
        type.select(Arrays.asList(type.getItems()).indexOf(ModelTexts.type(ManabiPackage.Literals.SINGLE_CHOICE_QUESTION)));
        press(Widgets.all(pageControl, Button.class, button -> Messages.Table_add.equals(button.getText())).get(0));
        SingleChoiceQuestion added = (SingleChoiceQuestion) quiz.getQuestions().get(quiz.getQuestions().size() - 1);

        // the second Add button is the choices table's, in the selected question's part of the page
        press(Widgets.all(pageControl, Button.class, button -> Messages.Table_add.equals(button.getText())).get(1));
        assertEquals(1, added.getChoices().size(), "a choice is added to the selected question");
        Choice choice = added.getChoices().get(0);
        Table choices = SeminarEditorTest.cellTable(editor, "correct");
        SeminarEditorTest.typeInCell(choices, choice, "text", "DICOM Part 10");
        assertEquals("DICOM Part 10", choice.getText());
        SeminarEditorTest.clickCell(choices, choice, "correct");
        assertTrue(choice.isCorrect(), "a click on the cell marks the choice correct");

        Editors.command(IWorkbenchCommandConstants.EDIT_UNDO);
        assertFalse(choice.isCorrect(), "Edit > Undo");
    }

    @Test
    void aSeminarWithoutSurveyOffersToCreateOneAndUndoTakesItBack(@TempDir Path temp) throws Exception {
        ContentRepository repository = ContentRepository.open(SeminarEditorTest.copyOfContent(temp));
        Seminar seminar = SeminarEditorTest.seminar(repository, "dicom-beginner-2027");
        SeminarEditor editor = Editors.open(repository, seminar);
        editor.setActivePage("survey");
        Widgets.flush();
        // the survey removed as the explorer's Delete would: one command on the editor's stack
        editor.commandStack().execute(SetCommand.create(editor.getEditingDomain(), seminar,
                ManabiPackage.Literals.SEMINAR__SURVEY, null));
        Widgets.flush();
        Control pageControl = editor.getActivePageInstance().getPartControl();

        press(Widgets.one(pageControl, Button.class, button -> "create".equals(button.getData("action"))));
        assertNotNull(seminar.getSurvey(), "Create makes a survey");
        assertEquals("dicom-beginner-2027-survey", seminar.getSurvey().getId(), "named after the seminar, id free again");
        assertEquals(1, Widgets.all(pageControl, Text.class, text -> "title".equals(text.getData("attribute"))).size(),
                "the page now shows the survey's settings");

        Editors.command(IWorkbenchCommandConstants.EDIT_UNDO);
        assertNull(seminar.getSurvey(), "Edit > Undo takes it back");
        assertEquals(1, Widgets.all(pageControl, Button.class, button -> "create".equals(button.getData("action"))).size(),
                "and the page offers to create one again");
    }

    @Test
    void questionTextAndFeedbackAreWrittenOnSeveralLines(@TempDir Path temp) throws Exception {
        ContentRepository repository = ContentRepository.open(SeminarEditorTest.copyOfContent(temp));
        Seminar seminar = SeminarEditorTest.seminar(repository, "dicom-beginner-2027");
        Question question = seminar.getQuiz().getQuestions().get(0);
        String textBefore = question.getText();
        SeminarEditor editor = Editors.open(repository, seminar);
        editor.setActivePage("quiz");
        Widgets.flush();
        select(SeminarEditorTest.cellTable(editor, "points"), question);
        Control pageControl = editor.getActivePageInstance().getPartControl();

        Text text = field(pageControl, "text");
        Text feedback = field(pageControl, "feedback");
        for (Text field : List.of(text, feedback)) {
            assertTrue((field.getStyle() & SWT.MULTI) != 0 && (field.getStyle() & SWT.WRAP) != 0,
                    field.getData("attribute") + " is a wrapping field of several lines");
            assertTrue(field.getSize().y >= 3 * field.getLineHeight(),
                    field.getData("attribute") + " shows a few lines: " + field.getSize().y + " px");
        }
        assertEquals(textBefore, text.getText());

        text.setFocus();
        text.setText("DICOM の UID について。\n正しいものを一つ選べ。");
        Widgets.flush();
        assertEquals(textBefore, question.getText(), "set when the field is left, not per key");
        text.notifyListeners(SWT.FocusOut, new Event());
        Widgets.flush();
        assertEquals("DICOM の UID について。\n正しいものを一つ選べ。", question.getText(), "the line break is kept");
        feedback.setText("第 2 章を見直してください。\nUID のルートは 1.2.840.10008 です。");
        feedback.notifyListeners(SWT.FocusOut, new Event());
        Widgets.flush();
        assertEquals("第 2 章を見直してください。\nUID のルートは 1.2.840.10008 です。", question.getFeedback());

        Editors.command(IWorkbenchCommandConstants.EDIT_UNDO);
        Editors.command(IWorkbenchCommandConstants.EDIT_UNDO);
        assertEquals(textBefore, question.getText(), "Edit > Undo");
        assertEquals(textBefore, text.getText(), "the field shows the undone text");
        Editors.command(IWorkbenchCommandConstants.EDIT_REDO);
        Editors.command(IWorkbenchCommandConstants.FILE_SAVE);
        Question saved = SeminarEditorTest.seminar(ContentRepository.open(repository.root()), "dicom-beginner-2027")
                .getQuiz().getQuestions().get(0);
        assertEquals("DICOM の UID について。\n正しいものを一つ選べ。", saved.getText(), "the file keeps the two lines");
    }

    @Test
    void aQuestionDraggedOntoTheLowerHalfOfAnotherMovesBelowItAndUndoPutsItBack(@TempDir Path temp) throws Exception {
        ContentRepository repository = ContentRepository.open(SeminarEditorTest.copyOfContent(temp));
        Seminar seminar = SeminarEditorTest.seminar(repository, "dicom-beginner-2027");
        Quiz quiz = seminar.getQuiz();
        List<Question> before = List.copyOf(quiz.getQuestions());
        assertTrue(before.size() >= 4, "the DICOM quiz has questions to reorder");
        SeminarEditor editor = Editors.open(repository, seminar);
        editor.setActivePage("quiz");
        Widgets.flush();
        Table questions = SeminarEditorTest.cellTable(editor, "points");

        select(questions, before.get(0));
        assertTrue(DragAndDrop.dragSelection(questions), "a question can be dragged");
        assertEquals(DND.DROP_NONE, DragAndDrop.drop(questions, DragAndDrop.row(questions, before.get(0)), true),
                "not onto itself");
        assertEquals(DND.DROP_MOVE, DragAndDrop.drop(questions, DragAndDrop.row(questions, before.get(2)), true));
        List<Question> moved = new ArrayList<>(before);
        moved.add(2, moved.remove(0));
        assertEquals(moved, quiz.getQuestions(), "the first question is now below the third");
        assertEquals(before.get(0), DragAndDrop.row(questions, before.get(0)).getData(), "the table shows it");
        assertEquals(2, questions.indexOf(DragAndDrop.row(questions, before.get(0))), "in its new place");

        select(questions, before.get(3));
        DragAndDrop.dragSelection(questions);
        assertEquals(DND.DROP_MOVE, DragAndDrop.drop(questions, DragAndDrop.row(questions, before.get(1)), false));
        List<Question> movedAgain = new ArrayList<>(moved);
        movedAgain.add(0, movedAgain.remove(3));
        assertEquals(movedAgain, quiz.getQuestions(), "the upper half of a row: above it");

        Editors.command(IWorkbenchCommandConstants.EDIT_UNDO);
        assertEquals(moved, quiz.getQuestions(), "Edit > Undo takes one drop back");
        Editors.command(IWorkbenchCommandConstants.EDIT_UNDO);
        assertEquals(before, quiz.getQuestions(), "and the other");
        assertEquals(0, questions.indexOf(DragAndDrop.row(questions, before.get(0))), "the table follows");
        Editors.command(IWorkbenchCommandConstants.EDIT_REDO);
        assertEquals(moved, quiz.getQuestions(), "Edit > Redo");
        Editors.command(IWorkbenchCommandConstants.FILE_SAVE);
        List<String> saved = SeminarEditorTest.seminar(ContentRepository.open(repository.root()), "dicom-beginner-2027")
                .getQuiz().getQuestions().stream().map(Question::getId).toList();
        assertEquals(moved.stream().map(Question::getId).toList(), saved, "saved in the new order");
    }

    /** Selects the row of {@code element} as a click does. */
    private static void select(Table table, Object element) {
        TableItem row = DragAndDrop.row(table, element);
        table.setSelection(row);
        Event select = new Event();
        select.item = row;
        table.notifyListeners(SWT.Selection, select);
        Widgets.flush();
    }

    /** The field of the selected question's {@code attribute}, not a cell editor of a table. */
    private static Text field(Control pageControl, String attribute) {
        return Widgets.one(pageControl, Text.class,
                text -> attribute.equals(text.getData("attribute")) && !(text.getParent() instanceof Table));
    }

    private static void press(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
        Widgets.flush();
    }

    private static void type(Text field, String typed) {
        field.setText(typed);
        Widgets.flush();
        field.notifyListeners(SWT.DefaultSelection, new Event());
        Widgets.flush();
    }

    /** The content copy with its slide PDFs, whose pages the citation picker shows. */
    private static Path copyOfContentWithDecks(Path temp) throws IOException {
        Path target = SeminarEditorTest.copyOfContent(temp);
        Path decks = Path.of(System.getProperty("manabi.repository"), "content", "decks");
        try (Stream<Path> pdfs = Files.list(decks)) {
            for (Path pdf : (Iterable<Path>) pdfs::iterator) {
                Files.copy(pdf, target.resolve("decks").resolve(pdf.getFileName().toString()));
            }
        }
        return target;
    }
}
