package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.manabi.store.AuditEntry;
import org.manabi.store.AuditLog;
import org.manabi.store.Registration;
import org.manabi.store.Retention;
import org.manabi.store.StaffAccounts;
import org.manabi.store.StaffRole;
import org.manabi.store.ViewingId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Results, item statistics and survey answers of the real DICOM quiz after three people took it,
 * worked out by hand:
 * <pre>
 *        q01 q02 rest of the 13      total
 * Alice   1   1   11 (all right)      13  passes (70% needed)
 * Bob     1   0   0                    1
 * Carol   0   1   0                    1
 * </pre>
 * q01: facility 2/3; rest of test (total - q01) 12, 0, 1; Pearson r of (1,1,0) and (12,0,1) =
 * (10/3) / sqrt((2/3)(798/9)) = 10 / sqrt(532). q02: picks a 2, b 1. Every other question: facility
 * 1/3, so the first weakest slide is q03's (dicom-beginner-basics page 14).
 */
class StaffQuizTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL_RIGHT = """
            {"answers": {"dicom-beginner-q01": "1993", "dicom-beginner-q02": "dicom-beginner-q02-a",
             "dicom-beginner-q03": "false", "dicom-beginner-q04": "DICM", "dicom-beginner-q05": "Specific Character Set",
             "dicom-beginner-q06": "dicom-beginner-q06-a", "dicom-beginner-q07": ["dicom-beginner-q07-a",
             "dicom-beginner-q07-b", "dicom-beginner-q07-c"], "dicom-beginner-q08": "dicom-beginner-q08-a",
             "dicom-beginner-q09": "dicom-beginner-q09-a", "dicom-beginner-q10": "16",
             "dicom-beginner-q11": ["dicom-beginner-q11-a", "dicom-beginner-q11-b", "dicom-beginner-q11-d"],
             "dicom-beginner-q12": ["dicom-beginner-q12-a", "dicom-beginner-q12-b", "dicom-beginner-q12-c"],
             "dicom-beginner-q13": false}}""";

    private static void take(Browser browser, Registration who, String answers) throws Exception {
        String api = "/api/quiz/" + who.token();
        assertEquals(201, browser.postJson(api + "/attempts", "{}").statusCode());
        HttpResponse<String> submitted = browser.postJson(api + "/attempts/1/submit", answers);
        assertEquals(200, submitted.statusCode(), submitted.body());
    }

    @Test
    void resultsItemStatisticsAndSurveyForStaffInScope() throws Exception {
        try (QuizSite site = new QuizSite(java.util.Map.of())) {
            Browser participant = site.browser();
            take(participant, site.register(QuizSite.SEMINAR, "alice"), ALL_RIGHT);
            take(participant, site.register(QuizSite.SEMINAR, "bob"),
                    "{\"answers\": {\"dicom-beginner-q01\": \"１９９３\", \"dicom-beginner-q02\": \"dicom-beginner-q02-b\"}}");
            Registration carol = site.register(QuizSite.SEMINAR, "carol");
            take(participant, carol,
                    "{\"answers\": {\"dicom-beginner-q01\": \"1900\", \"dicom-beginner-q02\": \"dicom-beginner-q02-a\"}}");
            JsonNode survey = JSON.readTree(participant.postJson("/api/survey/" + carol.token() + "/attempts", "{}").body());
            String likert = null;
            String freeText = null;
            for (JsonNode question : survey.get("questions")) {
                if (likert == null && question.get("kind").asText().equals("likert")) {
                    likert = question.get("id").asText();
                } else if (freeText == null && question.get("kind").asText().equals("freeText")) {
                    freeText = question.get("id").asText();
                }
            }
            participant.postJson("/api/survey/" + carol.token() + "/attempts/1/submit",
                    "{\"answers\": {\"" + likert + "\": \"4\", \"" + freeText + "\": \"=HYPERLINK(\\\"x\\\") 例を増やして\"}}");

            StaffAccounts accounts = new StaffAccounts(site.database, site.clock);
            accounts.save("teacher@example.jp", StaffRole.INSTRUCTOR, "correct horse battery", Set.of(QuizSite.SEMINAR));
            accounts.save("other@example.jp", StaffRole.INSTRUCTOR, "correct horse battery", Set.of("monitor-qc-2026"));

            Browser anonymous = site.browser();
            assertEquals(401, anonymous.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/results").statusCode());
            assertEquals(303, anonymous.get("/staff/quizzes/" + QuizSite.SEMINAR).statusCode());
            Browser other = site.browser();
            other.logIn("other@example.jp", "correct horse battery");
            assertEquals(403, other.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/results").statusCode());
            assertEquals(403, other.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/items").statusCode());
            assertEquals(403, other.get("/staff/quizzes/" + QuizSite.SEMINAR + "/results.csv").statusCode());

            Browser teacher = site.browser();
            teacher.logIn("teacher@example.jp", "correct horse battery");
            JsonNode results = JSON.readTree(teacher.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/results").body());
            assertEquals(3, results.get("takers").asInt());
            assertEquals(1, results.get("passed").asInt());
            assertEquals(1.0 / 3, results.get("passRate").asDouble(), 1e-12);
            for (JsonNode person : results.get("people")) {
                assertEquals(person.get("name").asText().equals("alice") ? 100.0 : 100.0 / 13,
                        person.get("bestPercent").asDouble(), 1e-9, person.toString());
            }

            JsonNode items = JSON.readTree(teacher.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/items").body());
            JsonNode q01 = items.get("items").get(0);
            assertEquals("dicom-beginner-q01", q01.get("id").asText());
            assertEquals(2.0 / 3, q01.get("facility").asDouble(), 1e-12);
            assertEquals(10 / Math.sqrt(532), q01.get("discrimination").asDouble(), 1e-12);
            JsonNode picks = items.get("items").get(1).get("picks");
            assertEquals(2, picks.get("dicom-beginner-q02-a").get("count").asInt());
            assertEquals(1, picks.get("dicom-beginner-q02-b").get("count").asInt());
            assertEquals(0, picks.get("dicom-beginner-q02-c").get("count").asInt());
            JsonNode weakest = items.get("weakestSlides").get(0);
            assertEquals("dicom-beginner-basics", weakest.get("deck").asText());
            assertEquals(14, weakest.get("page").asInt());
            assertEquals(1.0 / 3, weakest.get("facility").asDouble(), 1e-12);

            HttpResponse<String> csv = teacher.get("/staff/quizzes/" + QuizSite.SEMINAR + "/results.csv");
            assertEquals(200, csv.statusCode());
            assertTrue(csv.body().startsWith("\uFEFF"), "UTF-8 with BOM for Excel");
            assertTrue(csv.body().contains("alice@example.jp"), csv.body());
            assertEquals(4, csv.body().lines().count(), "a header and one line per attempt: " + csv.body());

            JsonNode answers = JSON.readTree(teacher.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/survey").body());
            for (JsonNode question : answers.get("questions")) {
                if (question.get("id").asText().equals(likert)) {
                    assertEquals(1, question.get("distribution").get("4").asInt());
                    assertEquals(0, question.get("distribution").get("1").asInt());
                }
            }
            HttpResponse<String> surveyCsv = teacher.get("/staff/quizzes/" + QuizSite.SEMINAR + "/survey.csv");
            assertTrue(surveyCsv.body().contains("'=HYPERLINK"), "a formula stays text: " + surveyCsv.body());

            String page = teacher.get("/staff/quizzes/" + QuizSite.SEMINAR).body();
            assertTrue(page.contains("例を増やして"), page);
            assertTrue(page.contains("3 took the quiz, 1 passed (33%)"), page);

            List<AuditEntry> audit = new AuditLog(site.database, site.clock).recent(100);
            assertTrue(audit.stream().anyMatch(e -> e.action().equals("read quiz results")
                    && e.staff().equals("teacher@example.jp")), audit.toString());
            assertTrue(audit.stream().anyMatch(e -> e.action().equals("export quiz results")), audit.toString());
            assertTrue(audit.stream().anyMatch(e -> e.action().equals("export survey answers")), audit.toString());
        }
    }

    /**
     * Someone who holds a viewing ID without registering takes the quiz as themselves: staff see them in
     * the results (name from the ID, the ID masked, never the key), in the pass rate and in the CSV, under
     * the same audit rows as the registrants; once retention has anonymised them they are listed by the
     * masked ID alone, and the old key no longer opens their attempts.
     */
    @Test
    void viewersWithoutARegistrationAreListedBesideTheRegistrants() throws Exception {
        try (QuizSite site = new QuizSite(java.util.Map.of())) {
            site.clock.set(java.time.Instant.parse("2027-07-20T01:00:00Z")); // inside the recording's window
            Browser participant = site.browser();
            take(participant, site.register(QuizSite.SEMINAR, "alice"), ALL_RIGHT);
            ViewingId dana = site.requestViewingId("dana");
            String api = "/api/quiz/" + dana.code();
            assertEquals(201, participant.postJson(api + "/attempts", "{}").statusCode());
            assertEquals(200, participant.postJson(api + "/attempts/1/submit",
                    "{\"answers\": {\"dicom-beginner-q01\": \"1993\"}}").statusCode());
            site.requestViewingId("erin"); // holds an ID, has not taken the quiz
            String masked = dana.code().substring(0, 4) + "-****-****-****-****";

            new StaffAccounts(site.database, site.clock).save("teacher@example.jp", StaffRole.INSTRUCTOR,
                    "correct horse battery", Set.of(QuizSite.SEMINAR));
            Browser teacher = site.browser();
            teacher.logIn("teacher@example.jp", "correct horse battery");
            JsonNode results = JSON.readTree(teacher.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/results").body());
            assertEquals(2, results.get("takers").asInt(), results.toString());
            assertEquals(1, results.get("passed").asInt());
            assertEquals(0.5, results.get("passRate").asDouble(), 1e-12);
            JsonNode viewer = person(results, "dana");
            assertTrue(viewer.get("registration").isNull(), viewer.toString());
            assertEquals(masked, viewer.get("viewingId").asText());
            assertEquals("dana@example.jp", viewer.get("email").asText());
            assertEquals(100.0 / 13, viewer.get("bestPercent").asDouble(), 1e-9);
            assertEquals(1, viewer.get("attempts").size());
            assertEquals(0, person(results, "erin").get("attempts").size(), "listed, without attempts");
            assertTrue(person(results, "alice").get("viewingId").isNull());
            assertFalse(results.toString().contains(dana.code()), "the key itself never reaches staff");

            String csv = teacher.get("/staff/quizzes/" + QuizSite.SEMINAR + "/results.csv").body();
            assertTrue(csv.lines().anyMatch(line -> line.startsWith("\"\"," + masked + ",dana,") && line.contains("dana@example.jp")),
                    csv);
            assertEquals(3, csv.lines().count(), "a header and one line per attempt: " + csv);
            String page = teacher.get("/staff/quizzes/" + QuizSite.SEMINAR).body();
            assertTrue(page.contains("2 took the quiz, 1 passed (50%)"), page);
            assertTrue(page.contains("dana") && page.contains("Viewing ID " + masked), page);
            assertFalse(page.contains(dana.code()) || csv.contains(dana.code()));
            List<AuditEntry> audit = new AuditLog(site.database, site.clock).recent(100);
            assertEquals(2, audit.stream().filter(e -> e.action().equals("read quiz results")
                    && e.subject().equals(QuizSite.SEMINAR) && e.staff().equals("teacher@example.jp")).count(),
                    "the API and the page: " + audit);
            assertTrue(audit.stream().anyMatch(e -> e.action().equals("export quiz results")), audit.toString());

            // five full fiscal years after 2027's: retention anonymises the viewers with the registrants
            site.clock.set(java.time.Instant.parse("2033-05-01T01:00:00Z"));
            Retention retention = new Retention(site.database, site.clock);
            retention.anonymise(retention.expired(Retention.DEFAULT_YEARS, java.util.Map.of(QuizSite.SEMINAR, 2027)));
            teacher = site.browser();
            teacher.logIn("teacher@example.jp", "correct horse battery");
            JsonNode after = JSON.readTree(teacher.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/results").body());
            assertEquals(2, after.get("takers").asInt(), "the figures stay");
            JsonNode anonymous = null;
            for (JsonNode person : after.get("people")) {
                if (person.get("registration").isNull() && person.get("attempts").size() == 1) {
                    anonymous = person;
                }
            }
            assertEquals(anonymous.get("viewingId").asText(), anonymous.get("name").asText(), anonymous.toString());
            assertEquals("", anonymous.get("email").asText());
            assertFalse(after.toString().contains("dana"), after.toString());
            assertEquals(404, participant.get(api + "/attempts/1").statusCode(), "the old key opens nothing");
            assertEquals(404, participant.get("/quiz/" + dana.code()).statusCode());
        }
    }

    private static JsonNode person(JsonNode results, String name) {
        for (JsonNode person : results.get("people")) {
            if (person.get("name").asText().equals(name)) {
                return person;
            }
        }
        throw new AssertionError("no " + name + " in " + results);
    }
}
