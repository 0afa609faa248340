package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.manabi.store.Registration;
import org.manabi.store.StaffAccounts;
import org.manabi.store.StaffRole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The instructor opens a question to the room, the room answers, the counts grow, the answer is revealed. */
class LiveModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> answer(Browser browser, Registration who, String question, String choice)
            throws Exception {
        String page = browser.get("/quiz/" + who.token() + "/live").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", Browser.csrf(page));
        form.put("question", question);
        form.put("shown", "dicom-beginner-q02");
        form.put("a.dicom-beginner-q02", choice);
        return browser.post("/quiz/" + who.token() + "/live", form);
    }

    @Test
    void openAnswerCountReveal() throws Exception {
        try (QuizSite site = new QuizSite(Map.of())) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Registration bob = site.register(QuizSite.SEMINAR, "bob");
            new StaffAccounts(site.database, site.clock).save("teacher@example.jp", StaffRole.INSTRUCTOR,
                    "correct horse battery", Set.of(QuizSite.SEMINAR));
            Browser teacher = site.browser();
            teacher.logIn("teacher@example.jp", "correct horse battery");
            Browser aliceBrowser = site.browser();
            Browser bobBrowser = site.browser();

            String waiting = aliceBrowser.get("/quiz/" + alice.token() + "/live").body();
            assertTrue(waiting.contains("No question is open yet"), waiting);
            assertTrue(waiting.contains("http-equiv=\"refresh\""), "the page follows the room without a script");

            String livePage = teacher.get("/staff/quizzes/" + QuizSite.SEMINAR + "/live").body();
            HttpResponse<String> opened = teacher.post("/staff/quizzes/" + QuizSite.SEMINAR + "/live",
                    Map.of("csrf", Browser.csrf(livePage), "action", "open", "item", "dicom-beginner-q02"));
            assertEquals(303, opened.statusCode());
            JsonNode live = JSON.readTree(teacher.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/live").body());
            String question = live.get("question").asText();
            assertEquals(0, live.get("answers").asInt());

            String open = aliceBrowser.get("/quiz/" + alice.token() + "/live").body();
            assertTrue(open.contains("PS3.15") && open.contains("PS3.14"), open);
            assertFalse(open.contains("correct"), "no key before the reveal: " + open);
            assertEquals("/quiz/" + alice.token() + "/live?done=answered",
                    answer(aliceBrowser, alice, question, "dicom-beginner-q02-a").headers().firstValue("Location")
                            .orElseThrow());
            answer(bobBrowser, bob, question, "dicom-beginner-q02-b");
            live = JSON.readTree(teacher.get("/api/staff/quizzes/" + QuizSite.SEMINAR + "/live").body());
            assertEquals(2, live.get("answers").asInt());
            assertEquals("PS3.15", live.get("counts").get(0).get("answer").asText());
            assertEquals(1, live.get("counts").get(0).get("count").asInt());
            assertEquals(1, live.get("counts").get(1).get("count").asInt());
            assertTrue(teacher.get("/staff/quizzes/" + QuizSite.SEMINAR + "/live").body().contains("<progress"));

            teacher.post("/staff/quizzes/" + QuizSite.SEMINAR + "/live",
                    Map.of("csrf", Browser.csrf(livePage), "action", "reveal"));
            String revealed = bobBrowser.get("/quiz/" + bob.token() + "/live").body();
            assertTrue(revealed.contains("choice correct"), revealed);
            assertTrue(revealed.contains("PS3.15: 1"), revealed);
            assertEquals("/quiz/" + bob.token() + "/live?done=closed",
                    answer(bobBrowser, bob, question, "dicom-beginner-q02-a").headers().firstValue("Location")
                            .orElseThrow(), "no answer after the reveal");
            assertEquals(401, site.browser().post("/staff/quizzes/" + QuizSite.SEMINAR + "/live",
                    Map.of("action", "open", "item", "dicom-beginner-q03")).statusCode(), "staff only");
        }
    }
}
