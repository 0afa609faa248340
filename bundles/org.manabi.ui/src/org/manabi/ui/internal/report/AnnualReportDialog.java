package org.manabi.ui.internal.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.manabi.report.ReportFormat;

/**
 * Asks which fiscal year's report to write, in which format, to which file, and whether to open it.
 * The file name follows the year and format chosen until the user types or browses one.
 */
final class AnnualReportDialog extends TitleAreaDialog {

    private final List<Integer> years;
    private final Path folder;
    private Combo year;
    private Combo format;
    private Text file;
    private Button open;
    private boolean fileChosen;
    private AnnualReportRequest request;

    /**
     * @param years the fiscal years the curricula plan, latest first
     * @param folder where the file goes unless another is chosen
     */
    AnnualReportDialog(Shell parent, List<Integer> years, Path folder) {
        super(parent);
        this.years = years;
        this.folder = folder;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Dialog_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Dialog_title);
        setMessage(Messages.Dialog_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);

        new Label(fields, SWT.NONE).setText(Messages.Dialog_year);
        year = new Combo(fields, SWT.READ_ONLY | SWT.DROP_DOWN);
        year.setData("field", "year");
        years.forEach(y -> year.add(String.valueOf(y)));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(year);

        new Label(fields, SWT.NONE).setText(Messages.Dialog_format);
        format = new Combo(fields, SWT.READ_ONLY | SWT.DROP_DOWN);
        format.setData("field", "format");
        for (ReportFormat each : ReportFormat.values()) {
            format.add(each.name());
        }
        GridDataFactory.fillDefaults().span(2, 1).applyTo(format);

        new Label(fields, SWT.NONE).setText(Messages.Dialog_file);
        file = new Text(fields, SWT.BORDER | SWT.SINGLE);
        file.setData("field", "file");
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(file);
        Button browse = new Button(fields, SWT.PUSH);
        browse.setText(Messages.Dialog_browse);

        open = new Button(fields, SWT.CHECK);
        open.setData("field", "open");
        open.setText(Messages.Dialog_open);
        open.setSelection(true);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(open);

        year.addListener(SWT.Selection, event -> suggestFile());
        format.addListener(SWT.Selection, event -> suggestFile());
        file.addListener(SWT.Modify, event -> validate());
        file.addListener(SWT.KeyDown, event -> fileChosen = true);
        browse.addListener(SWT.Selection, event -> {
            FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
            dialog.setOverwrite(true);
            dialog.setFileName(Path.of(file.getText()).getFileName().toString());
            String chosen = dialog.open();
            if (chosen != null) {
                fileChosen = true;
                file.setText(chosen);
            }
        });
        if (!years.isEmpty()) {
            year.select(0);
        }
        format.select(ReportFormat.PDF.ordinal());
        suggestFile();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    /** annual-report-2027.pdf in the folder, following the year and format. */
    private void suggestFile() {
        if (!fileChosen && year.getSelectionIndex() >= 0) {
            file.setText(folder.resolve("annual-report-" + year.getText() + "."
                    + format.getText().toLowerCase(Locale.ROOT)).toString());
        }
        validate();
    }

    private void validate() {
        String problem = years.isEmpty() ? Messages.Dialog_noYears
                : file.getText().isBlank() ? Messages.Dialog_noFile : null;
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    @Override
    protected void okPressed() {
        request = new AnnualReportRequest(years.get(year.getSelectionIndex()),
                ReportFormat.values()[format.getSelectionIndex()], Path.of(file.getText().strip()), open.getSelection());
        super.okPressed();
    }

    /** What was asked for, once OK was pressed. */
    AnnualReportRequest request() {
        return request;
    }
}
