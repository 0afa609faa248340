package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The participants' pages as a browser without JavaScript uses them: links, forms and cookies. */
class ParticipantPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite(0);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void theCatalogueIsInJapaneseOrEnglishAndShowsSeatsAndFees() throws Exception {
        String japanese = get("/?lang=ja").body();
        assertTrue(japanese.contains("<html lang=\"ja\">"));
        assertTrue(japanese.contains("受付中のセミナー"));
        assertTrue(japanese.contains("DICOM セミナー"));
        assertTrue(japanese.contains("会員 5,000 円 / 非会員 8,000 円"), japanese);
        assertTrue(japanese.contains("残り 2 席（定員 2）"), japanese);
        assertTrue(japanese.contains("定員未定"));
        assertFalse(japanese.contains("下書き"), "a draft is not shown");

        String english = get("/?lang=en").body();
        assertTrue(english.contains("<html lang=\"en\">"));
        assertTrue(english.contains("DICOM Seminar"));
        assertTrue(english.contains("Member: ¥5,000 / Non-member: ¥8,000"), english);
        assertTrue(get("/").body().contains("lang=\"en\""), "the choice is remembered");
    }

    @Test
    void registeringThroughTheFormsShowsTheFeeFirstThenThePersonalPage() throws Exception {
        String page = get("/seminars/dicom-2026?lang=ja").body();
        assertTrue(page.contains("DICOM の基礎"), "the programme is shown");
        assertTrue(page.contains("DICOM の経験は？"), "the questionnaire is shown");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(page));
        form.put("name", "青木 <script>alert(1)</script>");
        form.put("kana", "あおき");
        form.put("email", "aoki@example.jp");
        form.put("organization", "株式会社テスト");
        form.put("member", "false");
        form.put("pool", "onsite");
        form.put("answer.pre-1", "3");

        HttpResponse<String> confirm = post("/seminars/dicom-2026/confirm", form);
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("8,000 円"), "the non-member fee is shown before confirming");
        assertTrue(confirm.body().contains("青木 &lt;script&gt;alert(1)&lt;/script&gt;"), "what people type is escaped");
        assertFalse(confirm.body().contains("<script>alert"));

        HttpResponse<String> registered = post("/seminars/dicom-2026/register", form);
        assertEquals(303, registered.statusCode());
        String location = registered.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/r/"), location);

        String personal = get(location).body();
        assertTrue(personal.contains("参加確定"), personal);
        assertTrue(personal.contains("お申し込みありがとうございます"));
        assertEquals("no-referrer", get(location).headers().firstValue("Referrer-Policy").orElse(""));

        HttpResponse<String> cancelled = post(location.replace("?done=registered", "") + "/cancel",
                Map.of("csrf", csrf(personal)));
        assertEquals(303, cancelled.statusCode());
        assertTrue(get(cancelled.headers().firstValue("Location").orElseThrow()).body().contains("取消し済み"));
    }

    @Test
    void aFormWithAProblemComesBackFilledInWithTheProblemNamed() throws Exception {
        String page = get("/seminars/dicom-2026?lang=en").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(page));
        form.put("name", "Aoki Taro");
        form.put("kana", "Aoki");
        form.put("email", "aoki@example.jp");
        form.put("organization", "Test Ltd");
        form.put("member", "true");
        form.put("pool", "web");

        HttpResponse<String> response = post("/seminars/dicom-2026/confirm", form);

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Reading of the name (kana): write the reading in hiragana or katakana."),
                response.body());
        assertTrue(response.body().contains("value=\"Aoki Taro\""), "what was typed is kept");
    }

    @Test
    void aPostWithoutTheFormsTokenChangesNothing() throws Exception {
        get("/seminars/dicom-2026"); // the browser has its cookie, but the attacker's form has no token
        Map<String, String> form = Map.of("name", "x", "kana", "あ", "email", "x@example.jp", "organization", "x",
                "member", "true", "pool", "onsite", "csrf", "guessed-value-guessed-value-guessed");

        HttpResponse<String> response = post("/seminars/dicom-2026/register", form);

        assertEquals(403, response.statusCode());
        assertTrue(get("/api/seminars/dicom-2026").body().contains("\"confirmed\":0"));
    }

    @Test
    void unknownPagesAndTokensAreAPageNotAnError() throws Exception {
        HttpResponse<String> response = get("/r/no-such-token?lang=en");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Not found"));
        assertEquals(404, get("/seminars/draft-2026").statusCode());
        assertEquals(200, get("/static/manabi.css").statusCode());
        assertEquals(404, get("/static/nothing.css").statusCode());
        int traversal = get("/static/..%2Fweb.properties").statusCode();
        assertTrue(traversal == 400 || traversal == 404, "Jetty refuses an encoded slash itself: " + traversal);
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertTrue(matcher.find(), "the page has a form with a CSRF token");
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return site.server.uri().resolve(path);
    }
}
