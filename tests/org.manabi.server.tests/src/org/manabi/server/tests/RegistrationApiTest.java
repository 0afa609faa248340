package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.manabi.server.Email;
import org.manabi.store.Applicant;
import org.manabi.store.Pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RegistrationApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
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
    void theCatalogueListsPublishedSeminarsWithFeesAndPools() throws Exception {
        HttpResponse<String> response = get("/api/seminars");
        assertEquals(200, response.statusCode());
        JsonNode seminars = json.readTree(response.body());

        assertEquals(3, seminars.size(), "published only: " + response.body());
        JsonNode dicom = find(seminars, "dicom-2026");
        assertEquals("DICOM セミナー", dicom.get("title").asText());
        assertEquals("2026-12-25T13:00+09:00", dicom.get("start").asText());
        assertEquals("2026-12-25T17:00+09:00", dicom.get("end").asText());
        assertEquals("hybrid", dicom.get("delivery").asText());
        assertEquals(5000, dicom.at("/fees/member").asInt());
        assertEquals(8000, dicom.at("/fees/nonMember").asInt());
        assertEquals(2, dicom.at("/pools/onsite/capacity").asInt());
        assertEquals(0, dicom.at("/pools/onsite/confirmed").asInt());
        assertTrue(dicom.at("/pools/web/capacity").isNull(), "undecided capacity is null");

        JsonNode free = find(seminars, "free-web-2026");
        assertEquals(0, free.at("/fees/member").asInt());
        assertFalse(free.get("pools").has("onsite"), "a pool that is not planned is absent");
    }

    @Test
    void registeringFillsTheSeatsThenTheWaitingListAndCancellingPromotes() throws Exception {
        JsonNode first = json.readTree(register("dicom-2026", person("aoki", true, "onsite")).body());
        assertEquals("confirmed", first.get("status").asText());
        assertTrue(first.get("position").isNull());
        assertEquals(5000, first.get("fee").asInt());
        assertTrue(first.get("token").asText().length() >= 22);

        HttpResponse<String> second = register("dicom-2026", person("baba", false, "onsite"));
        assertEquals(201, second.statusCode());
        assertEquals(8000, json.readTree(second.body()).get("fee").asInt());

        HttpResponse<String> third = register("dicom-2026", person("chiba", true, "onsite"));
        assertEquals(201, third.statusCode());
        JsonNode waiting = json.readTree(third.body());
        assertEquals("waiting", waiting.get("status").asText());
        assertEquals(1, waiting.get("position").asInt());

        HttpResponse<String> cancel = post("/api/registrations/" + first.get("token").asText() + "/cancel", "{}");
        assertEquals(200, cancel.statusCode());
        assertEquals("cancelled", json.readTree(cancel.body()).get("status").asText());

        JsonNode promoted = json.readTree(get("/api/registrations/" + waiting.get("token").asText()).body());
        assertEquals("confirmed", promoted.get("status").asText());
        assertEquals("chiba@example.jp", promoted.get("email").asText());
        waitForMails(4);
        assertTrue(site.mails.stream().anyMatch(m -> m.to().equals("chiba@example.jp") && m.subject().equals("A seat for you: DICOM Seminar")
                && m.body().contains("/r/" + waiting.get("token").asText())), site.mails.toString());
    }

    @Test
    void aDuplicateAddressGets409AndItsLinkIsMailedOnlyToThatAddress() throws Exception {
        String token = json.readTree(register("dicom-2026", person("aoki", true, "onsite")).body()).get("token").asText();

        HttpResponse<String> again = register("dicom-2026", person("AOKI", true, "web"));

        assertEquals(409, again.statusCode());
        assertEquals("email", json.readTree(again.body()).get("field").asText());
        assertFalse(again.body().contains(token), "the existing link goes to the mailbox, not to whoever asked");
        waitForMails(2);
        assertTrue(site.mails.get(1).body().contains(token));
    }

    @Test
    void aMailThatCannotBeSentIsTriedAgainLaterAndNoneIsLost() throws Exception {
        site.close();
        List<Email> sent = new CopyOnWriteArrayList<>();
        AtomicInteger tries = new AtomicInteger();
        site = new TestSite(0, email -> {
            if (tries.incrementAndGet() == 1) {
                throw new IOException("the mail relay refused the connection");
            }
            sent.add(email);
        });

        assertEquals(201, register("dicom-2026", person("aoki", true, "onsite")).statusCode());
        // until the failure is recorded: the retry is set a minute after the clock of that moment
        for (int i = 0; i < 200 && failedAttempts() < 1; i++) {
            Thread.sleep(50);
        }
        assertEquals(1, failedAttempts(), "the relay refused the first mail");
        assertEquals(List.of(), sent);
        site.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(201, register("dicom-2026", person("baba", true, "onsite")).statusCode());
        for (int i = 0; i < 200 && sent.size() < 2; i++) {
            Thread.sleep(50);
        }
        assertEquals(Set.of("aoki@example.jp", "baba@example.jp"),
                sent.stream().map(Email::to).collect(Collectors.toSet()), "the refused mail went a minute later");
    }

    /** The failed attempts recorded on the mails owed. */
    private int failedAttempts() throws Exception {
        try (Connection connection = site.database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(SUM(attempts), 0) FROM owed_mail")) {
            rows.next();
            int attempts = rows.getInt(1);
            connection.rollback();
            return attempts;
        }
    }

    @Test
    void aMailOwedByAChangeMadeThroughAnotherNodeIsSentToo() throws Exception {
        // a registration another node (or this one before a restart) committed: its mail is only in the database
        site.site.registrations().register("free-web-2026", Pool.WEB, new Applicant("井上 花子", "いのうえ はなこ",
                "inoue@example.jp", "株式会社テスト", false, null, 0, Map.of(), "ja"), URI.create("https://seminars.example.jp/"));

        for (int i = 0; i < 300 && site.mails.isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertEquals(1, site.mails.size(), "sent by the server's next look at the database");
        assertEquals("inoue@example.jp", site.mails.get(0).to());
        assertTrue(site.mails.get(0).body().contains("https://seminars.example.jp/r/"), site.mails.get(0).body());
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNeverA5xx() throws Exception {
        assertError(register("dicom-2026", "{\"name\":\"青木\",\"email\":\"a@example.jp\",\"organization\":\"x\","
                + "\"member\":true,\"pool\":\"onsite\"}"), 400, "kana");
        assertError(register("dicom-2026", person("aoki", true, "onsite").replace("\"member\":true", "\"member\":\"yes\"")),
                400, "member");
        assertError(register("dicom-2026", person("aoki", true, "onsite").replace("aoki@example.jp", "not-an-address")),
                400, "email");
        assertError(register("dicom-2026", person("aoki", true, "balcony")), 400, "pool");
        assertError(register("free-web-2026", person("aoki", true, "onsite")), 400, "pool");
        assertError(register("dicom-2026", person("aoki", true, "onsite").replace("あおき", "Aoki")), 400, "kana");
        assertError(register("dicom-2026", "[1,2]"), 400, null);
        assertError(register("dicom-2026", "{\"name\": "), 400, null);
        assertError(register("dicom-2026", "' OR 1=1; DROP TABLE registration; --"), 400, null);

        byte[] badUtf8 = person("aoki", true, "onsite").replace("青木", "XX").getBytes(StandardCharsets.UTF_8);
        int at = new String(badUtf8, StandardCharsets.UTF_8).indexOf("XX");
        badUtf8[at] = (byte) 0xC3;
        badUtf8[at + 1] = (byte) 0x28;
        assertEquals(400, send(HttpRequest.newBuilder(uri("/api/seminars/dicom-2026/registrations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(badUtf8))).statusCode());

        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) ' ');
        // each on a connection of its own: the server closes a connection whose body it refused unread, and
        // a pooled connection reused at that moment would fail the next request with an EOF (seen in CI).
        // The large body is offered with Expect: 100-continue, as curl does: the server refuses it from its
        // Content-Length before a byte is sent. Sent outright, the close can reset the connection before
        // the client has read the 413 ("header parser received no bytes", seen under load).
        try (HttpClient once = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            assertEquals(413, once.send(HttpRequest.newBuilder(uri("/api/seminars/dicom-2026/registrations"))
                    .expectContinue(true).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(tenMegabytes)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        try (HttpClient once = HttpClient.newHttpClient()) {
            assertEquals(415, once.send(HttpRequest.newBuilder(uri("/api/seminars/dicom-2026/registrations"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(person("a", true, "onsite")))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }

        assertError(register("no-such-seminar", person("aoki", true, "onsite")), 404, null);
        assertError(register("draft-2026", person("aoki", true, "web")), 404, null);
        assertError(register("closed-2026", person("aoki", true, "web")), 403, null);
        assertEquals(404, get("/api/registrations/not-a-token").statusCode());
        assertEquals(0, site.mails.size(), "nothing bad was registered");
    }

    @Test
    void theQuestionnaireIsCheckedAndKept() throws Exception {
        String body = person("aoki", true, "web").replace("}", ",\"answers\":{\"pre-1\":\"4\",\"pre-2\":\"<b>PACS</b>\"}}");
        HttpResponse<String> response = register("dicom-2026", body);
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("confirmed", json.readTree(response.body()).get("status").asText(), "an undecided capacity has no limit");

        String outOfScale = person("baba", true, "web").replace("}", ",\"answers\":{\"pre-1\":\"9\"}}");
        assertError(register("dicom-2026", outOfScale), 400, "answers");
    }

    @Test
    void aClientThatRegistersTooOftenIsSlowedDown() throws Exception {
        try (TestSite limited = new TestSite(3)) {
            URI registrations = limited.server.uri().resolve("/api/seminars/free-web-2026/registrations");
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(registrations)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(person("p" + i, true, "web"))));
                assertEquals(i < 3 ? 201 : 429, response.statusCode(), "registration " + (i + 1));
                if (i == 3) {
                    assertEquals("60", response.headers().firstValue("Retry-After").orElse(""));
                }
            }
        }
    }

    static String person(String name, boolean member, String pool) {
        return "{\"name\":\"青木 " + name + "\",\"kana\":\"あおき\",\"email\":\"" + name.toLowerCase() + "@example.jp\","
                + "\"organization\":\"株式会社テスト\",\"member\":" + member + ",\"pool\":\"" + pool + "\"}";
    }

    private void assertError(HttpResponse<String> response, int status, String field) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertFalse(body.get("error").asText().isBlank());
        if (field != null) {
            assertEquals(field, body.get("field").asText(), response.body());
        }
    }

    private void waitForMails(int count) throws InterruptedException {
        for (int i = 0; i < 100 && site.mails.size() < count; i++) {
            Thread.sleep(50);
        }
        assertEquals(count, site.mails.size(), site.mails.toString());
    }

    private static JsonNode find(JsonNode seminars, String id) {
        for (JsonNode seminar : seminars) {
            if (seminar.get("id").asText().equals(id)) {
                return seminar;
            }
        }
        throw new AssertionError("no seminar " + id + " in " + seminars);
    }

    private HttpResponse<String> register(String seminar, String body) throws Exception {
        return post("/api/seminars/" + seminar + "/registrations", body);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return site.server.uri().resolve(path);
    }
}
