package org.manabi.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.manabi.quiz.Choice;
import org.manabi.quiz.Item;
import org.manabi.quiz.Paper;
import org.manabi.store.Registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Taking the real DICOM beginners' quiz through the API and the pages: keys stay on the server until
 * the review, the review follows the quiz's settings, time and attempt limits hold, and an attempt
 * is its participant's alone.
 */
class QuizParticipantTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RIGHT_ANSWERS = """
            {"answers": {"dicom-beginner-q01": "１９９３年", "dicom-beginner-q02": "dicom-beginner-q02-a",
             "dicom-beginner-q03": false, "dicom-beginner-q04": "ｄｉｃｍ",
             "dicom-beginner-q07": ["dicom-beginner-q07-a", "dicom-beginner-q07-b"]}}""";

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Every text that would give an answer away: feedback, accepted answers, numbers, marks of rightness. */
    private static List<String> keys(Paper paper) {
        List<String> visible = new ArrayList<>();
        paper.items().forEach(item -> {
            visible.add(item.text());
            item.choices().forEach(choice -> visible.add(choice.text()));
        });
        List<String> keys = new ArrayList<>(List.of("\"correct\"", "rightAnswer", "\"feedback\"", "verdict",
                "/decks/", "class=\"feedback\"", "right-answer"));
        for (Item item : paper.items()) {
            if (item.feedback() != null) {
                keys.add(item.feedback());
            }
            item.choices().stream().map(Choice::feedback).filter(f -> f != null).forEach(keys::add);
            if (item instanceof Item.ShortAnswer shortAnswer) {
                keys.addAll(shortAnswer.acceptedAnswers());
            }
            if (item instanceof Item.Numeric numeric && numeric.answer().toPlainString().length() >= 4) {
                keys.add(numeric.answer().toPlainString());
            }
        }
        // a key that is also printed as part of a question or a choice gives nothing away
        keys.removeIf(key -> visible.stream().anyMatch(text -> text.contains(key)));
        return keys;
    }

    private static void assertNoKeys(Paper paper, String body, String where) {
        for (String key : keys(paper)) {
            assertFalse(body.contains(key), where + " gives away «" + key + "»:\n" + body);
        }
    }

    @Test
    void noKeyReachesTheBrowserBeforeTheReviewThenTheReviewShowsWhatTheQuizAllows() throws Exception {
        try (QuizSite site = new QuizSite(Map.of())) {
            Paper paper = site.quiz();
            assertTrue(keys(paper).size() > 20, "the check looks for many keys: " + keys(paper));
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Browser browser = site.browser();
            String api = "/api/quiz/" + alice.token();

            HttpResponse<String> overview = browser.get(api);
            assertEquals(200, overview.statusCode());
            assertEquals(2, json(overview).get("attemptsAllowed").asInt());
            assertNoKeys(paper, overview.body(), "the overview");

            HttpResponse<String> started = browser.postJson(api + "/attempts", "{}");
            assertEquals(201, started.statusCode(), started.body());
            JsonNode attempt = json(started);
            assertEquals(1, attempt.get("number").asInt());
            assertEquals("2026-11-21T12:20+09:00", attempt.get("deadline").asText(), "20 minutes, the server's clock");
            assertEquals(paper.items().size(), attempt.get("questions").size());
            assertNoKeys(paper, started.body(), "the questions");

            HttpResponse<String> saved = browser.postJson(api + "/attempts/1/answers", RIGHT_ANSWERS);
            assertEquals(200, saved.statusCode(), saved.body());
            HttpResponse<String> reloaded = browser.get(api + "/attempts/1");
            assertNoKeys(paper, reloaded.body(), "the saved attempt");
            JsonNode q07 = question(json(reloaded), "dicom-beginner-q07");
            assertEquals("dicom-beginner-q07-a\ndicom-beginner-q07-b", q07.get("response").asText());

            HttpResponse<String> page = browser.get("/quiz/" + alice.token() + "/1");
            assertEquals(200, page.statusCode());
            assertNoKeys(paper, page.body(), "the attempt page");
            assertTrue(page.body().contains("value=\"１９９３年\""), "the saved number is in its field");

            HttpResponse<String> submitted = browser.postJson(api + "/attempts/1/submit", "{}");
            assertEquals(200, submitted.statusCode(), submitted.body());
            JsonNode result = json(submitted);
            assertEquals("submitted", result.get("state").asText());
            // q01, q02, q03, q04 right: 4 points; q07 two of three right choices: 2/3 of its point
            double expected = 4 + 2.0 / 3;
            assertEquals(expected, result.get("score").get("points").asDouble(), 1e-9);
            assertEquals(paper.maxPoints(), result.get("score").get("maxPoints").asInt());
            assertFalse(result.get("score").get("passed").asBoolean());

            JsonNode q01 = question(result, "dicom-beginner-q01").get("review");
            assertEquals("right", q01.get("verdict").asText());
            assertFalse(q01.has("feedback"), "feedback is for answers that are not right");
            JsonNode q07Review = question(result, "dicom-beginner-q07").get("review");
            assertEquals("partial", q07Review.get("verdict").asText());
            assertEquals(List.of("C-STORE", "C-FIND", "C-MOVE"),
                    JSON.convertValue(q07Review.get("rightAnswer"), List.class));
            JsonNode q02Wrong = question(result, "dicom-beginner-q06").get("review");
            assertEquals("unanswered", q02Wrong.get("verdict").asText());
            assertTrue(q02Wrong.get("feedback").get(0).asText().contains("1.2.840.10008"));
            JsonNode slide = q02Wrong.get("slides").get(0);
            assertEquals("dicom-beginner-basics", slide.get("deck").asText());
            assertEquals(15, slide.get("page").asInt());

            HttpResponse<byte[]> thumbnail = browser.bytes(slide.get("thumbnail").asText());
            assertEquals(200, thumbnail.statusCode());
            assertEquals("image/png", thumbnail.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(thumbnail.body(), 4));
            List<Path> cached;
            try (Stream<Path> files = Files.list(site.thumbnails)) {
                cached = files.toList();
            }
            assertEquals(1, cached.size(), "rendered once into the data folder's thumbnails: " + cached);
            assertArrayEquals(Files.readAllBytes(cached.get(0)), thumbnail.body());
            String href = slide.get("href").asText();
            assertTrue(href.endsWith(".pdf#page=15"), href);
            HttpResponse<byte[]> deck = browser.bytes(href.substring(0, href.indexOf('#')));
            assertEquals(200, deck.statusCode());
            assertArrayEquals("%PDF".getBytes(), Arrays.copyOf(deck.body(), 4));

            HttpResponse<String> review = browser.get("/quiz/" + alice.token() + "/1");
            assertTrue(review.body().contains("class=\"feedback\""), review.body());
            assertTrue(review.body().contains("/decks/dicom-beginner-basics.pdf#page"), "the page links the slide");
            assertTrue(review.body().contains("/decks/dicom-beginner-basics/15.png"), "with its thumbnail");
        }
    }

    @Test
    void anAttemptIsItsParticipantsAlone() throws Exception {
        try (QuizSite site = new QuizSite(Map.of())) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Registration bob = site.register(QuizSite.SEMINAR, "bob");
            Browser browser = site.browser();
            assertEquals(201, browser.postJson("/api/quiz/" + alice.token() + "/attempts", "{}").statusCode());
            browser.postJson("/api/quiz/" + alice.token() + "/attempts/1/answers", RIGHT_ANSWERS);

            assertEquals(404, browser.get("/api/quiz/" + bob.token() + "/attempts/1").statusCode(),
                    "Bob's token reaches Bob's attempts only, and he has none");
            assertEquals(404, browser.get("/quiz/" + bob.token() + "/1").statusCode());
            assertEquals(404, browser.postJson("/api/quiz/" + bob.token() + "/attempts/1/submit", "{}").statusCode());
            browser.postJson("/api/quiz/" + bob.token() + "/attempts", "{}");
            JsonNode bobs = json(browser.get("/api/quiz/" + bob.token() + "/attempts/1"));
            assertEquals("", question(bobs, "dicom-beginner-q01").get("response").asText(), "not Alice's answers");

            assertEquals(404, browser.get("/api/quiz/not-a-token").statusCode());
            assertEquals(404, browser.get("/quiz/not-a-token/decks/dicom-beginner-basics.pdf").statusCode());
            site.site.registrations().cancel(alice.token());
            assertEquals(404, browser.get("/api/quiz/" + alice.token() + "/attempts/1").statusCode(),
                    "a cancelled registration takes no quiz");
            Registration other = site.register("dicom-advanced-2027", "carol");
            assertEquals(404, browser.get("/quiz/" + other.token() + "/decks/dicom-beginner-basics.pdf").statusCode(),
                    "decks go to participants of the seminar whose quiz cites them");
        }
    }

    @Test
    void theAttemptLimitHolds() throws Exception {
        try (QuizSite site = new QuizSite(Map.of())) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Browser browser = site.browser();
            String api = "/api/quiz/" + alice.token();
            for (int i = 1; i <= 2; i++) {
                HttpResponse<String> started = browser.postJson(api + "/attempts", "{}");
                assertEquals(201, started.statusCode());
                assertEquals(api + "/attempts/" + i, started.headers().firstValue("Location").orElse(null),
                        "a new attempt says where it is");
                HttpResponse<String> continued = browser.postJson(api + "/attempts", "{}");
                assertEquals(200, continued.statusCode(), "continuing, not a new one");
                assertEquals(api + "/attempts/" + i, continued.headers().firstValue("Content-Location").orElse(null));
                assertTrue(continued.headers().firstValue("Location").isEmpty(), "nothing was created");
                HttpResponse<String> submitted = browser.postJson(api + "/attempts/" + i + "/submit", RIGHT_ANSWERS);
                assertEquals(api + "/attempts/" + i, submitted.headers().firstValue("Content-Location").orElse(null),
                        "the submit answers with the attempt it submitted");
            }
            HttpResponse<String> third = browser.postJson(api + "/attempts", "{}");
            assertEquals(409, third.statusCode());
            assertTrue(json(third).get("error").asText().contains("every attempt"), third.body());
            assertFalse(json(browser.get(api)).get("canStart").asBoolean());
        }
    }

    @Test
    void theServerEnforcesTheTimeLimit() throws Exception {
        try (QuizSite site = new QuizSite(Map.of())) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Browser browser = site.browser();
            String api = "/api/quiz/" + alice.token();
            browser.postJson(api + "/attempts", "{}");
            browser.postJson(api + "/attempts/1/answers", "{\"answers\": {\"dicom-beginner-q01\": \"1993\"}}");
            site.clock.advance(Duration.ofMinutes(20).plusSeconds(1));

            HttpResponse<String> late = browser.postJson(api + "/attempts/1/answers",
                    "{\"answers\": {\"dicom-beginner-q02\": \"dicom-beginner-q02-a\"}}");
            assertEquals(409, late.statusCode(), late.body());
            JsonNode attempt = json(browser.get(api + "/attempts/1"));
            assertEquals("submitted", attempt.get("state").asText(), "closed by the server when looked at");
            assertTrue(attempt.get("late").asBoolean());
            assertEquals(1.0, attempt.get("score").get("points").asDouble(), "only what was saved in time");
            assertEquals("", question(attempt, "dicom-beginner-q02").get("response").asText());
        }
    }

    @Test
    void aLateFormSubmitIsGradedOnWhatWasSavedAndSaysSo() throws Exception {
        try (QuizSite site = new QuizSite(Map.of())) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Browser browser = site.browser();
            String home = "/quiz/" + alice.token();
            assertTrue(browser.get(home).body().contains(home + "/start"));
            String csrf = Browser.csrf(browser.get(home).body());
            HttpResponse<String> start = browser.post(home + "/start", Map.of("csrf", csrf));
            assertEquals(303, start.statusCode());
            assertEquals(home + "/1", start.headers().firstValue("Location").orElseThrow());

            Map<String, String> form = new LinkedHashMap<>();
            form.put("csrf", csrf);
            form.put("shown", "dicom-beginner-q01");
            form.put("a.dicom-beginner-q01", "1993");
            form.put("action", "save");
            HttpResponse<String> save = browser.post(home + "/1", form);
            assertEquals(home + "/1?done=saved", save.headers().firstValue("Location").orElseThrow());

            site.clock.advance(Duration.ofMinutes(25));
            form.put("a.dicom-beginner-q01", "1900");
            form.put("action", "submit");
            HttpResponse<String> submit = browser.post(home + "/1", form);
            assertEquals(home + "/1?done=toolate", submit.headers().firstValue("Location").orElseThrow());
            String page = browser.get(home + "/1?done=toolate").body();
            assertTrue(page.contains("were not saved"), page);
            assertTrue(page.contains("Submitted after the time limit"), page);
            assertTrue(page.contains("value=\"1993\""), "the answer saved in time stands");
        }
    }

    @Test
    void reviewAfterCloseOpensWhenTheVodWindowCloses() throws Exception {
        try (QuizSite site = new QuizSite(Map.of("showFeedback=\"true\" when=\"immediately\"",
                "showFeedback=\"true\" when=\"afterClose\""))) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Browser browser = site.browser();
            String api = "/api/quiz/" + alice.token();
            browser.postJson(api + "/attempts", "{}");
            HttpResponse<String> submitted = browser.postJson(api + "/attempts/1/submit", RIGHT_ANSWERS);
            assertFalse(json(submitted).has("score"));
            assertNoKeys(site.quiz(), submitted.body(), "a submitted attempt before the quiz closes");
            assertTrue(browser.get("/quiz/" + alice.token() + "/1").body().contains("once the quiz closes"));

            site.clock.set(Instant.parse("2027-09-30T15:00:00Z")); // the VOD window closed at 23:59 Tokyo
            JsonNode open = json(browser.get(api + "/attempts/1"));
            assertTrue(open.get("reviewOpen").asBoolean());
            assertTrue(open.has("score"));
            assertEquals(409, browser.postJson(api + "/attempts", "{}").statusCode(), "no attempt after the close");
        }
    }

    @Test
    void reviewNeverShowsNothing() throws Exception {
        try (QuizSite site = new QuizSite(Map.of("showFeedback=\"true\" when=\"immediately\"",
                "showFeedback=\"true\" when=\"never\""))) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Browser browser = site.browser();
            String api = "/api/quiz/" + alice.token();
            browser.postJson(api + "/attempts", "{}");
            HttpResponse<String> submitted = browser.postJson(api + "/attempts/1/submit", RIGHT_ANSWERS);
            assertNoKeys(site.quiz(), submitted.body(), "a quiz that never reviews");
            assertFalse(json(submitted).has("score"));
            assertNoKeys(site.quiz(), browser.get(api).body(), "the overview of a quiz that never reviews");
            site.clock.set(Instant.parse("2028-01-01T00:00:00Z"));
            assertNoKeys(site.quiz(), browser.get(api + "/attempts/1").body(), "even after the close");
        }
    }

    @Test
    void theSurveyIsTakenOnceAndShowsNoScore() throws Exception {
        try (QuizSite site = new QuizSite(Map.of())) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Browser browser = site.browser();
            assertTrue(browser.get("/r/" + alice.token()).body().contains("/survey/" + alice.token()));
            assertTrue(browser.get("/r/" + alice.token() + "?lang=ja").body().contains("理解度確認テストを受ける"));
            assertTrue(browser.get("/quiz/" + alice.token() + "?lang=ja").body().contains("受験を始める"),
                    "the quiz pages in Japanese too");
            String api = "/api/survey/" + alice.token();
            JsonNode attempt = json(browser.postJson(api + "/attempts", "{}"));
            JsonNode first = attempt.get("questions").get(0);
            assertNotEquals(null, first.get("kind"));
            assertEquals(200, browser.postJson(api + "/attempts/1/submit",
                    "{\"answers\": {\"" + first.get("id").asText() + "\": \"4\"}}").statusCode());
            assertEquals(409, browser.postJson(api + "/attempts", "{}").statusCode());
            assertFalse(json(browser.get(api + "/attempts/1")).has("score"));
        }
    }

    /** A survey before the seminar is the registration form's questionnaire: it has no pages of its own. */
    @Test
    void aPreSeminarSurveyIsNotOfferedAgain() throws Exception {
        try (QuizSite site = new QuizSite(Map.of("<survey id=\"dicom-beginner-2027-survey\" title=\"受講後アンケート（DICOM 初心者向け）\" beforeSeminar=\"false\">",
                "<survey id=\"dicom-beginner-2027-survey\" title=\"受講後アンケート（DICOM 初心者向け）\" beforeSeminar=\"true\">"))) {
            Registration alice = site.register(QuizSite.SEMINAR, "alice");
            Browser browser = site.browser();
            assertFalse(browser.get("/r/" + alice.token()).body().contains("/survey/"));
            assertEquals(404, browser.get("/survey/" + alice.token()).statusCode());
            assertEquals(404, browser.get("/api/survey/" + alice.token()).statusCode());
        }
    }

    private static JsonNode question(JsonNode attempt, String id) {
        for (JsonNode question : attempt.get("questions")) {
            if (question.get("id").asText().equals(id)) {
                return question;
            }
        }
        throw new AssertionError("no question " + id + " in " + attempt);
    }
}
