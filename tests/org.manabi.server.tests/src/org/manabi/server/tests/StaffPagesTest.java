package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manabi.server.ServerSettings;
import org.manabi.store.AuditEntry;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.StaffAccounts;
import org.manabi.store.StaffRole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** The staff side as staff use it: log in, find people, check them in, export, subscribe to the calendar. */
class StaffPagesTest {

    private static final String PASSWORD = "a password of twelve+";

    private TestSite site;
    private Browser teacher;
    private Registration aoki;
    private Registration baba;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite(0);
        site.staff("Teacher@Example.jp", StaffRole.INSTRUCTOR, PASSWORD, "dicom-2026");
        aoki = site.register("dicom-2026", Pool.ONSITE, "青木 太郎", "アオキ タロウ", Map.of("pre-1", "4", "pre-2", "PACS の運用"));
        baba = site.register("dicom-2026", Pool.WEB, "=HYPERLINK(\"http://evil.example\")", "ばば", Map.of());
        teacher = new Browser(site);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswerAndNoSession() throws Exception {
        HttpResponse<String> wrong = teacher.logIn("teacher@example.jp", "not the password");
        HttpResponse<String> unknown = new Browser(site).logIn("nobody@example.jp", PASSWORD);

        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertTrue(wrong.body().contains("The email address or the password is not right."), wrong.body());
        assertEquals(message(wrong.body()), message(unknown.body()), "nothing tells which addresses have accounts");
        assertTrue(wrong.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("manabi_staff")));
        assertEquals(303, teacher.get("/staff").statusCode(), "still not logged in");
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndLogOutEndsTheSession() throws Exception {
        HttpResponse<String> login = teacher.logIn("ＴＥＡＣＨＥＲ@example.jp", PASSWORD);

        assertEquals(303, login.statusCode(), login.body());
        assertEquals("/staff", login.headers().firstValue("Location").orElse(""));
        String cookie = sessionCookie(login);
        assertTrue(cookie.startsWith("manabi_staff="), cookie);
        String token = cookie.substring("manabi_staff=".length(), cookie.indexOf(';'));
        assertTrue(token.length() >= 43, "at least 256 random bits: " + token);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.matches("(?i).*SameSite=Strict.*"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP on loopback: a Secure cookie would not come back");

        HttpResponse<String> home = teacher.get("/staff");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Teacher@Example.jp"), home.body());
        assertTrue(home.body().contains("/staff/seminars/dicom-2026"));
        assertFalse(home.body().contains("/staff/seminars/free-web-2026"), "only the seminars in scope");

        assertEquals(303, teacher.submit("/staff/logout", Map.of()).statusCode());
        assertEquals(303, teacher.get("/staff").statusCode());
        assertTrue(new StaffAccounts(site.database, site.site.clock()).ofSession(token).isEmpty(),
                "the session is over on the server, not only in the browser");
    }

    @Test
    void overHttpsTheCookieIsSecureWithTheHostPrefix() throws Exception {
        site.close();
        site = new TestSite(new ServerSettings(URI.create("https://seminars.example.jp/"), 0, 10), null);
        site.staff("admin@example.jp", StaffRole.ADMIN, PASSWORD);

        String cookie = sessionCookie(new Browser(site).logIn("admin@example.jp", PASSWORD));

        assertTrue(cookie.startsWith("__Host-manabi_staff="), cookie);
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("Path=/"), "__Host- requires path /");
        assertFalse(cookie.toLowerCase().contains("domain="), "__Host- forbids a domain");
    }

