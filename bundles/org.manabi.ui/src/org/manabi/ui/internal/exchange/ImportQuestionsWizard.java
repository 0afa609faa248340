package org.manabi.ui.internal.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.manabi.content.ContentRepository;
import org.manabi.exchange.ImportResult;
import org.manabi.exchange.ImportedQuestion;
import org.manabi.exchange.QuestionBanks;
import org.manabi.exchange.QuestionFormat;
import org.manabi.model.Quiz;
import org.manabi.ui.internal.editor.ModelTexts;
import org.manabi.ui.internal.editor.SeminarEditor;

/**
 * File &gt; Import &gt; Questions: a GIFT or Moodle XML bank into a quiz. The first page picks the
 * file and the quiz; the second reads the file in a job and lists every question it could read and
 * every problem (line, question, reason) without changing anything; Finish appends the readable
 * questions as one command of the seminar's editor (so Edit &gt; Undo takes them out again) and
 * saves the content file atomically, as the editor's Save does.
 */
public final class ImportQuestionsWizard extends Wizard implements IImportWizard {

    /** The job reading the bank belongs to this family; tests wait for it. */
    public static final Object FAMILY = ImportQuestionsWizard.class;

    private static final List<QuestionFormat> FORMATS = List.of(QuestionFormat.GIFT, QuestionFormat.MOODLE_XML);

    private IWorkbench workbench;
    private ContentRepository content;
    private IStructuredSelection selection;
    private SourcePage source;
    private PreviewPage preview;

    @Override
    public void init(IWorkbench bench, IStructuredSelection chosen) {
        workbench = bench;
        content = bench.getService(ContentRepository.class);
        selection = chosen;
        setWindowTitle(Messages.Import_title);
    }

    @Override
    public void addPages() {
        source = new SourcePage();
        preview = new PreviewPage();
        addPage(source);
        addPage(preview);
    }

    @Override
    public boolean canFinish() {
        return preview.isPageComplete() && getContainer().getCurrentPage() == preview;
    }

    @Override
    public boolean performFinish() {
        Quiz quiz = source.quiz.quiz();
        IWorkbenchPage page = workbench.getActiveWorkbenchWindow().getActivePage();
        SeminarEditor editor;
        try {
            editor = SeminarEditor.open(page, content, quiz);
        } catch (PartInitException e) {
            preview.setErrorMessage(e.getMessage());
            return false;
        }
        if (editor.isDirty()) {
            preview.setErrorMessage(NLS.bind(Messages.Import_unsaved, editor.getPartName()));
            return false;
        }
        ImportQuestionsCommand command = new ImportQuestionsCommand(quiz, preview.read);
        editor.commandStack().execute(command);
        editor.doSave(new NullProgressMonitor());
        ImportResult outcome = command.outcome();
        editor.getEditorSite().getActionBars().getStatusLineManager().setMessage(NLS.bind(Messages.Import_done,
                new Object[] { outcome.questions().size(), quiz.getId(), outcome.skipped() }));
        return true;
    }

    /** The page choosing the file, for tests. */
    public void choose(Path file, String quizId) {
        source.file.setText(file.toString());
        source.quiz.select(quizId);
    }

    /** The questions listed on the preview, for tests. */
    public TableViewer questions() {
        return preview.questions;
    }

    /** The problems listed on the preview, for tests. */
    public TableViewer problems() {
        return preview.problems.viewer();
    }

    private final class SourcePage extends WizardPage {

        private Text file;
        private Combo format;
        private QuizField quiz;

        SourcePage() {
            super("source", Messages.Import_sourceTitle, null);
            setDescription(Messages.Import_sourceDescription);
            setPageComplete(false);
        }

