package org.manabi.ui.internal.results;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.manabi.quiz.Citation;
import org.manabi.quiz.ItemAnalysis.WeakSlide;

/**
 * The weakest slides as a horizontal bar chart, drawn with SWT (no charting library for one
 * chart): one bar per cited page, weakest first, its length the facility of the hardest question
 * citing it, red below the pass mark's half, amber below the pass mark, green above. A click on a
 * bar opens its page.
 */
final class WeakSlidesChart extends Canvas {

    /** More bars would not be read; the table of items holds the rest. */
    static final int MAX_BARS = 10;

    private static final int ROW = 22;
    private static final int GAP = 6;

    private List<WeakSlide> slides = List.of();
    private int passPercent = 60;

    /**
     * @param open what a click on a bar (its label, its length, its figure) does with the slide
     */
    WeakSlidesChart(Composite parent, Consumer<WeakSlide> open) {
        super(parent, SWT.DOUBLE_BUFFERED);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        addPaintListener(event -> paint(event.gc));
        addListener(SWT.MouseUp, event -> {
            int bar = barAt(event.y);
            if (event.button == 1 && bar >= 0) {
                open.accept(slides.get(bar));
            }
        });
        // the hand says that a bar opens something
        addListener(SWT.MouseMove, event -> setCursor(barAt(event.y) < 0 ? null
                : getDisplay().getSystemCursor(SWT.CURSOR_HAND)));
    }

    /** The area of the {@code index}th bar's row, label and figure included. */
    Rectangle bar(int index) {
        return new Rectangle(0, GAP + ROW + GAP + index * (ROW + GAP), getClientArea().width, ROW);
    }

    /** The bar whose row holds {@code y}, or -1. */
    private int barAt(int y) {
        for (int i = 0; i < slides.size(); i++) {
            Rectangle row = bar(i);
            if (y >= row.y && y < row.y + row.height) {
                return i;
            }
        }
        return -1;
    }

    void show(List<WeakSlide> weakest, int passMark) {
        if (!weakest.equals(slides) || passMark != passPercent) {
            slides = List.copyOf(weakest.subList(0, Math.min(MAX_BARS, weakest.size())));
            passPercent = passMark;
            redraw();
        }
    }

    /** The bars drawn, weakest first. */
    List<WeakSlide> slides() {
        return slides;
    }

    /** "DICOM の基礎 p. 15 (2 questions)". */
    static String label(WeakSlide slide) {
        Citation citation = slide.citation();
        String deck = Objects.requireNonNullElse(citation.deckTitle(), Objects.toString(citation.deckId(), ""));
        return NLS.bind(Messages.Results_slideQuestions, NLS.bind(Messages.Results_slide, deck, citation.page()),
                slide.questions().size());
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        int rows = Math.max(1, slides.size());
        return new Point(wHint == SWT.DEFAULT ? 480 : wHint, hHint == SWT.DEFAULT ? (rows + 1) * (ROW + GAP) + GAP : hHint);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawText(Messages.Results_chartTitle, GAP, GAP, true);
        if (slides.isEmpty()) {
            gc.drawText(Messages.Results_chartEmpty, GAP, GAP + ROW + GAP, true);
            return;
        }
        int labelWidth = Math.min(area.width / 2,
                slides.stream().mapToInt(slide -> gc.textExtent(label(slide)).x).max().orElse(0) + 2 * GAP);
        int percentWidth = gc.textExtent("100 %").x + GAP;
        int barSpace = Math.max(10, area.width - labelWidth - percentWidth - 2 * GAP);
        int y = bar(0).y;
        for (WeakSlide slide : slides) {
            String label = label(slide);
            gc.drawText(shorten(gc, label, labelWidth - GAP), GAP, y + (ROW - gc.getFontMetrics().getHeight()) / 2, true);
            int length = (int) Math.round(barSpace * Math.clamp(slide.facility(), 0, 1));
            Color color = new Color(colour(slide.facility() * 100));
            gc.setBackground(color);
            gc.fillRectangle(labelWidth, y + 3, Math.max(2, length), ROW - 6);
            color.dispose();
            gc.drawText(Math.round(slide.facility() * 100) + " %", labelWidth + Math.max(2, length) + GAP,
                    y + (ROW - gc.getFontMetrics().getHeight()) / 2, true);
            y += ROW + GAP;
        }
        // the pass mark as a line, so that a bar left of it reads as "did not teach"
        int x = labelWidth + barSpace * passPercent / 100;
        gc.setLineStyle(SWT.LINE_DASH);
        gc.drawLine(x, GAP + ROW, x, y);
    }

    private RGB colour(double percent) {
        if (percent < passPercent / 2.0) {
            return new RGB(0xd9, 0x53, 0x4f);
        }
        return percent < passPercent ? new RGB(0xf0, 0xad, 0x4e) : new RGB(0x5c, 0xb8, 0x5c);
    }

    private static String shorten(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        String shorter = text;
        while (!shorter.isEmpty() && gc.textExtent(shorter + "\u2026").x > width) {
            shorter = shorter.substring(0, shorter.length() - 1);
        }
        return shorter + "\u2026";
    }
}
