package org.manabi.search.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.search.IndexSummary;
import org.manabi.search.PageIndexer;
import org.manabi.search.PageSearcher;
import org.manabi.search.PdfSource;
import org.manabi.search.SearchHit;

/** Real PDFs with Japanese text (IPAex Gothic embedded), indexed and searched as a user would. */
class PageSearchTest {

    private static final List<Path> FONTS = List.of(Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"));

    @TempDir
    Path temp;

    private Path deck(String name, String... pages) throws IOException {
        Path font = FONTS.stream().filter(Files::exists).findFirst()
                .orElseThrow(() -> new IllegalStateException("install fonts-ipaexfont-gothic for the search tests"));
        Path pdf = temp.resolve(name);
        try (PDDocument document = new PDDocument()) {
            PDType0Font japanese = PDType0Font.load(document, font.toFile());
            for (String text : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = 700;
                    for (String line : text.split("\n")) {
                        content.beginText();
                        content.setFont(japanese, 14);
                        content.newLineAtOffset(60, y);
                        content.showText(line);
                        content.endText();
                        y -= 20;
                    }
                }
            }
            document.save(pdf.toFile());
        }
        return pdf;
    }

    private IndexSummary index(boolean removeOthers, Path... pdfs) throws IOException {
        try (PageIndexer indexer = PageIndexer.open(temp.resolve("index"))) {
            return indexer.index(java.util.Arrays.stream(pdfs).map(p -> new PdfSource(p, p.getFileName().toString()
                    .replace(".pdf", ""), "セミナー", "DICOM委員会", 2026)).toList(), removeOthers, (a, b, c, d) -> { });
        }
    }

    private List<String> pagesFound(PageSearcher searcher, String query) throws IOException {
        return searcher.search(query, 20).stream().map(hit -> hit.deck() + ":" + hit.page()).sorted().toList();
    }

    private void standardDecks() throws IOException {
        index(true,
                deck("mds.pdf", "MDS/SDS の概要\n製造業者による医療情報セキュリティ開示書の書き方",
                        "医療情報システムの安全管理に関するガイドライン 第6.0版との関係",
                        "休憩"),
                deck("dicom.pdf", "DICOM の基礎\nPS3.15 はセキュリティのプロファイルを定める",
                        "Transport Layer Security profiles were updated after IETF BCP195",
                        "リモートサービスセキュリティ ガイドライン Ver.4.0"));
    }

    @Test
    void japaneseAndEnglishQueriesFindThePagesWithTheWordsAndNoOthers() throws Exception {
        standardDecks();
        try (PageSearcher searcher = PageSearcher.open(temp.resolve("index"))) {
            assertEquals(List.of("dicom:1"), pagesFound(searcher, "セキュリティのプロファイル"));
            assertEquals(List.of("mds:2"), pagesFound(searcher, "安全管理"));
            assertEquals(List.of("dicom:2"), pagesFound(searcher, "profile updated"), "English with stemming");
            assertEquals(List.of("dicom:1"), pagesFound(searcher, "DICOM"));
            assertEquals(List.of(), pagesFound(searcher, "放射線治療"));
        }
    }

    @Test
    void fullWidthInputFindsHalfWidthText() throws Exception {
        standardDecks();
        try (PageSearcher searcher = PageSearcher.open(temp.resolve("index"))) {
            assertEquals(pagesFound(searcher, "DICOM"), pagesFound(searcher, "ＤＩＣＯＭ"));
            assertEquals(List.of("dicom:2"), pagesFound(searcher, "ＢＣＰ１９５"));
        }
    }

    @Test
    void anAcronymFindsItsLongFormAndTheLongFormItsAcronym() throws Exception {
        standardDecks();
        try (PageSearcher searcher = PageSearcher.open(temp.resolve("index"))) {
            assertEquals(List.of("dicom:3"), pagesFound(searcher, "RSS"));
            assertEquals(List.of("mds:2"), pagesFound(searcher, "安全管理GL"));
            assertTrue(pagesFound(searcher, "MDS").contains("mds:1"));
            assertEquals(List.of("dicom:2"), pagesFound(searcher, "TLS"));
        }
    }

    @Test
    void snippetsMarkTheMatchesAndBadSyntaxIsSearchedAsWords() throws Exception {
        standardDecks();
        try (PageSearcher searcher = PageSearcher.open(temp.resolve("index"))) {
            SearchHit hit = searcher.search("BCP195", 5).get(0);
            assertEquals(2, hit.page());
            assertTrue(hit.file().endsWith("dicom.pdf"), hit.file());
            assertTrue(hit.snippet().contains("«BCP195»"), hit.snippet());

            assertEquals(List.of("dicom:2"), pagesFound(searcher, "\"BCP195"), "an unclosed quote");
            assertEquals(List.of(), pagesFound(searcher, "AND OR ("));
            assertEquals(List.of(), pagesFound(searcher, "   "));
        }
    }

