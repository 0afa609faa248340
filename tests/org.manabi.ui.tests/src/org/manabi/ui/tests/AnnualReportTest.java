package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.ui.internal.report.AnnualReportHandler;

/** File > Annual Report…: the dialog filled in as a user would, the report written by a job and found on disk. */
class AnnualReportTest {

    @Test
    void theReportOfTheYearChosenIsWrittenInTheFormatChosen(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("reports").resolve("plan-2027.html");
        Display display = Display.getCurrent();
        List<String> offeredYears = new java.util.ArrayList<>();
        List<String> suggested = new java.util.ArrayList<>();
        // the dialog is modal: it is filled in from a timer of its own event loop
        display.timerExec(100, new Runnable() {
            @Override
            public void run() {
                Shell dialog = Arrays.stream(display.getShells())
                        .filter(shell -> shell.isVisible() && !Widgets.all(shell, Combo.class,
                                combo -> "year".equals(combo.getData("field"))).isEmpty())
                        .findFirst().orElse(null);
                if (dialog == null) {
                    display.timerExec(100, this);
                    return;
                }
                Combo year = Widgets.one(dialog, Combo.class, combo -> "year".equals(combo.getData("field")));
                offeredYears.addAll(Arrays.asList(year.getItems()));
                choose(year, "2027");
                choose(Widgets.one(dialog, Combo.class, combo -> "format".equals(combo.getData("field"))), "HTML");
                Text name = Widgets.one(dialog, Text.class, text -> "file".equals(text.getData("field")));
                suggested.add(name.getText());
                name.setText(file.toString());
                // no external program is started under test
                Widgets.one(dialog, Button.class, button -> "open".equals(button.getData("field"))).setSelection(false);
                Widgets.one(dialog, Button.class, button -> IDialogConstants.OK_LABEL.equals(button.getText()))
                        .notifyListeners(SWT.Selection, new Event());
            }
        });
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class)
                .executeCommand("org.manabi.ui.annualReport", null);
        Job.getJobManager().join(AnnualReportHandler.FAMILY, null);
        Widgets.flush();

        assertEquals("2027", offeredYears.get(0), "the latest planned year comes first");
        assertTrue(offeredYears.contains("2026"));
        assertTrue(suggested.get(0).endsWith("annual-report-2027.html"), "the file name follows year and format");
        assertTrue(Files.isRegularFile(file), "the report is written where asked");
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.contains("<html") || html.contains("<!DOCTYPE"), "as HTML");
        assertTrue(html.contains("2027"), "of fiscal year 2027");
        assertTrue(html.contains("DICOM"), "with the seminars of that year");
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "and no temporary file beside it");
        }
    }

    private static void choose(Combo combo, String item) {
        combo.select(Arrays.asList(combo.getItems()).indexOf(item));
        combo.notifyListeners(SWT.Selection, new Event());
    }
}
