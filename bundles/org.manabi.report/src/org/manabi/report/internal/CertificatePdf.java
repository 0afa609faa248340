package org.manabi.report.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.manabi.report.CertificateDocument;
import org.manabi.report.ReportException;

/** The layout of a {@link CertificateDocument} on A4 portrait. */
public final class CertificatePdf {

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final Color INK = new Color(0x1d, 0x2a, 0x38);
    private static final Color ACCENT = new Color(0x0f, 0x76, 0x6e);
    private static final Color MUTED = new Color(0x5b, 0x6b, 0x7b);
    private static final float QR_MODULE = 2.2f;

    private CertificatePdf() {
    }

    public static void write(CertificateDocument c, OutputStream out) throws IOException, ReportException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = JapaneseFont.load(document);
            document.getDocumentInformation().setTitle("修了証 " + c.seminarTitle());
            document.getDocumentInformation().setSubject(c.code());
            PDPage page = new PDPage(A4);
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                Canvas canvas = new Canvas(stream, font);
                float width = A4.getWidth();
                // a frame, as paper certificates have
                canvas.line(30, 30, width - 30, 30, ACCENT);
                canvas.line(30, A4.getHeight() - 30, width - 30, A4.getHeight() - 30, ACCENT);
                canvas.line(30, 30, 30, A4.getHeight() - 30, ACCENT);
                canvas.line(width - 30, 30, width - 30, A4.getHeight() - 30, ACCENT);
                float y = A4.getHeight() - 120;
                centre(canvas, "修了証", 40, y, ACCENT);
                centre(canvas, "Certificate of Completion", 14, y - 26, MUTED);
                y -= 110;
                centre(canvas, c.name() + " 殿", 26, y, INK);
                y -= 60;
                centre(canvas, "あなたは下記の講座を修了したことを証します。", 13, y, INK);
                centre(canvas, "This certifies that the above named completed the course below.", 10, y - 18, MUTED);
                y -= 70;
                centre(canvas, c.seminarTitle(), 18, y, INK);
                if (c.englishTitle() != null) {
                    centre(canvas, c.englishTitle(), 11, y - 20, MUTED);
                }
                y -= 70;
                centre(canvas, "修了日 " + c.japaneseDate() + "（" + c.englishDate() + "）", 12, y, INK);
                if (c.hoursText() != null) {
                    centre(canvas, "時間 " + c.hoursText() + " 時間（" + c.hoursText() + " hours）", 12, y - 22, INK);
                }
                y -= 90;
                centre(canvas, c.issuer(), 14, y, INK);
                // the verification code and its QR code, bottom right
                float qrSize = c.qr().length * QR_MODULE;
                float qrX = width - 60 - qrSize;
                float qrY = 70;
                for (int row = 0; row < c.qr().length; row++) {
                    for (int col = 0; col < c.qr()[row].length; col++) {
                        if (c.qr()[row][col]) {
                            canvas.box(qrX + col * QR_MODULE, qrY + qrSize - (row + 1) * QR_MODULE, QR_MODULE, QR_MODULE, INK);
                        }
                    }
                }
                canvas.text("確認コード Verification code", 9, 60, 120, MUTED);
                canvas.text(c.code(), 14, 60, 100, INK);
                canvas.text(c.verifyUrl(), 8, 60, 82, MUTED);
            }
            document.save(out);
        }
    }

    private static void centre(Canvas canvas, String text, float size, float y, Color color) throws IOException {
        canvas.text(text, size, (A4.getWidth() - canvas.width(text, size)) / 2, y, color);
    }
}
