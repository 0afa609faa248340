package org.manabi.report.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.osgi.util.NLS;
import org.manabi.report.AnnualPlan;
import org.manabi.report.AnnualPlan.Month;
import org.manabi.report.AnnualPlan.Row;
import org.manabi.report.ReportException;
import org.manabi.model.CapacityState;

/**
 * The report as a PDF on A4 landscape: the seminar table and a bar chart of last year's turnout
 * against this year's capacity on the first page, the schedule by half-year on the second. A
 * Japanese TrueType font is embedded (subset) so that every reader shows it.
 */
public final class PdfReport {

    private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(),
            PDRectangle.A4.getWidth());
    private static final float MARGIN = 40;
    private static final Color ACCENT = new Color(0x0f, 0x76, 0x6e);
    private static final Color LIGHT = new Color(0x9c, 0xd3, 0xcd);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xbb, 0xbb, 0xbb);

    private PdfReport() {
    }

    public static void write(AnnualPlan plan, OutputStream out) throws IOException, ReportException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = JapaneseFont.load(document);
            String title = NLS.bind(Messages.Report_title, plan.fiscalYear());
            document.getDocumentInformation().setTitle(title);
            PDPage first = new PDPage(A4_LANDSCAPE);
            document.addPage(first);
            try (PDPageContentStream page = new PDPageContentStream(document, first)) {
                Canvas canvas = new Canvas(page, font);
                float y = A4_LANDSCAPE.getHeight() - MARGIN;
                canvas.text(title, 18, MARGIN, y - 18, ACCENT);
                y = table(canvas, plan, y - 40);
                chart(canvas, plan, y - 20);
            }
            PDPage second = new PDPage(A4_LANDSCAPE);
            document.addPage(second);
            try (PDPageContentStream page = new PDPageContentStream(document, second)) {
                schedule(new Canvas(page, font), plan);
            }
            document.save(out);
        }
    }

    private static float table(Canvas canvas, AnnualPlan plan, float top) throws IOException {
        float[] widths = { 260, 60, 110, 110, 220 };
        List<List<String>> lines = new ArrayList<>();
        lines.add(Labels.tableHeader());
        for (Row row : plan.rows()) {
            lines.add(List.of(row.title(), Labels.fee(row), Labels.lastYear(row), Labels.capacity(row.capacity()),
                    row.host()));
        }
        lines.add(List.of(Labels.total(), "", Integer.toString(plan.lastYearTotal()),
                Integer.toString(plan.capacityTotal()), ""));
        float rowHeight = 17;
        float y = top;
        for (int i = 0; i < lines.size(); i++) {
            float x = MARGIN;
            boolean emphasised = i == 0 || i == lines.size() - 1;
            if (i == 0) {
                canvas.box(MARGIN, y - rowHeight, sum(widths), rowHeight, new Color(0xe6, 0xf2, 0xf1));
            }
            for (int c = 0; c < widths.length; c++) {
                boolean number = c == 2 || c == 3;
                String cell = lines.get(i).get(c);
                float textX = number && i > 0 ? x + widths[c] - 6 - canvas.width(cell, 10) : x + 5;
                canvas.text(cell, 10, textX, y - 12.5f, emphasised ? ACCENT : TEXT);
                x += widths[c];
            }
            canvas.line(MARGIN, y - rowHeight, MARGIN + sum(widths), y - rowHeight, GRID);
            y -= rowHeight;
        }
        return y;
    }

    /** Two bars per seminar: last year's turnout, and this year's capacity where it is a number. */
    private static void chart(Canvas canvas, AnnualPlan plan, float top) throws IOException {
        float left = MARGIN + 200;
        float width = A4_LANDSCAPE.getWidth() - left - MARGIN - 40;
        int max = 1;
        for (Row row : plan.rows()) {
            max = Math.max(max, Math.max(row.lastYearAttendance() == null ? 0 : row.lastYearAttendance(),
                    row.capacity().seats()));
        }
        canvas.text(Messages.Chart_title, 12, MARGIN, top - 12, ACCENT);
        canvas.box(left, top - 12, 10, 8, ACCENT);
        canvas.text(Messages.Chart_lastYear, 9, left + 14, top - 12, TEXT);
        canvas.box(left + 140, top - 12, 10, 8, LIGHT);
        canvas.text(Messages.Chart_capacity, 9, left + 154, top - 12, TEXT);
        float y = top - 26;
        float bar = 6;
        for (Row row : plan.rows()) {
            canvas.text(row.title(), 9, MARGIN, y - 9, TEXT);
            int last = row.lastYearAttendance() == null ? 0 : row.lastYearAttendance();
            canvas.box(left, y - bar, width * last / max, bar, ACCENT);
            canvas.text(Labels.lastYear(row), 7, left + width * last / max + 3, y - bar + 0.5f, TEXT);
            float capacity = row.capacity().state() == CapacityState.NUMBER ? width * row.capacity().seats() / max : 0;
            canvas.box(left, y - 2 * bar - 1, capacity, bar, LIGHT);
            canvas.text(Labels.capacity(row.capacity()), 7, left + capacity + 3, y - 2 * bar - 0.5f, TEXT);
            y -= 2 * bar + 8;
        }
    }

    private static void schedule(Canvas canvas, AnnualPlan plan) throws IOException {
        float top = A4_LANDSCAPE.getHeight() - MARGIN;
        canvas.text(Messages.Schedule_title, 16, MARGIN, top - 16, ACCENT);
        float columnWidth = (A4_LANDSCAPE.getWidth() - 2 * MARGIN) / 2;
        for (int half = 0; half < 2; half++) {
            float x = MARGIN + half * columnWidth;
            float y = top - 50;
            canvas.text(half == 0 ? Messages.Half_first : Messages.Half_second, 13, x, y, ACCENT);
            y -= 8;
            for (Month month : plan.schedule().subList(half * 6, half * 6 + 6)) {
                y -= 20;
                canvas.text(Labels.month(month), 11, x, y, ACCENT);
                for (String entry : month.entries()) {
                    y -= 15;
                    canvas.text("・" + entry, 10, x + 12, y, TEXT);
                }
                canvas.line(x, y - 6, x + columnWidth - 20, y - 6, GRID);
            }
        }
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }
}
