package org.manabi.report.internal;

import java.awt.Color;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Drawing on one PDF page with the embedded Japanese font: text, filled boxes, thin lines. */
record Canvas(PDPageContentStream page, PDType0Font font) {

    void text(String text, float size, float x, float y, Color color) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        page.beginText();
        page.setFont(font, size);
        page.setNonStrokingColor(color);
        page.newLineAtOffset(x, y);
        page.showText(text);
        page.endText();
    }

    float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    void box(float x, float y, float width, float height, Color color) throws IOException {
        if (width <= 0) {
            return;
        }
        page.setNonStrokingColor(color);
        page.addRect(x, y, width, height);
        page.fill();
    }

    void line(float x1, float y1, float x2, float y2, Color color) throws IOException {
        page.setStrokingColor(color);
        page.setLineWidth(0.5f);
        page.moveTo(x1, y1);
        page.lineTo(x2, y2);
        page.stroke();
    }
}
