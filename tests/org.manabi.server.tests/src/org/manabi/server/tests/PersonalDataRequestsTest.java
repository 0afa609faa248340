package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.manabi.server.Email;
import org.manabi.store.AuditEntry;
import org.manabi.store.Pool;
import org.manabi.store.Registration;
import org.manabi.store.StaffRole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Personal-data requests end to end: a participant asks through their link (pages and API), an admin
 * settles, the participant downloads; each step in the audit log; other links and instructors can
 * neither see nor act.
 */
class PersonalDataRequestsTest {

    private static final String PASSWORD = "a password of twelve+";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ASKED = Pattern.compile("\\?asked=(\\d+)$");

    private TestSite site;
    private Registration aoki;
    private Registration baba;
    private Browser participant;
    private Browser admin;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite(0);
        aoki = site.register("dicom-2026", Pool.ONSITE, "青木 太郎", "あおき たろう", Map.of("pre-2", "PACS の話"));
        baba = site.register("dicom-2026", Pool.ONSITE, "馬場 花子", "ばば はなこ", Map.of());
        site.staff("admin@example.jp", StaffRole.ADMIN, PASSWORD);
        site.staff("teacher@example.jp", StaffRole.INSTRUCTOR, PASSWORD, "dicom-2026");
        participant = new Browser(site);
        admin = new Browser(site);
        assertEquals(303, admin.logIn("admin@example.jp", PASSWORD).statusCode());
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void aDisclosureIsAskedSettledAndDownloadedWithEveryStepAudited() throws Exception {
        HttpResponse<String> page = participant.get("/privacy/" + aoki.token());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Ask for disclosure"), page.body());
        assertTrue(participant.get("/r/" + aoki.token()).body().contains("/privacy/" + aoki.token()),
                "the personal page links to the requests");

        long id = ask(participant, aoki, Map.of("kind", "disclosure", "reason", ""));
        Email receipt = mail(m -> m.subject().startsWith("Request " + id + " received") || m.subject().startsWith("請求 " + id));
        assertEquals(aoki.applicant().email(), receipt.to());
        assertTrue(receipt.body().contains("/privacy/" + aoki.token()), receipt.body());
        String download = "/privacy/" + aoki.token() + "/requests/" + id + "/data.json";
        assertEquals(409, participant.get(download).statusCode(), "not before staff have granted it");

        HttpResponse<String> list = admin.get("/staff/requests");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("/staff/requests/" + id), list.body());
        HttpResponse<String> detail = admin.get("/staff/requests/" + id);
        assertTrue(detail.body().contains("青木 太郎"), detail.body());
        assertEquals(303, admin.submit("/staff/requests/" + id, Map.of("decision", "grant", "answer", "ご確認ください"))
                .statusCode());
        mail(m -> m.to().equals(aoki.applicant().email()) && m.body().contains("ご確認ください"));
        assertEquals(409, admin.submit("/staff/requests/" + id, Map.of("decision", "refuse")).statusCode(),
                "settled once");

        assertTrue(participant.get("/privacy/" + aoki.token()).body().contains(download));
        HttpResponse<String> file = participant.get(download);
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        JsonNode tables = JSON.readTree(file.body()).get("tables");
        assertEquals("青木 太郎", tables.get("registration").get(0).get("name").asText());
        assertEquals("{\"pre-2\":\"PACS の話\"}", tables.get("registration").get(0).get("answers").asText());
        assertFalse(file.body().contains("馬場"), "nothing of another participant");

