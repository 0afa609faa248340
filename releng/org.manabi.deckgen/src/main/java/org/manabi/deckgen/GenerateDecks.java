package org.manabi.deckgen;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders every {@code *.txt} deck source of a folder into a PDF beside it: 16:9 slides, the IPAex
 * Gothic font embedded (subset) so that every reader shows the Japanese, and text that PDFBox and
 * pdftotext can extract page by page for search.
 * <p>
 * Arguments: the decks folder, optionally the TrueType font to embed, optionally the decks to render.
 */
public final class GenerateDecks {

    private static final PDRectangle SLIDE = new PDRectangle(960, 540);
    private static final float MARGIN = 56;
    private static final Color ACCENT = new Color(0x0f, 0x76, 0x6e);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);
    private static final List<Path> FONT_LOCATIONS = List.of(
            Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
            Path.of(System.getProperty("user.home"), "Library/Fonts/ipaexg.ttf"),
            Path.of("C:/Windows/Fonts/ipaexg.ttf"));

    private GenerateDecks() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]).toAbsolutePath().normalize();
        Path font = args.length > 1 && args[1] != null && !args[1].isBlank() ? Path.of(args[1]) : findFont();
        // optional third argument: the decks to render, by file name without .txt, comma-separated
        List<String> only = args.length > 2 && args[2] != null && !args[2].isBlank()
                ? List.of(args[2].split("\\s*,\\s*"))
                : List.of();
        List<Path> sources;
        try (Stream<Path> files = Files.list(folder)) {
            sources = files.filter(p -> p.toString().endsWith(".txt"))
                    .filter(p -> only.isEmpty() || only.contains(p.getFileName().toString().replaceFirst("\\.txt$", "")))
                    .sorted().toList();
        }
        if (!only.isEmpty() && sources.size() != only.size()) {
            throw new IllegalArgumentException("not all of " + only + " exist as .txt files in " + folder);
        }
        List<String> errors = new ArrayList<>();
        for (Path source : sources) {
            try {
                DeckSource deck = DeckSource.read(source);
                Path pdf = source.resolveSibling(source.getFileName().toString().replaceFirst("\\.txt$", ".pdf"));
                render(deck, font, pdf);
                System.out.println(folder.relativize(pdf) + ": " + deck.pages().size() + " pages");
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(System.err::println);
            throw new IllegalStateException(errors.size() + " deck(s) could not be rendered; see above");
        }
    }

    private static Path findFont() {
        return FONT_LOCATIONS.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("No IPAex Gothic font found in " + FONT_LOCATIONS
                        + ". Install it (apt-get install fonts-ipaexfont-gothic) or pass -Dfont=FILE.ttf"));
    }

    static void render(DeckSource deck, Path fontFile, Path pdf) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, fontFile.toFile());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(deck.title());
            info.setAuthor(deck.header().getOrDefault("author", "システム教育委員会"));
            info.setCreator("Manabi deck generator");
            // a stable document id keeps regenerated PDFs byte-identical when their source did not change
            document.setDocumentId((long) deck.title().hashCode());
            int total = deck.pages().size();
            for (int index = 0; index < total; index++) {
                PDPage page = new PDPage(SLIDE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    new SlideWriter(content, font, deck, index + 1, total).write(deck.pages().get(index));
                }
            }
            document.save(pdf.toFile());
        }
    }

    /** Lays out the lines of one page from top to bottom, wrapping long lines. */
    private static final class SlideWriter {
        private final PDPageContentStream content;
        private final PDType0Font font;
        private final DeckSource deck;
        private final int pageNumber;
        private final int total;
        private float y = SLIDE.getHeight() - MARGIN;

        SlideWriter(PDPageContentStream content, PDType0Font font, DeckSource deck, int pageNumber, int total) {
            this.content = content;
            this.font = font;
            this.deck = deck;
            this.pageNumber = pageNumber;
            this.total = total;
        }

        void write(List<String> lines) throws IOException {
            boolean titlePage = pageNumber == 1;
            if (titlePage) {
                y = SLIDE.getHeight() * 0.62f;
            }
            for (String line : lines) {
                if (line.isBlank()) {
                    y -= 10;
                } else if (line.startsWith("# ")) {
                    text(line.substring(2), titlePage ? 36 : 30, MARGIN, ACCENT, titlePage ? 14 : 18);
                    if (!titlePage) {
                        content.setStrokingColor(ACCENT);
                        content.setLineWidth(2);
                        content.moveTo(MARGIN, y + 8);
                        content.lineTo(SLIDE.getWidth() - MARGIN, y + 8);
                        content.stroke();
                        y -= 8;
                    }
                } else if (line.startsWith("## ")) {
                    text(line.substring(3), titlePage ? 22 : 22, MARGIN, titlePage ? MUTED : ACCENT, 10);
                } else if (line.startsWith("  - ")) {
                    bullet(line.substring(4), 18, MARGIN + 48, "–");
                } else if (line.startsWith("- ")) {
                    bullet(line.substring(2), 21, MARGIN + 20, "•");
                } else {
                    text(line.strip(), 20, MARGIN, TEXT, 6);
                }
                if (y < MARGIN + 24) {
                    throw new IllegalArgumentException(deck.file() + ": page " + pageNumber
                            + " is too long for one slide; split it with a line '---'");
                }
            }
            footer();
        }

        private void bullet(String text, float size, float x, String mark) throws IOException {
            show(mark, size, x - 18, y - size, ACCENT);
            text(text, size, x, TEXT, 6);
        }

        private void text(String text, float size, float x, Color color, float after) throws IOException {
            for (String line : wrap(text, size, SLIDE.getWidth() - MARGIN - x)) {
                y -= size * 1.25f;
                show(line, size, x, y, color);
            }
            y -= after;
        }

        private void show(String text, float size, float x, float baseline, Color color) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color);
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            content.endText();
        }

        private void footer() throws IOException {
            String left = deck.header().getOrDefault("footer", deck.title());
            show(left, 11, MARGIN, 24, MUTED);
            String right = pageNumber + " / " + total;
            show(right, 11, SLIDE.getWidth() - MARGIN - width(right, 11), 24, MUTED);
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** Greedy wrapping that breaks Latin text at spaces and Japanese anywhere but before closing marks. */
        private List<String> wrap(String text, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                line.append(c);
                if (c == ' ') {
                    lastSpace = line.length() - 1;
                }
                if (width(line.toString(), size) > maxWidth) {
                    int cut = line.length() - 1;
                    boolean latin = Character.isLetterOrDigit(c) && c < 0x3000;
                    if (latin && lastSpace > 0) {
                        cut = lastSpace + 1;
                    } else if ("、。，．）」』】・ー".indexOf(c) >= 0) {
                        cut = line.length() - 2; // keep the closing mark with the character before it
                    }
                    lines.add(line.substring(0, cut).stripTrailing());
                    line.delete(0, cut);
                    lastSpace = line.indexOf(" ");
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
