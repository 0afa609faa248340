package org.manabi.ui.internal.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;
import org.manabi.content.ContentRepository;
import org.manabi.exchange.ExchangeProblem;
import org.manabi.exchange.QuestionBanks;
import org.manabi.exchange.QuestionFormat;
import org.manabi.model.Quiz;
import org.manabi.ui.internal.Jobs;

/**
 * File &gt; Export &gt; Questions: a quiz as GIFT, Moodle XML or a QTI 2.1 package. The second page
 * writes the quiz in a job into memory and lists what the format cannot carry (a question left out,
 * a part of one dropped); Finish writes the file in a job, atomically (a temporary file renamed), so
 * that a failed export never leaves half a bank where the old one was.
 */
public final class ExportQuestionsWizard extends Wizard implements IExportWizard {

    /** Jobs writing a quiz belong to this family; tests wait for them. */
    public static final Object FAMILY = ExportQuestionsWizard.class;

    private ContentRepository content;
    private IStructuredSelection selection;
    private TargetPage target;
    private ProblemsPage problems;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection chosen) {
        content = workbench.getService(ContentRepository.class);
        selection = chosen;
        setWindowTitle(Messages.Export_title);
    }

    /** The name a person knows a format by. */
    static String name(QuestionFormat format) {
        return switch (format) {
            case GIFT -> Messages.Format_gift;
            case MOODLE_XML -> Messages.Format_moodlexml;
            case QTI21 -> Messages.Format_qti21;
        };
    }

    private static String extension(QuestionFormat format) {
        return switch (format) {
            case GIFT -> ".gift";
            case MOODLE_XML -> ".xml";
            case QTI21 -> ".zip";
        };
    }

    @Override
    public void addPages() {
        target = new TargetPage();
        problems = new ProblemsPage();
        addPage(target);
        addPage(problems);
    }

    @Override
    public boolean canFinish() {
        return problems.isPageComplete() && getContainer().getCurrentPage() == problems;
    }

    @Override
    public boolean performFinish() {
        Path file = Path.of(target.file.getText().strip());
        byte[] bytes = problems.written;
        Display display = getShell().getDisplay();
        Job job = Jobs.of(NLS.bind(Messages.Export_writing, file.getFileName()), FAMILY, monitor -> {
            try {
                Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".export-", ".tmp");
                try {
                    Files.write(temporary, bytes);
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                display.asyncExec(() -> MessageDialog.openError(null, Messages.Export_title,
                        NLS.bind(Messages.Export_failed, file, e.getMessage())));
            }
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return true;
    }

    /** Fills the first page, for tests. */
    public void choose(String quizId, QuestionFormat format, Path file) {
        target.quiz.select(quizId);
        target.format.select(List.of(QuestionFormat.values()).indexOf(format));
        target.file.setText(file.toString());
    }

    /** The problems listed on the second page, for tests. */
    public TableViewer problems() {
        return problems.table.viewer();
    }

    private final class TargetPage extends WizardPage {

        private QuizField quiz;
        private Combo format;
        private Text file;

        TargetPage() {
            super("target", Messages.Export_targetTitle, null);
            setDescription(Messages.Export_targetDescription);
            setPageComplete(false);
        }

        @Override
        public void createControl(Composite parent) {
            Composite page = new Composite(parent, SWT.NONE);
            GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
            quiz = new QuizField(page, content, selection);
            new Label(page, SWT.NONE).setText(Messages.Page_format);
            format = new Combo(page, SWT.READ_ONLY);
            for (QuestionFormat each : QuestionFormat.values()) {
                format.add(name(each));
            }
            format.select(0);
            GridDataFactory.fillDefaults().span(2, 1).applyTo(format);
            new Label(page, SWT.NONE).setText(Messages.Page_file);
            file = new Text(page, SWT.BORDER);
            GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(file);
            Button browse = new Button(page, SWT.PUSH);
            browse.setText(Messages.Page_browse);
            browse.addListener(SWT.Selection, event -> {
                FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
                dialog.setOverwrite(true);
                dialog.setFilterExtensions(new String[] { "*" + extension(format()) });
                if (quiz.quiz() != null) {
                    dialog.setFileName(quiz.quiz().getId() + extension(format()));
                }
                String chosen = dialog.open();
                if (chosen != null) {
                    file.setText(chosen);
                }
            });
            quiz.onChange(this::check);
            format.addListener(SWT.Selection, event -> check());
            file.addListener(SWT.Modify, event -> check());
            setControl(page);
            check();
        }

        QuestionFormat format() {
            return QuestionFormat.values()[format.getSelectionIndex()];
        }

        private void check() {
            String path = file.getText().strip();
            Path parent = path.isEmpty() ? null : Path.of(path).toAbsolutePath().getParent();
            String problem = quiz.quiz() == null ? Messages.Page_noQuiz
                    : path.isEmpty() ? Messages.Page_noFile
                            : parent == null || !Files.isDirectory(parent) ? NLS.bind(Messages.Page_noSuchFile, parent)
                                    : null;
            setErrorMessage(path.isEmpty() ? null : problem);
            setPageComplete(problem == null);
        }
    }

    private final class ProblemsPage extends JobPreviewPage<ProblemsPage.Written> {

        /** A quiz written into memory, and what the format could not carry. */
        private record Written(int questions, byte[] bytes, List<ExchangeProblem> problems) {
        }

        private ProblemTable table;
        private byte[] written;

        ProblemsPage() {
            super("problems", Messages.Export_problemsTitle, Messages.Export_problemsDescription, FAMILY);
        }

        @Override
        protected void createTables(Composite body) {
            table = new ProblemTable(body, false);
            GridDataFactory.fillDefaults().grab(true, true).applyTo(table.viewer().getControl());
        }

        @Override
        public void setVisible(boolean visible) {
            super.setVisible(visible);
            if (visible) {
                // a copy, taken here on the UI thread where the model is edited, is written in the job
                Quiz copy = EcoreUtil.copy(target.quiz.quiz());
                QuestionFormat format = target.format();
                written = null;
                run(NLS.bind(Messages.Export_writing, copy.getId()), () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    List<ExchangeProblem> problems = QuestionBanks.write(copy, format, out);
                    return new Written(copy.getQuestions().size(), out.toByteArray(), problems);
                });
            }
        }

        @Override
        protected void clear() {
            table.show(List.of());
        }

        @Override
        protected boolean show(Written quiz) {
            List<ExchangeProblem> found = quiz.problems();
            long leftOut = found.stream().filter(p -> p.severity() == ExchangeProblem.Severity.ERROR).count();
            setCounts(found.isEmpty() ? Messages.Export_problemsNone
                    : NLS.bind(Messages.Export_problemsCount, new Object[] { quiz.questions(), leftOut,
                            found.size() - leftOut }));
            table.show(found);
            written = quiz.bytes();
            return true;
        }

        @Override
        protected String failure(Exception e) {
            return NLS.bind(Messages.Export_failed, target.file.getText().strip(), e.getMessage());
        }
    }
}
