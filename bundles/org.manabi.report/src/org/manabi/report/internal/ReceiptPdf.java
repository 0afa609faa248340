package org.manabi.report.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.manabi.report.ReceiptDocument;
import org.manabi.report.ReportException;

/** The layout of a {@link ReceiptDocument} on A5 landscape. */
public final class ReceiptPdf {

    private static final PDRectangle A5_LANDSCAPE = new PDRectangle(PDRectangle.A5.getHeight(), PDRectangle.A5.getWidth());
    private static final Color INK = new Color(0x1d, 0x2a, 0x38);
    private static final Color MUTED = new Color(0x5b, 0x6b, 0x7b);
    private static final float MARGIN = 40;

    private ReceiptPdf() {
    }

    public static void write(ReceiptDocument r, OutputStream out) throws IOException, ReportException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = JapaneseFont.load(document);
            document.getDocumentInformation().setTitle("領収書 No. " + r.number());
            PDPage page = new PDPage(A5_LANDSCAPE);
            document.addPage(page);
            float width = A5_LANDSCAPE.getWidth();
            float top = A5_LANDSCAPE.getHeight() - MARGIN;
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                Canvas canvas = new Canvas(stream, font);
                String title = "領収書";
                canvas.text(title, 24, (width - canvas.width(title, 24)) / 2, top - 20, INK);
                right(canvas, "No. " + r.number(), 10, width, top - 4);
                right(canvas, "発行日 " + r.japaneseDate(), 10, width, top - 18);
                canvas.text(r.addressee() + " 様", 14, MARGIN, top - 70, INK);
                canvas.line(MARGIN, top - 76, width / 2 + 40, top - 76, INK);
                String amount = "金額 " + ReceiptDocument.yen(r.amountYen()) + "（税込）";
                canvas.text(amount, 18, MARGIN, top - 112, INK);
                canvas.text("但し " + r.description() + " として、上記正に領収いたしました。", 10, MARGIN, top - 136, INK);
                float y = top - 176;
                canvas.text("内訳", 10, MARGIN, y, MUTED);
                canvas.text(r.taxRatePercent() + "% 対象 " + ReceiptDocument.yen(r.amountYen()) + "（税込）", 11,
                        MARGIN + 40, y, INK);
                canvas.text("うち消費税 " + ReceiptDocument.yen(r.taxYen()), 11, MARGIN + 40, y - 16, INK);
                canvas.line(MARGIN, y - 26, width - MARGIN, y - 26, MUTED);
                float issuerY = MARGIN + 40;
                canvas.text(r.issuer(), 12, width / 2 + 20, issuerY, INK);
                canvas.text("登録番号 " + r.registrationNumber(), 10, width / 2 + 20, issuerY - 16, INK);
            }
            document.save(out);
        }
    }

    private static void right(Canvas canvas, String text, float size, float width, float y) throws IOException {
        canvas.text(text, size, width - MARGIN - canvas.width(text, size), y, MUTED);
    }
}
