package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manabi.store.Pool;
import org.manabi.store.QuizAttempt;
import org.manabi.store.QuizAttempts;
import org.manabi.store.Registration;
import org.manabi.store.StaffRole;

/** Certificates under each rule, their verification, and receipts for recorded payments. */
class CertificatesAndReceiptsTest {

    private static final Pattern CODE = Pattern.compile("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");

    private TestSite site;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.withVod();
        browser = new Browser(site);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Posts the certificate page's form; the Location it answers with. */
    private String issue(String page) throws Exception {
        browser.get(page);
        HttpResponse<String> posted = browser.submit(page, Map.of());
        assertEquals(303, posted.statusCode(), posted.body());
        return posted.headers().firstValue("Location").orElseThrow();
    }

    /** Watches the whole of {@code video} ({@code seconds} long) under {@code code}, in real time. */
    private void watch(String code, String video, int seconds) throws Exception {
        String report = "/api/vod/" + code + "/videos/" + video + "/progress";
        browser.postJson(report, "{\"played\": []}");
        site.clock.advance(Duration.ofSeconds(seconds));
        HttpResponse<String> done = browser.postJson(report, "{\"played\": [[0, " + seconds + "]]}");
        assertTrue(done.body().contains("\"completed\":true"), done.body());
    }

    @Test
    void attendanceEarnsTheCertificateOnlyAfterCheckIn() throws Exception {
        Registration r = site.register("attend-2026", Pool.ONSITE, "青木 太郎", "あおき たろう", Map.of());
        String page = "/certificates/r/" + r.token();
        String before = browser.get(page).body();
        assertTrue(before.contains("Attended (checked in at the seminar): not yet"), before);
        assertEquals(page, issue(page), "not earned: back to the page, nothing issued");
        assertEquals(404, browser.bytes(page + "/certificate.pdf").statusCode());

        site.site.registrations().checkIn(r.token(), "staff@example.jp");
        assertEquals(page + "/certificate.pdf", issue(page));
        HttpResponse<byte[]> pdf = browser.bytes(page + "/certificate.pdf");
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text = text(pdf.body());
        assertTrue(text.contains("青木 太郎") && text.contains("出席で修了") && text.contains("2 時間")
                && text.contains("2026年11月21日") && text.contains("テスト工業会 教育委員会"), text);
        Matcher code = CODE.matcher(text);
        assertTrue(code.find(), text);
        assertTrue(text.contains("/verify/" + code.group()), "the QR code's address is printed too: " + text);
        assertEquals(page + "/certificate.pdf", issue(page), "issued once; asking again gives the same");
        assertEquals(text, text(browser.bytes(page + "/certificate.pdf").body()));
    }

    @Test
    void watchingEarnsTheCertificateAndAnyoneCanTellARealCodeFromAForgedOne() throws Exception {
        browser.get("/vod/request/vod-trial-2026");
        String location = browser.submit("/vod/request/vod-trial-2026",
                Map.of("name", "Ann Lee", "email", "ann@example.com", "organization", "Clinic")).headers()
                .firstValue("Location").orElseThrow();
        Matcher id = CODE.matcher(location);
        assertTrue(id.find());
        String page = "/certificates/vod/" + id.group();
        assertTrue(browser.get("/vod/" + id.group()).body().contains("href=\"" + page + "\""));
        assertTrue(browser.get(page).body().contains("Watched every video to at least 95 %: not yet"));

        watch(id.group(), "trial-video", 8);
        assertEquals(page + "/certificate.pdf", issue(page));
        String text = text(browser.bytes(page + "/certificate.pdf").body());
        assertTrue(text.contains("Ann Lee") && text.contains("お試し") && text.contains("0.5 時間"), text);
        Matcher code = CODE.matcher(text);
        assertTrue(code.find());

        Browser stranger = new Browser(site);
        HttpResponse<String> real = stranger.get("/verify/" + code.group());
        assertEquals(200, real.statusCode());
        assertTrue(real.body().contains("Genuine"), real.body());
        assertFalse(real.body().contains("Ann Lee") || real.body().contains("Trial"), "nothing more than genuine");
        assertEquals(200, stranger.get("/verify?code=" + code.group().toLowerCase()).statusCode());
        String forgedCode = code.group().substring(0, 23) + (code.group().endsWith("0") ? "1" : "0");
        HttpResponse<String> forged = stranger.get("/verify/" + forgedCode);
        assertEquals(404, forged.statusCode());
        assertTrue(forged.body().contains("Not genuine"), forged.body());
        assertEquals(404, stranger.get("/verify/" + id.group()).statusCode(), "a viewing ID is no certificate code");
    }

    @Test
    void aRuleOfAttendingAndWatchingNeedsBoth() throws Exception {
        Registration r = site.register("hybrid-2026", Pool.WEB, "佐藤 花子", "さとう はなこ", Map.of());
        browser.get("/r/" + r.token());
        String code = CODE.matcher(browser.submit("/vod/issue", Map.of("token", r.token())).headers()
                .firstValue("Location").orElseThrow()).results().findFirst().orElseThrow().group();
        String page = "/certificates/r/" + r.token();

        site.site.registrations().checkIn(r.token(), "staff@example.jp");
        String attendedOnly = browser.get(page).body();
        assertTrue(attendedOnly.contains("Attended (checked in at the seminar): done")
                && attendedOnly.contains("Watched every video to at least 95 %: not yet"), attendedOnly);
        assertEquals(page, issue(page));

        watch(code, "hybrid-video", 10_800);
        assertEquals(page, issue(page), "one of the two videos is not enough");
        watch(code, "hybrid-extra", 60);
        assertEquals(page + "/certificate.pdf", issue(page));
        assertEquals(page + "/certificate.pdf", issue("/certificates/vod/" + code).replace("/certificates/vod/" + code,
                page), "the registration's viewing ID leads to the same certificate");
    }