    @Test
    void logInIsRateLimitedPerAddress() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, teacher.logIn("teacher@example.jp", "guess number " + i).statusCode());
        }

        HttpResponse<String> limited = new Browser(site).logIn("teacher@example.jp", PASSWORD);

        assertEquals(429, limited.statusCode(), "the right password does not help once the minute is used up");
        assertTrue(limited.body().contains("Too many log-in attempts"), limited.body());
        assertTrue(sessionCookie(limited).isEmpty());
    }

    @Test
    void everyStaffFormRefusesAPostWithoutItsToken() throws Exception {
        assertEquals(403, teacher.post("/staff/login", Map.of("email", "teacher@example.jp", "password", PASSWORD))
                .statusCode(), "log-in CSRF");
        teacher.logIn("teacher@example.jp", PASSWORD);
        String forged = "forged-token-forged-token-forged-token";

        assertEquals(403, teacher.post("/staff/seminars/dicom-2026/registrants/" + aoki.id() + "/check-in",
                Map.of("csrf", forged)).statusCode());
        assertEquals(403, teacher.post("/staff/registrations/" + aoki.token() + "/check-in", Map.of()).statusCode());
        assertEquals(403, teacher.post("/staff/logout", Map.of("csrf", forged)).statusCode());
        assertEquals(403, teacher.post("/staff/accounts", Map.of("email", "x@example.jp", "role", "admin",
                "password", "long enough password")).statusCode());

        assertNull(site.site.registrations().find(aoki.token()).orElseThrow().checkedIn(), "nothing checked in");
        assertEquals(200, teacher.get("/staff").statusCode(), "still logged in");
        assertEquals(415, teacher.post("/api/staff/registrations/" + aoki.token() + "/check-in", Map.of()).statusCode(),
                "the API takes JSON only, which a form of another site cannot send");
    }

    @Test
    void theRegistrantsPageShowsEachPoolWithStatusFeeAnswersAndCheckInButtons() throws Exception {
        teacher.logIn("teacher@example.jp", PASSWORD);

        HttpResponse<String> page = teacher.get("/staff/seminars/dicom-2026?lang=ja");

        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("青木 太郎") && html.contains("アオキ タロウ"), html);
        assertTrue(html.contains("参加確定"), "status");
        assertTrue(html.contains("5,000 円"), "fee");
        assertTrue(html.contains("DICOM の経験は？") && html.contains("PACS の運用"), "questionnaire with its questions");
        assertTrue(html.contains("会場") && html.contains("確定 1（定員 2）"), html);
        assertTrue(html.contains("HYPERLINK(&quot;http://evil.example&quot;)"), "escaped");
        assertEquals(2, count(html, "/check-in\""), "a check-in button per confirmed registrant");
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void nameSearchFindsKanaInEitherScriptAndFullOrHalfWidth() throws Exception {
        teacher.logIn("teacher@example.jp", PASSWORD);

        for (String query : List.of("あおき", "ｱｵｷ", "アオキ", "青木", "青木太郎", "ﾊﾞﾊﾞ", "ばば", "ＨＹＰＥＲ")) {
            String html = teacher.get("/staff/seminars/dicom-2026?q=" + encode(query)).body();
            boolean aokiWanted = List.of("あおき", "ｱｵｷ", "アオキ", "青木", "青木太郎").contains(query);
            assertEquals(aokiWanted, html.contains("青木 太郎"), query);
            assertEquals(!aokiWanted, html.contains("HYPERLINK"), query);
            assertTrue(html.contains("1 found for"), query + ": " + html);
        }
        JsonNode api = new ObjectMapper().readTree(teacher.get("/api/staff/seminars/dicom-2026/registrations?q="
                + encode("ｱｵｷ")).body());
        assertEquals(1, api.size());
        assertEquals("青木 太郎", api.get(0).get("name").asText());
    }

    @Test
    void checkingInFromTheListShowsOnTheAttendanceList() throws Exception {
        teacher.logIn("teacher@example.jp", PASSWORD);

        HttpResponse<String> checkIn = teacher.submit("/staff/seminars/dicom-2026/registrants/" + aoki.id() + "/check-in",
                Map.of("q", "あおき"));

        assertEquals(303, checkIn.statusCode(), checkIn.body());
        String location = checkIn.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/staff/seminars/dicom-2026?done=checkedin&q="), location);
        Registration checked = site.site.registrations().find(aoki.token()).orElseThrow();
        assertNotNull(checked.checkedIn());
        assertEquals("Teacher@Example.jp", checked.checkedInBy());
        String attendance = teacher.get("/staff/seminars/dicom-2026/attendance?lang=en").body();
        assertTrue(attendance.contains("1 of 2 confirmed participants checked in"), attendance);
        assertTrue(attendance.contains("2026-11-21 12:00 by Teacher@Example.jp"), "Japan time: " + attendance);
        assertEquals(1, count(teacher.get("/staff/seminars/dicom-2026").body(), "/check-in\""), "one button left");
    }

    @Test
    void theCsvHasAByteOrderMarkJapaneseAnswersAndNoFormulas() throws Exception {
        teacher.logIn("teacher@example.jp", PASSWORD);

        HttpResponse<byte[]> response = teacher.bytes("/staff/seminars/dicom-2026/registrants.csv?lang=ja");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains("registrants-dicom-2026.csv"));
        byte[] bytes = response.body();
        assertTrue(Arrays.equals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, Arrays.copyOf(bytes, 3)),
                "UTF-8 byte-order mark for Excel");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"), "CRLF, as Excel writes");
        List<CSVRecord> rows = CSVParser.parse(new StringReader(text), CSVFormat.EXCEL.builder().setHeader()
                .setSkipHeaderRecord(true).get()).getRecords();
        assertEquals(2, rows.size());
        CSVRecord first = rows.get(0);
        assertEquals("青木 太郎", first.get("氏名"));
        assertEquals("アオキ タロウ", first.get("ふりがな"));
        assertEquals("参加確定", first.get("状態"));
        assertEquals("5000", first.get("参加費（円）"));
        assertEquals("PACS の運用", first.get("聞きたいこと"));
        assertEquals("4", first.get("DICOM の経験は？"));
        assertEquals("'=HYPERLINK(\"http://evil.example\")", rows.get(1).get("氏名"), "a formula is defused");
    }

    @Test
    void theCalendarFeedParsesBackWithJapanTimes() throws Exception {
        HttpResponse<String> response = new Browser(site).get("/calendar.ics");

        assertEquals(200, response.statusCode(), "public: no personal data, and calendar programs cannot log in");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(3, events.size(), "the sessions of the published seminars: " + response.body());
        VEvent dicom = events.stream().filter(e -> e.getSummary().getValue().equals("DICOM セミナー")).findFirst()
                .orElseThrow();
        ZonedDateTime start = ZonedDateTime.from(dicom.getDateTimeStart().getDate());
        assertEquals(ZonedDateTime.parse("2026-12-25T13:00+09:00").toInstant(), start.toInstant());
        assertEquals("+09:00", start.getOffset().getId());
        assertTrue(response.body().contains("DTSTART;TZID=Asia/Tokyo:20261225T130000"), response.body());
        assertTrue(response.body().contains("BEGIN:VTIMEZONE"));
        assertEquals("dicom-2026-1@manabi", dicom.getUid().orElseThrow().getValue());
        assertEquals("会議室", dicom.getLocation().getValue());
        assertFalse(response.body().contains("青木"), "no participant in the feed");
    }

    @Test
    void theQrCodeOfThePersonalPageDecodesToItsLink() throws Exception {
        Browser participant = new Browser(site);
        String page = participant.get("/r/" + aoki.token()).body();
        assertTrue(page.contains("src=\"/r/" + aoki.token() + "/qr.png\""), page);

        HttpResponse<byte[]> png = participant.bytes("/r/" + aoki.token() + "/qr.png");

        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        // PURE_BARCODE: the image is the code alone, as rendered. Without it, ZXing's detector for camera
        // pictures missed the finder patterns of 4 in 500 renderings of random links; this mode read all 500
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertEquals(site.server.uri().resolve("/r/" + aoki.token()).toString(), text);
        assertEquals(404, participant.bytes("/r/no-such-token/qr.png").statusCode());
    }

    @Test
    void onlyStaffInScopeSeeTheCheckInButtonOfAPersonalPage() throws Exception {
        site.staff("other@example.jp", StaffRole.INSTRUCTOR, PASSWORD, "free-web-2026");
        Browser participant = new Browser(site);
        Browser other = new Browser(site);
        other.logIn("other@example.jp", PASSWORD);
        teacher.logIn("teacher@example.jp", PASSWORD);
        String link = "/r/" + aoki.token() + "?lang=en";

        assertFalse(participant.get(link).body().contains("/check-in"), "the participant sees no check-in");
        assertFalse(other.get(link).body().contains("/check-in"), "nor does staff of another seminar");
        String staffView = teacher.get(link).body();
        assertTrue(staffView.contains("action=\"/staff/registrations/" + aoki.token() + "/check-in\""), staffView);
        assertTrue(staffView.contains("PACS の運用"), "the staff panel shows the answers");

        HttpResponse<String> checkIn = teacher.submit("/staff/registrations/" + aoki.token() + "/check-in", Map.of());

        assertEquals(303, checkIn.statusCode());
        assertEquals("/r/" + aoki.token() + "?done=checkedin", checkIn.headers().firstValue("Location").orElse(""));
        String after = teacher.get(checkIn.headers().firstValue("Location").orElseThrow() + "&lang=en").body();
        assertTrue(after.contains("Checked in.") && after.contains("by Teacher@Example.jp"), after);
        assertFalse(after.contains("/check-in\""), "no second check-in");
        assertFalse(participant.get(link).body().contains("Teacher@Example.jp"), "staff details stay with staff");
    }

    @Test
    void everyReadOrExportOfPersonalDataWritesOneAuditRow() throws Exception {
        teacher.logIn("teacher@example.jp", PASSWORD);
        int before = site.audit().size();

        teacher.get("/staff/seminars/dicom-2026");
        teacher.get("/staff/seminars/dicom-2026?q=" + encode("あおき"));
        teacher.get("/staff/seminars/dicom-2026/attendance");
        teacher.bytes("/staff/seminars/dicom-2026/registrants.csv");
        teacher.get("/api/staff/seminars/dicom-2026/registrations");
        teacher.get("/api/staff/registrations/" + baba.token());
        teacher.get("/r/" + baba.token());
        teacher.postJson("/api/staff/registrations/" + aoki.token() + "/check-in", "{}");
        teacher.get("/staff"); // no personal data: no row

        List<AuditEntry> rows = site.audit().subList(0, site.audit().size() - before);
        List<String> logged = rows.reversed().stream().map(e -> e.action() + " " + e.subject()).toList();
        assertEquals(List.of("read registrants dicom-2026", "search registrants dicom-2026", "read attendance dicom-2026",
                "export csv dicom-2026", "read registrants dicom-2026",
                "read registration registration " + baba.id() + " of dicom-2026",
                "read registration registration " + baba.id() + " of dicom-2026",
                "check-in registration " + aoki.id() + " of dicom-2026"), logged);
        assertTrue(rows.stream().allMatch(e -> e.staff().equals("Teacher@Example.jp") && e.address() != null
                && e.at().equals(TestSite.NOW)), rows.toString());
    }

    @Test
    void anAdminAddsAnInstructorWhoThenSeesTheirSeminarOnly() throws Exception {
        site.staff("admin@example.jp", StaffRole.ADMIN, PASSWORD);
        Browser admin = new Browser(site);
        admin.logIn("admin@example.jp", PASSWORD);

        HttpResponse<String> tooShort = admin.submit("/staff/accounts", Map.of("email", "new@example.jp",
                "role", "instructor", "password", "short", "seminar", "free-web-2026"));
        assertEquals(400, tooShort.statusCode());
        assertTrue(tooShort.body().contains("at least 12 characters"), tooShort.body());

        HttpResponse<String> saved = admin.submit("/staff/accounts", Map.of("email", "new@example.jp",
                "role", "instructor", "password", "long enough password", "seminar", "free-web-2026"));
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(admin.get("/staff/accounts").body().contains("new@example.jp"));
        assertTrue(admin.get("/staff/audit").body().contains("save staff account"));

        Browser instructor = new Browser(site);
        assertEquals(303, instructor.logIn("new@example.jp", "long enough password").statusCode());
        assertEquals(200, instructor.get("/staff/seminars/free-web-2026").statusCode());
        assertEquals(403, instructor.get("/staff/seminars/dicom-2026").statusCode());
        assertEquals(403, instructor.get("/staff/accounts").statusCode());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("manabi_staff=")).findFirst()
                .orElse("");
    }

    private static String message(String page) {
        return page.replaceAll("(?s).*<p class=\"problem\" role=\"alert\">([^<]*)</p>.*", "$1");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
