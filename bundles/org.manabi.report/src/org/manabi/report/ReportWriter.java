package org.manabi.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.manabi.report.AnnualPlan.Month;
import org.manabi.report.AnnualPlan.Row;
import org.manabi.report.internal.HtmlReport;
import org.manabi.report.internal.Labels;
import org.manabi.report.internal.PdfReport;

/** Writes an {@link AnnualPlan} as CSV, HTML or PDF, in the language of the default locale. */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static void write(AnnualPlan plan, ReportFormat format, OutputStream out)
            throws IOException, ReportException {
        switch (format) {
            case CSV -> csv(plan, out);
            case HTML -> HtmlReport.write(plan, out);
            case PDF -> PdfReport.write(plan, out);
        }
    }

    private static void csv(AnnualPlan plan, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // the byte-order mark Excel needs to read UTF-8
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        csv.printRecord(Labels.tableHeader());
        for (Row row : plan.rows()) {
            csv.printRecord(row.title(), Labels.fee(row), Labels.lastYear(row), Labels.capacity(row.capacity()),
                    row.host());
        }
        csv.printRecord(Labels.total(), "", plan.lastYearTotal(), plan.capacityTotal(), "");
        csv.println();
        csv.printRecord(Labels.scheduleHeader());
        for (Month month : plan.schedule()) {
            csv.printRecord(Labels.half(month), Labels.month(month), String.join(Labels.listSeparator(), month.entries()));
        }
        csv.flush();
    }
}
