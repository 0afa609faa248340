package org.manabi.ui.internal.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.manabi.content.ContentRepository;
import org.manabi.model.Curriculum;
import org.manabi.report.AnnualPlan;
import org.manabi.report.AnnualPlans;
import org.manabi.report.ReportException;
import org.manabi.report.ReportWriter;
import org.manabi.ui.internal.Jobs;

/**
 * File &gt; Annual Report…: the report {@code manabi report} writes, of a fiscal year the curricula
 * plan, as CSV, HTML or PDF, then opened with the desktop's program for it. The plan is taken from
 * the model on the UI thread (the model is not thread-safe; unsaved edits of open editors count, as
 * they show); writing the file, the slow part for a PDF, is a job with progress.
 */
public final class AnnualReportHandler extends AbstractHandler {

    /** The family of the jobs that write reports, for tests that wait for them. */
    public static final Object FAMILY = AnnualReportHandler.class;

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        Shell shell = HandlerUtil.getActiveShellChecked(event);
        ContentRepository content = PlatformUI.getWorkbench().getService(IEclipseContext.class)
                .get(ContentRepository.class);
        if (content == null) {
            MessageDialog.openError(shell, Messages.Failed_title, Messages.NoContent);
            return null;
        }
        List<Curriculum> curricula = content.curricula();
        List<Integer> years = curricula.stream().flatMap(curriculum -> curriculum.getPlans().stream())
                .map(plan -> plan.getFiscalYear()).distinct().sorted(Comparator.reverseOrder()).toList();
        AnnualReportDialog dialog = new AnnualReportDialog(shell, years, Path.of(System.getProperty("user.home")));
        if (dialog.open() != Window.OK) {
            return null;
        }
        AnnualReportRequest request = dialog.request();
        try {
            AnnualPlan plan = AnnualPlans.of(curricula, request.fiscalYear());
            Display display = shell.getDisplay();
            Job job = Jobs.of(NLS.bind(Messages.Job_writing, request.fiscalYear(), request.file()), FAMILY,
                    monitor -> write(plan, request, display));
            job.setUser(true);
            job.schedule();
        } catch (ReportException e) {
            MessageDialog.openError(shell, Messages.Failed_title,
                    NLS.bind(Messages.Failed, new Object[] { request.fiscalYear(), request.file(), e.getMessage() }));
        }
        return null;
    }

    /** Writes the file whole or not at all (a temporary file renamed), then opens it if asked. */
    private static IStatus write(AnnualPlan plan, AnnualReportRequest request, Display display) {
        Path target = request.file().toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".annual-report", ".part");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    ReportWriter.write(plan, request.format(), out);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | ReportException e) {
            // an error status of a user job is shown by the workbench, with the message
            return Status.error(NLS.bind(Messages.Failed,
                    new Object[] { request.fiscalYear(), target, e.getMessage() }), e);
        }
        if (request.open()) {
            display.asyncExec(() -> Program.launch(target.toString()));
        }
        return Status.OK_STATUS;
    }
}
