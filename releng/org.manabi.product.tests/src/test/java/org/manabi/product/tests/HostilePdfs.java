package org.manabi.product.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes PDFs that are small on disk but costly to read, the kind an indexer meets in a folder it
 * does not control. Written byte by byte (objects, then the cross-reference table), so the tests
 * need no PDF library of their own.
 */
final class HostilePdfs {

    private HostilePdfs() {
    }

    /** {@code pages} pages that all show the same short text. */
    static void manyPages(Path file, int pages) throws IOException {
        Writer pdf = new Writer();
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(5 + i).append(" 0 R ");
        }
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object(2, "<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        pdf.object(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        pdf.stream(4, "BT /F1 18 Tf 72 700 Td (A page of a book) Tj ET".getBytes(StandardCharsets.US_ASCII), 1);
        for (int i = 0; i < pages; i++) {
            pdf.object(5 + i, page("4 0 R"));
        }
        pdf.write(file);
    }

    /** One page whose content stream inflates to {@code megabytes} MB (of spaces: a deflate bomb). */
    static void contentBomb(Path file, int megabytes) throws IOException {
        onePage(file, " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII), megabytes);
    }

    /** One page that shows about {@code millions} million glyphs (each one a text position to sort). */
    static void glyphFlood(Path file, int millions) throws IOException {
        String line = "(" + "A".repeat(998) + ") Tj\n";
        byte[] block = ("BT /F1 1 Tf 72 700 Td " + line.repeat(1000) + "ET\n").getBytes(StandardCharsets.US_ASCII);
        onePage(file, block, millions);
    }

    private static void onePage(Path file, byte[] block, int repeats) throws IOException {
        Writer pdf = new Writer();
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object(2, "<< /Type /Pages /Kids [5 0 R] /Count 1 >>");
        pdf.object(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        pdf.stream(4, block, repeats);
        pdf.object(5, page("4 0 R"));
        pdf.write(file);
    }

    private static String page(String contents) {
        return "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                + "/Contents " + contents + " >>";
    }

    /** Objects numbered 1…n in order, then the xref table and trailer. */
    private static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<Integer> offsets = new ArrayList<>();

        Writer() {
            ascii("%PDF-1.7\n");
        }

        void object(int number, String body) {
            begin(number);
            ascii(body + "\nendobj\n");
        }

        /** A FlateDecode stream of {@code block} repeated {@code repeats} times. */
        void stream(int number, byte[] block, int repeats) throws IOException {
            ByteArrayOutputStream deflated = new ByteArrayOutputStream();
            try (OutputStream out = new DeflaterOutputStream(deflated)) {
                for (int i = 0; i < repeats; i++) {
                    out.write(block);
                }
            }
            begin(number);
            ascii("<< /Length " + deflated.size() + " /Filter /FlateDecode >>\nstream\n");
            bytes.writeBytes(deflated.toByteArray());
            ascii("\nendstream\nendobj\n");
        }

        void write(Path file) throws IOException {
            int xref = bytes.size();
            ascii("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (int offset : offsets) {
                ascii(String.format("%010d 00000 n \n", offset));
            }
            ascii("trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
            Files.write(file, bytes.toByteArray());
        }

        private void begin(int number) {
            if (number != offsets.size() + 1) {
                throw new IllegalArgumentException("objects are written in order: " + number);
            }
            offsets.add(bytes.size());
            ascii(number + " 0 obj\n");
        }

        private void ascii(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