    @Test
    void aChangedDeckReplacesItsPagesAndAnUnchangedOneIsNotReadAgain() throws Exception {
        Path pdf = deck("deck.pdf", "旧版のスライド 画像診断");
        assertEquals(1, index(true, pdf).indexed());
        IndexSummary again = index(true, pdf);
        assertEquals(0, again.indexed());
        assertEquals(1, again.unchanged());

        deck("deck.pdf", "新版のスライド 線量管理");
        assertEquals(1, index(true, pdf).indexed());
        try (PageSearcher searcher = PageSearcher.open(temp.resolve("index"))) {
            assertEquals(List.of(), pagesFound(searcher, "画像診断"), "the old text is gone");
            assertEquals(List.of("deck:1"), pagesFound(searcher, "線量管理"));
        }
    }

    @Test
    void aDeletedDeckLeavesTheIndex() throws Exception {
        Path kept = deck("kept.pdf", "残る資料");
        Path gone = deck("gone.pdf", "消える資料");
        index(true, kept, gone);

        IndexSummary summary = index(true, kept);

        assertEquals(1, summary.removed());
        try (PageSearcher searcher = PageSearcher.open(temp.resolve("index"))) {
            assertEquals(List.of("kept:1"), pagesFound(searcher, "資料"));
        }
    }

    @Test
    void brokenAndRandomPdfsAreSkippedWithTheirNamesAndTheOthersIndexed() throws Exception {
        Path good = deck("good.pdf", "正常な資料");
        Path random = temp.resolve("random.pdf");
        byte[] noise = new byte[50_000];
        new Random(20261121L).nextBytes(noise); // fixed seed: the same noise every run
        Files.write(random, noise);
        Path truncated = temp.resolve("truncated.pdf");
        byte[] whole = Files.readAllBytes(good);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
        Path missing = temp.resolve("missing.pdf");

        IndexSummary summary = index(false, good, random, truncated, missing);

        assertEquals(1, summary.indexed(), summary.toString());
        assertEquals(3, summary.skipped().size(), summary.skipped().toString());
        for (Path bad : List.of(random, truncated, missing)) {
            assertTrue(summary.skipped().stream().anyMatch(line -> line.startsWith(bad.toString())),
                    bad + " in " + summary.skipped());
        }
    }

    @Test
    void aRunningSearcherSeesReindexedPagesAfterARefresh() throws Exception {
        Path pdf = deck("live.pdf", "最初の内容");
        index(true, pdf);
        try (PageSearcher searcher = PageSearcher.open(temp.resolve("index"))) {
            assertEquals(List.of("live:1"), pagesFound(searcher, "最初"));
            deck("live.pdf", "更新された内容");
            index(true, pdf);

            searcher.refresh();

            assertEquals(List.of(), pagesFound(searcher, "最初"));
            assertEquals(List.of("live:1"), pagesFound(searcher, "更新"));
        }
    }

    @Test
    void facetsCountTheMatchingPagesAndFiltersNarrowThem() throws Exception {
        Path dicom = deck("dicom.pdf", "DICOM の基礎 セキュリティ", "DICOM の応用 セキュリティ");
        Path mds = deck("mds.pdf", "MDS の書き方 セキュリティ");
        try (PageIndexer indexer = PageIndexer.open(temp.resolve("index"))) {
            indexer.index(List.of(new PdfSource(dicom, "dicom", "DICOMセミナー", "DICOM委員会", 2026),
                    new PdfSource(mds, "mds", "MDS/SDS 記載セミナー", "JAHIS", 2027)), true, (a, b, c, d) -> { });
        }
        try (PageSearcher searcher = PageSearcher.open(temp.resolve("index"))) {
            var facets = searcher.facets("セキュリティ", java.util.Map.of());

            assertEquals(java.util.Map.of("DICOM委員会", 2, "JAHIS", 1), facets.get("committee"));
            assertEquals(java.util.Map.of("2026", 2, "2027", 1), facets.get("fiscalYear"));
            assertEquals(List.of("mds:1"), searcher.search("セキュリティ", 10, java.util.Map.of("fiscalYear", "2027"))
                    .stream().map(hit -> hit.deck() + ":" + hit.page()).toList());
        }
    }

    @Test
    void pageThumbnailsAreRenderedOnceAndCached() throws Exception {
        Path pdf = deck("thumb.pdf", "一枚目", "二枚目");
        org.manabi.search.PageThumbnails thumbnails = new org.manabi.search.PageThumbnails(temp.resolve("thumbs"));

        Path png = thumbnails.thumbnail(pdf, 2, 320);

        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(320, image.getWidth());
        assertTrue(image.getHeight() > 320, "a portrait page");
        long rendered = Files.getLastModifiedTime(png).toMillis();
        assertEquals(png, thumbnails.thumbnail(pdf, 2, 320));
        assertEquals(rendered, Files.getLastModifiedTime(png).toMillis(), "served from the cache");
        org.manabi.search.PdfUnreadableException e = assertThrows(org.manabi.search.PdfUnreadableException.class,
                () -> thumbnails.thumbnail(pdf, 3, 320));
        assertTrue(e.getMessage().contains("no page 3"), e.getMessage());
    }

    @Test
    void searchingBeforeAnyIndexSaysWhatToDo() {
        IOException e = assertThrows(IOException.class, () -> PageSearcher.open(temp.resolve("none")));
        assertTrue(e.getMessage().contains("manabi index"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("none")));
    }
}
