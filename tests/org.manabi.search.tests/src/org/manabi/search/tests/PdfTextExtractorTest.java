package org.manabi.search.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.search.PageText;
import org.manabi.search.PdfTextExtractor;
import org.manabi.search.PdfUnreadableException;

class PdfTextExtractorTest {

    private final PdfTextExtractor extractor = new PdfTextExtractor();

    @Test
    void eachPageKeepsItsOwnText(@TempDir Path temp) throws Exception {
        Path pdf = temp.resolve("deck.pdf");
        writeDeck(pdf, List.of("DICOM PS3.15 security profiles", "Break", "TLS after IETF BCP195"), null);

        List<PageText> pages = extractor.extract(pdf);

        assertEquals(List.of(1, 2, 3), pages.stream().map(PageText::page).toList());
        assertEquals("DICOM PS3.15 security profiles", pages.get(0).text());
        assertEquals("Break", pages.get(1).text());
        assertTrue(pages.get(2).text().contains("BCP195"), pages.get(2).text());
    }

    @Test
    void aPageWithoutContentIsAnEmptyPageInItsPlace(@TempDir Path temp) throws Exception {
        Path pdf = temp.resolve("deck.pdf");
        writeDeck(pdf, List.of("Title", "", "Closing words"), null);

        List<PageText> pages = extractor.extract(pdf);

        assertEquals(List.of(1, 2, 3), pages.stream().map(PageText::page).toList());
        assertEquals(List.of("Title", "", "Closing words"), pages.stream().map(PageText::text).toList());
    }

    @Test
    void aFileThatIsNotAPdfIsNamed(@TempDir Path temp) throws Exception {
        Path notPdf = temp.resolve("slides.pdf");
        Files.write(notPdf, new byte[] { 0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8 });

        PdfUnreadableException e = assertThrows(PdfUnreadableException.class, () -> extractor.extract(notPdf));

        assertEquals(notPdf, e.file());
        assertTrue(e.getMessage().startsWith(notPdf.toString()), e.getMessage());
    }

    @Test
    void anEncryptedPdfIsSkippedWithTheReason(@TempDir Path temp) throws Exception {
        Path pdf = temp.resolve("protected.pdf");
        writeDeck(pdf, List.of("secret"), "open-sesame");

        PdfUnreadableException e = assertThrows(PdfUnreadableException.class, () -> extractor.extract(pdf));

        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    private static void writeDeck(Path file, List<String> pageTexts, String password) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pageTexts) {
                PDPage page = new PDPage();
                document.addPage(page);
                if (text.isEmpty()) {
                    continue; // a page without a content stream
                }
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 18);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(file.toFile());
        }
    }
}
