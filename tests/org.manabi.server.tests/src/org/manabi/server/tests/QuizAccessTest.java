package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.manabi.store.QuizAttempts;
import org.manabi.store.Registration;
import org.manabi.store.ViewingId;
import org.manabi.store.ViewingIds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who opens a seminar's quiz and until when: a VOD viewing ID as well as a registration (under the
 * viewing-ID rules of the videos), and a seminar the committee has marked held.
 */
class QuizAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aViewingIdTakesTheQuizInsideItsWindowUnderTheQuizsRules() throws Exception {
        // a pass mark the test answers reach (4.67 of 13 points)
        try (QuizSite site = new QuizSite(Map.of("passPercent=\"70\"", "passPercent=\"30\""))) {
            ViewingId id = site.requestViewingId("dana");
            Browser browser = site.browser();
            String api = "/api/quiz/" + id.code();

            JsonNode before = json(browser.get(api));
            assertFalse(before.get("canStart").asBoolean(), "the recording's window opens on 9 July 2027");
            assertEquals("2027-07-09T00:00+09:00", before.get("opens").asText());
            HttpResponse<String> early = browser.postJson(api + "/attempts", "{}");
            assertEquals(409, early.statusCode());
            assertTrue(json(early).get("error").asText().contains("opens with the recording"), early.body());
            assertTrue(browser.get("/quiz/" + id.code()).body().contains("opens with the recording, on 2027-07-09 00:00"));

            site.clock.set(Instant.parse("2027-07-20T01:00:00Z"));
            String videos = browser.get("/vod/" + id.code()).body();
            assertTrue(videos.contains("href=\"/quiz/" + id.code() + "\""), "the videos page links to the quiz");
            String quizPage = browser.get("/quiz/" + id.code()).body();
            assertTrue(quizPage.contains("href=\"/vod/" + id.code() + "\""), "and the quiz back to the videos");
            assertEquals(201, browser.postJson(api + "/attempts", "{}").statusCode());
            JsonNode submitted = json(browser.postJson(api + "/attempts/1/submit", QuizParticipantTest.RIGHT_ANSWERS));
            assertEquals("submitted", submitted.get("state").asText());
            assertTrue(submitted.get("score").get("passed").asBoolean(), submitted.toString());
            assertEquals(1, new QuizAttempts(site.database, site.clock)
                    .of(QuizAttempts.ofViewingId(id.id()), QuizSite.QUIZ).size(), "stored under the ID");
            assertTrue(browser.get("/certificates/vod/" + id.code()).body().contains("Passed the quiz: done"),
                    "the certificate rule counts the ID's attempt");

            assertEquals(404, browser.get("/api/quiz/ABCD-EFGH-JKMN-PQRS-TVWX").statusCode(), "an unknown ID");
            ViewingId other = site.requestViewingId("erin");
            assertEquals(404, browser.get(api.replace(id.code(), other.code()) + "/attempts/1").statusCode(),
                    "another ID reaches its own attempts only");

            site.clock.set(Instant.parse("2027-09-30T15:00:00Z")); // the window closed at 23:59 Tokyo
            HttpResponse<String> late = browser.postJson(api + "/attempts", "{}");
            assertEquals(409, late.statusCode());
            assertTrue(json(late).get("error").asText().contains("closed"), late.body());
            assertEquals(200, browser.get(api + "/attempts/1").statusCode(), "the holder still reads the review");
        }
    }

    @Test
    void theViewingIdOfARegistrationSharesItsAttempts() throws Exception {
        try (QuizSite site = new QuizSite(Map.of())) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            ViewingId id = new ViewingIds(site.database, site.clock).issueFor(alice);
            site.clock.set(Instant.parse("2027-07-20T01:00:00Z"));
            Browser browser = site.browser();
            assertEquals(201, browser.postJson("/api/quiz/" + alice.token() + "/attempts", "{}").statusCode());
            browser.postJson("/api/quiz/" + alice.token() + "/attempts/1/submit", QuizParticipantTest.RIGHT_ANSWERS);

            JsonNode byId = json(browser.get("/api/quiz/" + id.code()));
            assertEquals(1, byId.get("attempts").size(), "one participant, one count of attempts");
            assertEquals(201, browser.postJson("/api/quiz/" + id.code() + "/attempts", "{}").statusCode());
            browser.postJson("/api/quiz/" + id.code() + "/attempts/2/submit", "{}");
            assertEquals(409, browser.postJson("/api/quiz/" + alice.token() + "/attempts", "{}").statusCode(),
                    "the quiz allows two attempts, by either way in");

            site.site.registrations().cancel(alice.token());
            assertEquals(404, browser.get("/api/quiz/" + id.code()).statusCode(), "a cancelled registration's ID takes no quiz");
            assertFalse(browser.get("/vod/" + id.code()).body().contains("/quiz/"), "nor is it offered");
        }
    }

    @Test
    void aHeldSeminarsQuizStaysOpenToItsParticipantsUntilItCloses() throws Exception {
        try (QuizSite site = new QuizSite(Map.of())) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Registration bob = site.register(QuizSite.SEMINAR, "bob");
            Registration carol = site.register(QuizSite.SEMINAR, "carol");
            site.site.registrations().cancel(bob.token());
            // the end of the seminar day, marked held
            site.clock.set(Instant.parse("2027-07-02T08:30:00Z"));
            site.markHeld();
            Browser browser = site.browser();
            assertFalse(browser.get("/").body().contains("/seminars/" + QuizSite.SEMINAR),
                    "a held seminar takes no more registrations");
            assertTrue(browser.get("/r/" + alice.token()).body().contains("/quiz/" + alice.token()));
            String api = "/api/quiz/" + alice.token();
            assertTrue(json(browser.get(api)).get("canStart").asBoolean());
            assertEquals(201, browser.postJson(api + "/attempts", "{}").statusCode());
            browser.postJson(api + "/attempts/1/submit", QuizParticipantTest.RIGHT_ANSWERS);
            assertEquals(404, browser.get("/api/quiz/" + bob.token()).statusCode(), "a cancelled registration takes none");

            site.clock.set(Instant.parse("2027-08-20T01:00:00Z")); // weeks later, the recording still on demand
            assertEquals(201, browser.postJson("/api/quiz/" + carol.token() + "/attempts", "{}").statusCode(),
                    "a participant who takes it later");

            site.clock.set(Instant.parse("2027-09-30T15:00:00Z"));
            HttpResponse<String> closed = browser.postJson(api + "/attempts", "{}");
            assertEquals(409, closed.statusCode(), "closed with the recording's window, one attempt left or not");
            assertTrue(json(closed).get("error").asText().contains("closed"), closed.body());
            assertEquals(200, browser.get(api + "/attempts/1").statusCode());
        }
    }
}