    @Test
    void aRuleOfPassingNeedsASubmittedAttemptAtThePassMark() throws Exception {
        Registration r = site.register("quiz-2026", Pool.WEB, "森 大輔", "もり だいすけ", Map.of());
        String page = "/certificates/r/" + r.token();
        assertTrue(browser.get(page).body().contains("Passed the quiz: no result recorded yet"));
        assertEquals(page, issue(page));

        QuizAttempts attempts = new QuizAttempts(site.database, site.clock);
        String participant = QuizAttempts.ofRegistration(r.id());
        RightChoice marker = new RightChoice();
        QuizAttempt failed = attempts.start(participant, "quiz-2026", "quiz-2026-quiz", 2, null, () -> "quiz-2026-q1");
        attempts.save(failed.id(), Map.of("quiz-2026-q1", "quiz-2026-q1-b"));
        attempts.submit(failed.id(), 1, marker);
        assertTrue(browser.get(page).body().contains("Passed the quiz: not yet"));
        assertEquals(page, issue(page), "0 % is below the pass mark of 60 %");

        QuizAttempt passed = attempts.start(participant, "quiz-2026", "quiz-2026-quiz", 2, null, () -> "quiz-2026-q1");
        attempts.save(passed.id(), Map.of("quiz-2026-q1", "quiz-2026-q1-a"));
        attempts.submit(passed.id(), 1, marker);
        assertTrue(browser.get(page).body().contains("Passed the quiz: done"));
        assertEquals(page + "/certificate.pdf", issue(page));
        assertEquals(404, browser.get("/certificates/r/not-a-token").statusCode());
    }

    /** Marks the one test question: choice a is right. */
    private static final class RightChoice implements QuizAttempts.Marker {
        @Override
        public QuizAttempts.Grade mark(String itemId, String response) {
            boolean right = "quiz-2026-q1-a".equals(response);
            return new QuizAttempts.Grade(right ? 1 : 0, right ? "correct" : "wrong");
        }
    }

    @Test
    void aRecordedPaymentIssuesOneNumberedReceiptWithTheInvoiceFields() throws Exception {
        Registration first = site.register("attend-2026", Pool.ONSITE, "青木 太郎", "あおき たろう", Map.of());
        Registration second = site.register("attend-2026", Pool.ONSITE, "馬場 次郎", "ばば じろう", Map.of());
        assertEquals(404, browser.get("/receipts/" + first.token()).statusCode(), "nothing before the payment");

        site.staff("staff@example.jp", StaffRole.ADMIN, "a long staff password");
        Browser staff = new Browser(site);
        staff.logIn("staff@example.jp", "a long staff password");
        String list = staff.get("/staff/payments/attend-2026").body();
        String csrf = Browser.csrf(list);
        HttpResponse<String> paid = staff.post("/staff/payments/attend-2026/" + second.id() + "/paid", Map.of("csrf", csrf));
        assertEquals("/staff/payments/attend-2026?receipt=1", paid.headers().firstValue("Location").orElse(""));
        staff.post("/staff/payments/attend-2026/" + first.id() + "/paid", Map.of("csrf", csrf));
        HttpResponse<String> again = staff.post("/staff/payments/attend-2026/" + second.id() + "/paid",
                Map.of("csrf", csrf));
        assertEquals("/staff/payments/attend-2026?receipt=1", again.headers().firstValue("Location").orElse(""),
                "a receipt is never issued twice");
        assertTrue(site.audit().stream().anyMatch(e -> e.action().equals("record payment")));

        HttpResponse<byte[]> pdf = browser.bytes("/receipts/" + first.token());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text = text(pdf.body());
        assertTrue(text.contains("領収書") && text.contains("No. 2") && text.contains("株式会社テスト 青木 太郎 様")
                && text.contains("出席で修了 受講料") && text.contains("¥5,000") && text.contains("10% 対象")
                && text.contains("うち消費税 ¥454") && text.contains("一般社団法人 テスト工業会")
                && text.contains("登録番号 T1234567890123") && text.contains("2026年11月21日"), text);
    }

    @Test
    void withoutAnIssuerNoReceiptIsIssuedAndStaffAreToldWhy() throws Exception {
        try (TestSite plain = new TestSite(20)) {
            Registration r = plain.register("dicom-2026", Pool.ONSITE, "青木 太郎", "あおき たろう", Map.of());
            plain.staff("staff@example.jp", StaffRole.ADMIN, "a long staff password");
            Browser staff = new Browser(plain);
            staff.logIn("staff@example.jp", "a long staff password");
            String list = staff.get("/staff/payments/dicom-2026").body();
            assertTrue(list.contains("--invoice-issuer"), list);
            HttpResponse<String> refused = staff.post("/staff/payments/dicom-2026/" + r.id() + "/paid",
                    Map.of("csrf", Browser.csrf(list)));
            assertEquals(409, refused.statusCode());
        }
    }
}
