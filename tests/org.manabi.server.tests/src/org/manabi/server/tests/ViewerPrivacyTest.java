package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.manabi.store.AuditEntry;
import org.manabi.store.AuditLog;
import org.manabi.store.StaffAccounts;
import org.manabi.store.StaffRole;
import org.manabi.store.ViewingId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Someone who holds a viewing ID without registering has no personal link: they make personal-data
 * requests through the ID, and the requests reach what the ID holds, their quiz answers included.
 */
class ViewerPrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";

    @Test
    void aViewerAsksThroughTheIdForTheirQuizAnswersAndThenForDeletion() throws Exception {
        try (QuizSite site = new QuizSite(Map.of())) {
            site.clock.set(Instant.parse("2027-07-20T01:00:00Z")); // inside the recording's window
            ViewingId dana = site.requestViewingId("dana");
            ViewingId erin = site.requestViewingId("erin");
            Browser viewer = site.browser();
            String quiz = "/api/quiz/" + dana.code();
            assertEquals(201, viewer.postJson(quiz + "/attempts", "{}").statusCode());
            assertEquals(200, viewer.postJson(quiz + "/attempts/1/submit",
                    "{\"answers\": {\"dicom-beginner-q01\": \"1993\"}}").statusCode());

            assertTrue(viewer.get("/vod/" + dana.code()).body().contains("href=\"/privacy/" + dana.code() + "\""),
                    "the videos page links to the requests");
            String page = viewer.get("/privacy/" + dana.code().toLowerCase()).body();
            assertTrue(page.contains("covers this viewing ID") && page.contains("href=\"/vod/" + dana.code() + "\""),
                    page);
            assertFalse(page.contains("name=\"kana\""), "a viewing ID holds no reading to correct");

            String api = "/api/privacy/" + dana.code();
            HttpResponse<String> asked = viewer.postJson(api, "{\"kind\":\"disclosure\"}");
            assertEquals(201, asked.statusCode(), asked.body());
            long disclosure = JSON.readTree(asked.body()).get("id").asLong();
            String download = api + "/requests/" + disclosure + "/data";
            assertEquals(409, viewer.get(download).statusCode(), "not before an admin has granted it");

            new StaffAccounts(site.database, site.clock).save("admin@example.jp", StaffRole.ADMIN, PASSWORD, Set.of());
            Browser admin = site.browser();
            admin.logIn("admin@example.jp", PASSWORD);
            JsonNode open = JSON.readTree(admin.get("/api/staff/requests").body()).get("requests").get(0);
            assertEquals(dana.id(), open.get("viewingId").asLong(), open.toString());
            assertTrue(open.get("registrationId").isNull());
            assertEquals(QuizSite.SEMINAR, open.get("seminarId").asText());
            JsonNode held = JSON.readTree(admin.get("/api/staff/requests/" + disclosure).body());
            assertEquals("dana@example.jp", held.get("viewer").get("email").asText(), held.toString());
            assertTrue(admin.get("/staff/requests/" + disclosure).body().contains("viewing ID " + dana.id()));
            assertEquals(200, admin.postJson("/api/staff/requests/" + disclosure, "{\"decision\":\"grant\"}").statusCode());

            JsonNode file = JSON.readTree(viewer.get(download).body());
            JsonNode tables = file.get("tables");
            assertEquals("dana@example.jp", tables.get("viewing_id").get(0).get("email").asText());
            assertEquals("1993", tables.get("quiz_answer").get(0).get("response").asText(), file.toString());
            assertEquals(1, tables.get("quiz_attempt").size());
            assertFalse(file.toString().contains("erin@example.jp"), "nothing of another viewer");
            assertEquals(404, viewer.get("/api/privacy/" + erin.code() + "/requests/" + disclosure + "/data").statusCode(),
                    "another ID does not reach this request");

            asked = viewer.postJson(api, "{\"kind\":\"deletion\"}");
            long deletion = JSON.readTree(asked.body()).get("id").asLong();
            assertEquals(200, admin.postJson("/api/staff/requests/" + deletion, "{\"decision\":\"grant\"}").statusCode());
            assertEquals(404, viewer.get(quiz + "/attempts/1").statusCode(), "the ID opens the answers no more");
            assertEquals(404, viewer.get("/privacy/" + dana.code()).statusCode());
            assertEquals(404, viewer.get("/vod/" + dana.code()).statusCode());
            JsonNode results = JSON.readTree(admin.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/results").body());
            assertEquals(1, results.get("takers").asInt(), "the attempt still counts, tied to no one");
            assertFalse(results.toString().contains("\"dana\"") || results.toString().contains("dana@example.jp"),
                    results.toString());
            assertTrue(admin.get("/staff/requests/" + deletion).body().contains("anonymised"));

            List<AuditEntry> audit = new AuditLog(site.database, site.clock).recent(100);
            String subject = "request " + deletion + " (deletion) of viewing ID " + dana.id() + " of " + QuizSite.SEMINAR;
            assertTrue(audit.stream().anyMatch(e -> e.action().equals("ask deletion") && e.subject().equals(subject)),
                    audit.toString());
            assertTrue(audit.stream().anyMatch(e -> e.action().equals("grant deletion") && e.subject().equals(subject)));
            assertTrue(audit.stream().anyMatch(e -> e.action().equals("download disclosure")));
        }
    }
}