        List<String> steps = site.audit().stream().map(e -> e.staff() + " " + e.action()).toList();
        for (String step : List.of("participant (own link) ask disclosure", "admin@example.jp read data requests",
                "admin@example.jp read data request", "admin@example.jp grant disclosure",
                "participant (own link) download disclosure")) {
            assertTrue(steps.contains(step), step + " in " + steps);
        }
        AuditEntry downloaded = site.audit().get(0);
        assertEquals("download disclosure", downloaded.action());
        assertTrue(downloaded.subject().contains("registration " + aoki.id()), downloaded.subject());
    }

    @Test
    void anotherLinkNeitherSeesNorActsOnARequest() throws Exception {
        long id = ask(participant, aoki, Map.of("kind", "disclosure"));
        admin.submit("/staff/requests/" + id, Map.of("decision", "grant"));
        Browser stranger = new Browser(site);

        assertEquals(404, stranger.get("/privacy/" + baba.token() + "/requests/" + id + "/data.json").statusCode());
        assertEquals(404, stranger.get("/api/privacy/" + baba.token() + "/requests/" + id + "/data").statusCode());
        assertFalse(stranger.get("/api/privacy/" + baba.token()).body().contains("\"id\":" + id));
        assertEquals(404, stranger.get("/privacy/not-a-token-of-anyone").statusCode());
        assertEquals(404, stranger.get("/api/privacy/not-a-token/requests/" + id + "/data").statusCode());
        assertEquals(403, stranger.post("/privacy/" + aoki.token(), Map.of("kind", "deletion")).statusCode(),
                "no CSRF token, no request");
        assertEquals(415, stranger.post("/api/privacy/" + aoki.token(), Map.of("kind", "deletion")).statusCode());
        assertEquals(1, JSON.readTree(participant.get("/api/privacy/" + aoki.token()).body()).get("requests").size());
    }

    @Test
    void aCorrectionThroughTheApiIsCheckedAndAppliedWhenAnAdminGrantsIt() throws Exception {
        String api = "/api/privacy/" + aoki.token();
        assertError(participant.postJson(api, "{\"kind\":\"correction\",\"correction\":{\"name\":\"青木 次郎\"}}"), "reason");
        assertError(participant.postJson(api, "{\"kind\":\"correction\",\"reason\":\"誤記\",\"correction\":{\"kana\":\"Aoki\"}}"),
                "kana");
        assertError(participant.postJson(api, "{\"kind\":\"correction\",\"reason\":\"誤記\"}"), "correction");
        assertError(participant.postJson(api, "{\"kind\":\"correction\",\"reason\":\"誤記\",\"correction\":{\"name\":\"青木 太郎\"}}"),
                "correction");
        assertError(participant.postJson(api, "{\"kind\":\"forget me\"}"), "kind");
        HttpResponse<String> made = participant.postJson(api,
                "{\"kind\":\"correction\",\"reason\":\"誤記\",\"correction\":{\"name\":\"青木 次郎\",\"email\":\"jiro@example.jp\"}}");
        assertEquals(201, made.statusCode(), made.body());
        long id = JSON.readTree(made.body()).get("id").asLong();

        Browser teacher = new Browser(site);
        teacher.logIn("teacher@example.jp", PASSWORD);
        assertEquals(403, teacher.postJson("/api/staff/requests/" + id, "{\"decision\":\"grant\"}").statusCode());
        assertEquals(403, teacher.get("/api/staff/requests").statusCode());
        assertEquals(401, new Browser(site).postJson("/api/staff/requests/" + id, "{\"decision\":\"grant\"}").statusCode());
        assertEquals("青木 太郎", site.site.registrations().find(aoki.token()).orElseThrow().applicant().name());

        JsonNode open = JSON.readTree(admin.get("/api/staff/requests").body()).get("requests");
        assertEquals(1, open.size());
        assertEquals("青木 次郎", open.get(0).get("correction").get("name").asText());
        JsonNode one = JSON.readTree(admin.get("/api/staff/requests/" + id).body());
        assertEquals("青木 太郎", one.get("registration").get("name").asText(), "what is held now, beside what is asked");
        HttpResponse<String> settled = admin.postJson("/api/staff/requests/" + id, "{\"decision\":\"grant\"}");
        assertEquals(200, settled.statusCode(), settled.body());
        assertEquals("granted", JSON.readTree(settled.body()).get("status").asText());
        assertEquals("青木 次郎", site.site.registrations().find(aoki.token()).orElseThrow().applicant().name());
        assertEquals("jiro@example.jp", site.site.registrations().find(aoki.token()).orElseThrow().applicant().email());
        assertEquals(1, JSON.readTree(admin.get("/api/staff/requests?status=settled").body()).get("requests").size());
        assertEquals(409, admin.postJson("/api/staff/requests/" + id, "{\"decision\":\"refuse\"}").statusCode());
    }

    @Test
    void suspensionStopsMailAndListsAndDeletionAnonymises() throws Exception {
        long suspension = ask(participant, baba, Map.of("kind", "suspension"));
        admin.submit("/staff/requests/" + suspension, Map.of("decision", "grant"));
        long deletion = ask(participant, aoki, Map.of("kind", "deletion", "reason", "もう参加しません"));
        admin.submit("/staff/requests/" + deletion, Map.of("decision", "grant"));

        String registrants = admin.get("/api/staff/seminars/dicom-2026/registrations").body();
        assertFalse(registrants.contains("馬場"), "suspended: not in the staff's lists: " + registrants);
        assertFalse(admin.get("/staff/seminars/dicom-2026/registrants.csv").body().contains("馬場"));
        mail(m -> m.to().equals(baba.applicant().email()) && m.subject().contains("への対応"));
        int before = site.mails.size();
        assertEquals(303, participant.submit("/r/" + baba.token() + "/pool", Map.of("pool", "web")).statusCode());
        Thread.sleep(300);
        assertTrue(site.mails.subList(before, site.mails.size()).stream()
                .noneMatch(m -> m.to().equals(baba.applicant().email())), "suspended: no more mail " + site.mails);

        assertEquals(404, participant.get("/r/" + aoki.token()).statusCode(), "deleted: the link leads nowhere");
        assertEquals(404, participant.get("/privacy/" + aoki.token()).statusCode());
        Email last = mail(m -> m.to().equals(aoki.applicant().email()) && m.subject().contains("への対応"));
        assertFalse(last.body().contains(aoki.token()), "no link to a page that is gone");
        assertFalse(admin.get("/api/staff/seminars/dicom-2026/registrations").body().contains("青木"));
        assertTrue(admin.get("/staff/requests/" + deletion).body().contains("anonymised"));
    }

    @Test
    void requestsAreRateLimitedPerAddress() throws Exception {
        site.close();
        site = new TestSite(1);
        aoki = site.register("dicom-2026", Pool.ONSITE, "青木 太郎", "あおき たろう", Map.of());
        Browser browser = new Browser(site);
        ask(browser, aoki, Map.of("kind", "disclosure"));
        assertEquals(429, browser.submit("/privacy/" + aoki.token(), Map.of("kind", "suspension")).statusCode());
    }

    /** Posts the form of the requests page; returns the new request's id from the redirect. */
    private static long ask(Browser browser, Registration registration, Map<String, String> form) throws Exception {
        HttpResponse<String> response = browser.submit("/privacy/" + registration.token(), form);
        assertEquals(303, response.statusCode(), response.body());
        Matcher matcher = ASKED.matcher(response.headers().firstValue("Location").orElseThrow());
        assertTrue(matcher.find());
        return Long.parseLong(matcher.group(1));
    }

    private static void assertError(HttpResponse<String> response, String field) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(field, JSON.readTree(response.body()).get("field").asText(), response.body());
    }

    /** The first mail that matches, waiting for the mail queue. */
    private Email mail(Predicate<Email> wanted) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (Email email : site.mails) {
                if (wanted.test(email)) {
                    return email;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such mail in " + site.mails);
    }
}
