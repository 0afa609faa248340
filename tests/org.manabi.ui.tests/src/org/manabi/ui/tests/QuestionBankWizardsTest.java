package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.content.ContentRepository;
import org.manabi.exchange.ExchangeProblem;
import org.manabi.exchange.ImportResult;
import org.manabi.exchange.QuestionBanks;
import org.manabi.exchange.QuestionFormat;
import org.manabi.model.Quiz;
import org.manabi.model.Seminar;
import org.manabi.ui.internal.editor.SeminarEditor;
import org.manabi.ui.internal.exchange.ExportQuestionsWizard;
import org.manabi.ui.internal.exchange.ImportQuestionsWizard;

/**
 * File &gt; Import and Export of question banks, driven through the wizards' buttons: a bank with one
 * broken question previews the good ones and names the bad one by line, question and reason; Finish
 * imports the good ones into the quiz's file, and Undo takes them out. Export lists what GIFT cannot
 * carry and writes a bank that reads back whole.
 */
class QuestionBankWizardsTest {

    private static final String QUIZ = "dicom-beginner-2027-quiz";
    private static final String BANK = """
            ::Modality::CT を表す DICOM の Modality 値はどれか。{=CT ~MR ~US}

            ::Broken::This block never closes {=yes ~no

            ::Port::DICOM の標準ポート番号はいくつか。{#104}
            """;

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    private final ContentRepository content = PlatformUI.getWorkbench().getService(ContentRepository.class);

    @AfterEach
    void closeEditors() {
        page.closeAllEditors(false);
    }

    @Test
    void importPreviewsEveryProblemAndImportsTheReadableQuestionsUndoably(@TempDir Path temp) throws Exception {
        Path bank = temp.resolve("dicom-extra.gift");
        Files.writeString(bank, BANK, StandardCharsets.UTF_8);
        Quiz quiz = quiz();
        int before = quiz.getQuestions().size();
        Path file = Path.of(quiz.eResource().getURI().toFileString());

        // as File > Import finds it
        ImportQuestionsWizard wizard = (ImportQuestionsWizard) PlatformUI.getWorkbench().getImportWizardRegistry()
                .findWizard("org.manabi.ui.importQuestions").createWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        WizardDialog dialog = open(wizard);
        wizard.choose(bank, QUIZ);
        press(dialog.getShell(), IDialogConstants.NEXT_LABEL);
        Widgets.waitUntil("the bank is read", 30, wizard::canFinish);

        List<String> questions = List.of(wizard.questions().getTable().getItems()).stream().map(row -> row.getText(1))
                .toList();
        assertEquals(List.of("Modality", "Port"), questions, "the readable questions, in file order");
        @SuppressWarnings("unchecked")
        List<ExchangeProblem> problems = (List<ExchangeProblem>) wizard.problems().getInput();
        List<ExchangeProblem> errors = problems.stream().filter(p -> p.severity() == ExchangeProblem.Severity.ERROR)
                .toList();
        assertEquals(1, errors.size(), "one question skipped: the broken one; " + problems);
        TableItem broken = List.of(wizard.problems().getTable().getItems()).get(problems.indexOf(errors.get(0)));
        assertEquals(List.of("3", "Broken"), List.of(broken.getText(1), broken.getText(2)), "its line and question");
        assertTrue(broken.getText(3).contains("{"), broken.getText(3));
        assertEquals(before, quiz.getQuestions().size(), "nothing changes before Finish");
        Widgets.screenshot(dialog.getShell(), "import-questions");

        press(dialog.getShell(), IDialogConstants.FINISH_LABEL);
        Widgets.waitUntil("the wizard closes", 10, () -> dialog.getShell() == null);
        assertEquals(before + 2, quiz.getQuestions().size());
        String saved = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(saved.contains("CT を表す DICOM の Modality 値はどれか。") && saved.contains("標準ポート番号"),
                "saved in the quiz's content file");
        assertFalse(saved.contains("This block never closes"));

        SeminarEditor editor = (SeminarEditor) page.getActiveEditor();
        assertFalse(editor.isDirty(), "saved as the editor saves");
        editor.commandStack().undo();
        assertEquals(before, quiz.getQuestions().size(), "Undo takes the imported questions out");
        editor.doSave(new NullProgressMonitor());
        assertFalse(Files.readString(file, StandardCharsets.UTF_8).contains("標準ポート番号"));
    }

    @Test
    void exportListsWhatGiftCannotCarryAndWritesABankThatReadsBack(@TempDir Path temp) throws Exception {
        Path out = temp.resolve("dicom.gift");
        ExportQuestionsWizard wizard = (ExportQuestionsWizard) PlatformUI.getWorkbench().getExportWizardRegistry()
                .findWizard("org.manabi.ui.exportQuestions").createWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(quiz()));
        WizardDialog dialog = open(wizard);
        wizard.choose(QUIZ, QuestionFormat.GIFT, out);
        press(dialog.getShell(), IDialogConstants.NEXT_LABEL);
        Widgets.waitUntil("the quiz is written", 30, wizard::canFinish);
        @SuppressWarnings("unchecked")
        List<ExchangeProblem> problems = (List<ExchangeProblem>) wizard.problems().getInput();
        assertTrue(problems.stream().anyMatch(p -> p.severity() == ExchangeProblem.Severity.WARNING),
                "GIFT cannot carry the slide citations: " + problems);
        long leftOut = problems.stream().filter(p -> p.severity() == ExchangeProblem.Severity.ERROR).count();
        Widgets.screenshot(dialog.getShell(), "export-questions");

        press(dialog.getShell(), IDialogConstants.FINISH_LABEL);
        Widgets.waitUntil("the file is written", 30, () -> Files.exists(out));
        ImportResult back = QuestionBanks.read(Files.readAllBytes(out), QuestionFormat.GIFT);
        assertEquals(quiz().getQuestions().size() - leftOut, back.questions().size(), back.problems().toString());
    }

    private Quiz quiz() {
        return content.curricula().stream().flatMap(c -> c.getPlans().stream()).flatMap(p -> p.getSeminars().stream())
                .map(Seminar::getQuiz).filter(q -> q != null && QUIZ.equals(q.getId())).findFirst().orElseThrow();
    }

    private static WizardDialog open(IWizard wizard) {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        WizardDialog dialog = new WizardDialog(shell, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    private static void press(Shell shell, String label) {
        Button button = Widgets.one(shell, Button.class, b -> label.equals(b.getText()));
        assertTrue(button.isEnabled(), label + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
    }
}