        @Override
        public void createControl(Composite parent) {
            Composite page = new Composite(parent, SWT.NONE);
            GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
            new Label(page, SWT.NONE).setText(Messages.Page_file);
            file = new Text(page, SWT.BORDER);
            GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(file);
            Button browse = new Button(page, SWT.PUSH);
            browse.setText(Messages.Page_browse);
            browse.addListener(SWT.Selection, event -> {
                FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
                dialog.setFilterExtensions(new String[] { "*.gift;*.txt;*.xml", "*.*" });
                String chosen = dialog.open();
                if (chosen != null) {
                    file.setText(chosen);
                }
            });
            new Label(page, SWT.NONE).setText(Messages.Page_format);
            format = new Combo(page, SWT.READ_ONLY);
            format.add(Messages.Page_formatGuess);
            FORMATS.forEach(f -> format.add(ExportQuestionsWizard.name(f)));
            format.select(0);
            GridDataFactory.fillDefaults().span(2, 1).applyTo(format);
            quiz = new QuizField(page, content, selection);
            file.addListener(SWT.Modify, event -> check());
            quiz.onChange(this::check);
            setControl(page);
            check();
        }

        private void check() {
            String path = file.getText().strip();
            String problem = quiz.quiz() == null ? Messages.Page_noQuiz
                    : path.isEmpty() ? Messages.Page_noFile
                            : !Files.isRegularFile(Path.of(path)) ? NLS.bind(Messages.Page_noSuchFile, path) : null;
            setErrorMessage(path.isEmpty() ? null : problem);
            setPageComplete(problem == null);
        }

        /** The format chosen, or null to guess it from the file. */
        QuestionFormat format() {
            return format.getSelectionIndex() <= 0 ? null : FORMATS.get(format.getSelectionIndex() - 1);
        }
    }

    private final class PreviewPage extends JobPreviewPage<ImportResult> {

        private TableViewer questions;
        private ProblemTable problems;
        private Path file;
        private ImportResult read;

        PreviewPage() {
            super("preview", Messages.Import_previewTitle, Messages.Import_previewDescription, FAMILY);
        }

        @Override
        protected void createTables(Composite body) {
            SashForm tables = new SashForm(body, SWT.VERTICAL);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(tables);
            questions = ProblemTable.table(tables);
            ProblemTable.column(questions, Messages.Column_line, 50, q -> ((ImportedQuestion) q).line() + "");
            ProblemTable.column(questions, Messages.Column_question, 160, q -> ((ImportedQuestion) q).label());
            ProblemTable.column(questions, Messages.Column_kind, 140,
                    q -> ModelTexts.type(((ImportedQuestion) q).question().eClass()));
            ProblemTable.column(questions, Messages.Column_text, 360,
                    q -> Objects.toString(((ImportedQuestion) q).question().getText(), ""));
            problems = new ProblemTable(tables, true);
        }

        @Override
        public void setVisible(boolean visible) {
            super.setVisible(visible);
            if (visible) {
                Path chosenFile = Path.of(source.file.getText().strip());
                QuestionFormat chosenFormat = source.format();
                file = chosenFile;
                read = null;
                run(NLS.bind(Messages.Import_reading, chosenFile.getFileName()), () -> read(chosenFile, chosenFormat));
            }
        }

        /** Reads the bank, changing nothing; the format guessed from the file unless one was chosen. */
        private ImportResult read(Path bank, QuestionFormat chosen) throws IOException {
            byte[] bytes = Files.readAllBytes(bank);
            QuestionFormat format = chosen != null ? chosen : QuestionFormat.guess(bank.getFileName().toString(), bytes);
            if (format == null || !format.readable()) {
                throw new IllegalArgumentException(NLS.bind(Messages.Import_unknownFormat, bank));
            }
            return QuestionBanks.read(bytes, format);
        }

        @Override
        protected void clear() {
            questions.setInput(List.of());
            problems.show(List.of());
        }

        @Override
        protected boolean show(ImportResult result) {
            read = result;
            long warnings = result.problems().size() - result.skipped();
            setCounts(NLS.bind(Messages.Import_previewCounts,
                    new Object[] { result.questions().size(), result.skipped(), warnings }));
            questions.setInput(result.questions());
            problems.show(result.problems());
            if (result.questions().isEmpty()) {
                setErrorMessage(Messages.Import_nothing);
            }
            return !result.questions().isEmpty();
        }

        @Override
        protected String failure(Exception e) {
            return e instanceof IOException ? NLS.bind(Messages.Import_cannotRead, file, e.getMessage()) : e.getMessage();
        }
    }
}
