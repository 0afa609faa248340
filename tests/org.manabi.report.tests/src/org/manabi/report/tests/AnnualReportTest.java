package org.manabi.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.manabi.content.ContentRepository;
import org.manabi.model.CapacityState;
import org.manabi.report.AnnualPlan;
import org.manabi.report.AnnualPlan.Month;
import org.manabi.report.AnnualPlan.Row;
import org.manabi.report.AnnualPlans;
import org.manabi.report.ReportException;
import org.manabi.report.ReportFormat;
import org.manabi.report.ReportWriter;

/** The annual report of fiscal 2023 must say what the committee's own report said (DOMAIN.md). */
class AnnualReportTest {

    private static final Path REAL_CONTENT = Path.of(System.getProperty("manabi.repository"), "content");
    private static AnnualPlan plan2023;

    @BeforeAll
    static void loadThePlan() throws Exception {
        plan2023 = AnnualPlans.of(ContentRepository.open(REAL_CONTENT).curricula(), 2023);
    }

    @Test
    void theSeminarTableOf2023IsTheCommitteesTable() {
        List<String> expected = List.of(
                "モニタ精度管理セミナー|paid|25|42|モニタ診断システム委員会",
                "DICOMセミナー 初心者向け|paid|65|80|DICOM委員会",
                "DICOMセミナー 中上級者向け|paid|43|80|DICOM委員会",
                "既読管理セミナー|paid|69|UNDECIDED|画像診断レポート委員会",
                "夏の勉強会|free|80|80|システム教育委員会",
                "成果報告会（特別講演）|free|16|UNDECIDED|システム教育委員会",
                "リスク分析入門セミナー|paid|26|NOT_PLANNED|GHS",
                "リスクマネージメント・トレーニング講座|paid|6|NOT_PLANNED|GHS");
        List<String> actual = plan2023.rows().stream().map(AnnualReportTest::describe).toList();

        assertEquals(expected, actual);
        assertEquals(330, plan2023.lastYearTotal(), "total attended in fiscal 2022");
        assertEquals(42 + 80 + 80 + 80, plan2023.capacityTotal());
    }

    @Test
    void theScheduleRunsFromAprilToMarchInTwoHalves() {
        List<Month> months = plan2023.schedule();
        assertEquals(12, months.size());
        assertEquals(YearMonth.of(2023, 4), months.get(0).month());
        assertEquals(YearMonth.of(2024, 3), months.get(11).month());
        assertTrue(months.subList(0, 6).stream().allMatch(Month::firstHalf));
        assertTrue(months.subList(6, 12).stream().noneMatch(Month::firstHalf));

        assertEquals(List.of("モニタ精度管理セミナー", "DICOMセミナー 初心者向け", "事業報告会"), entries(2023, 6));
        assertEquals(List.of("夏の勉強会", "GHS 運営委員会"), entries(2023, 9));
        assertEquals(List.of("DICOMセミナー 中上級者向け", "既読管理セミナー"), entries(2023, 12));
        assertEquals(List.of("成果報告会（特別講演）"), entries(2024, 2));
        assertEquals(List.of("GHS 運営委員会"), entries(2024, 3));
        assertEquals(List.of(), entries(2023, 4));
    }

    @Test
    void theCsvOpensInJapaneseExcel() throws Exception {
        byte[] bytes = render(ReportFormat.CSV);

        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 byte-order mark");
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(new String(bytes, 3, bytes.length - 3,
                StandardCharsets.UTF_8))).getRecords();
        assertEquals(List.of("Seminar", "Fee", "Last year's turnout", "This year's capacity", "Host"),
                records.get(0).toList());
        assertEquals(List.of("既読管理セミナー", "paid", "69", "undecided", "画像診断レポート委員会"), records.get(4).toList());
        assertEquals(List.of("リスク分析入門セミナー", "paid", "26", "\u2013", "GHS"), records.get(7).toList());
        assertEquals(List.of("Total", "", "330", "282", ""), records.get(9).toList());
    }

    @Test
    void theHtmlEscapesWhatTheContentSays() throws Exception {
        AnnualPlan hostile = new AnnualPlan(2030, List.of(new Row("x", "<script>alert(1)</script>", true, 3,
                new AnnualPlan.Capacity(CapacityState.NUMBER, 5), "A & B")), 3, 5, plan2023.schedule());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.write(hostile, ReportFormat.HTML, out);
        String html = out.toString(StandardCharsets.UTF_8);

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("A &amp; B"), html);
    }

    @Test
    void thePdfHasTheTableTheChartAndTheScheduleInAnEmbeddedJapaneseFont() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(render(ReportFormat.PDF))) {
            assertEquals(2, pdf.getNumberOfPages());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(pdf);
            assertTrue(first.contains("Education plan of fiscal 2023"), first);
            assertTrue(first.contains("モニタ精度管理セミナー") && first.contains("330") && first.contains("undecided"), first);
            assertTrue(first.contains("Last year's turnout and this year's capacity"), "the chart's title: " + first);
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertTrue(stripper.getText(pdf).contains("事業報告会"));
            var font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded(), font.getName());
        }
    }

    @Test
    void aYearWithoutAPlanIsNamed() {
        ReportException e = assertThrows(ReportException.class,
                () -> AnnualPlans.of(List.of(), 1999));
        assertTrue(e.getMessage().contains("1999"), e.getMessage());
    }

    private static List<String> entries(int year, int month) {
        return plan2023.schedule().stream().filter(m -> m.month().equals(YearMonth.of(year, month))).findFirst()
                .orElseThrow().entries();
    }

    private static String describe(Row row) {
        String capacity = row.capacity().state() == CapacityState.NUMBER ? Integer.toString(row.capacity().seats())
                : row.capacity().state().name();
        return String.join("|", row.title(), row.paid() ? "paid" : "free", String.valueOf(row.lastYearAttendance()),
                capacity, row.host());
    }

    private static byte[] render(ReportFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.write(plan2023, format, out);
        return out.toByteArray();
    }
}
