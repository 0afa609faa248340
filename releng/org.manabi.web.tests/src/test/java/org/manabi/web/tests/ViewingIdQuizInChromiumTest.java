package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Someone who never registered asks for a viewing ID of a video course and takes its quiz with that
 * ID, in real Chromium: from the videos page to the quiz, an answer saved and still there after a
 * reload, submitted and graded; then the committee's admin finds them in the seminar's results, named
 * as on the ID, the ID masked; last, the viewer asks for their data through the ID. The pages carry no
 * script: the browser only clicks and types.
 */
class ViewingIdQuizInChromiumTest {

    private static final String SEMINAR = "web-vod-quiz";
    private static final Pattern CODE = Pattern.compile("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
    private static final String ADMIN = "committee@example.jp";
    private static final String PASSWORD = "a long admin password";

    /**
     * A video course whose window stays open whatever day the suite runs (the product runs on the real
     * clock), issuing IDs on request at once, with a two-question quiz in a fixed order.
     */
    private static Path content(Path folder) throws Exception {
        Path content = Files.createDirectories(folder.resolve("content"));
        Files.writeString(content.resolve("vod.manabi"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:manabi="http://manabi.org/model/1.0" id="web-vod" title="VOD のテスト">
                  <plans id="web-vod-plan" fiscalYear="2026">
                    <seminars id="%s" title="DICOM 入門 オンデマンド（テスト）" englishTitle="DICOM on demand (test)"
                        kind="vodCourse" level="beginner" delivery="vod" status="published"
                        conferenceSystem="テスト配信サイト（VOD）">
                      <fee free="true"/>
                      <pools id="web-vod-quiz-web" mode="web" capacityState="number" capacity="300"/>
                      <materials xsi:type="manabi:Video" id="web-vod-quiz-video" title="DICOM の基礎（動画）"
                          language="ja" durationSeconds="600" location="https://videos.example.jp/dicom-basics.webm"/>
                      <vodWindow opens="2020-04-01T00:00" closes="2099-03-31T23:59" automaticApproval="true"/>
                      <quiz id="web-vod-quiz-quiz" title="DICOM 入門 確認テスト" attempts="2" passPercent="50"
                          shuffleQuestions="false" shuffleChoices="false">
                        <review showScore="true" showCorrectness="true" showRightAnswers="true" showFeedback="true" when="immediately"/>
                        <questions xsi:type="manabi:SingleChoiceQuestion" id="web-vod-quiz-q1"
                            text="DICOM ファイルの 128 バイトのプリアンブルの後に続く 4 文字は？" feedback="DICM です。">
                          <choices id="web-vod-quiz-q1-a" text="DICM" correct="true"/>
                          <choices id="web-vod-quiz-q1-b" text="DCM4"/>
                        </questions>
                        <questions xsi:type="manabi:NumericQuestion" id="web-vod-quiz-q2"
                            text="DICOM 規格の最初の版（3.0）が出たのは西暦何年か。" answer="1993" tolerance="0" unit="年"
                            feedback="1993 年です。"/>
                      </quiz>
                    </seminars>
                  </plans>
                </manabi:Curriculum>
                """.formatted(SEMINAR), StandardCharsets.UTF_8);
        return content;
    }

    @Test
    void aViewerWithoutARegistrationTakesTheQuizAndStaffSeeTheirResult(@TempDir Path folder) throws Exception {
        ServeProcess server = ServeProcess.startWithAdmin("viewing-quiz", content(folder), folder.resolve("data"),
                ADMIN, PASSWORD);
        try (server; Chromium chromium = new Chromium("en")) {
            WebDriver browser = chromium.driver;
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

            browser.get(server.resolve("/vod/request/" + SEMINAR).toString());
            browser.findElement(By.name("name")).sendKeys("Viewer Only");
            browser.findElement(By.name("email")).sendKeys("viewer@example.jp");
            browser.findElement(By.name("organization")).sendKeys("Test Hospital");
            browser.findElement(By.cssSelector("form.registration button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dd.viewing-id")));
            String id = browser.findElement(By.cssSelector("dd.viewing-id")).getText();
            assertTrue(CODE.matcher(id).matches(), id);

            browser.get(server.resolve("/vod/" + id).toString());
            browser.findElement(By.cssSelector("a[href='/quiz/" + id + "']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.start"))).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Attempt 1"));
            assertTrue(browser.findElements(By.tagName("script")).isEmpty(), "the quiz works without script");

            // the right choice, then the year with full-width digits, saved with the plain form
            browser.findElement(By.cssSelector("input[name='a.web-vod-quiz-q1'][value='web-vod-quiz-q1-a']")).click();
            browser.findElement(By.name("a.web-vod-quiz-q2")).sendKeys("１９９３");
            browser.findElement(By.cssSelector("button[name=action][value=save]")).click();
            wait.until(ExpectedConditions.urlContains("done=saved"));
            browser.navigate().refresh();
            assertEquals("１９９３", browser.findElement(By.name("a.web-vod-quiz-q2")).getDomProperty("value"),
                    "a reload loses nothing");
            assertTrue(browser.findElement(By.cssSelector(
                    "input[name='a.web-vod-quiz-q1'][value='web-vod-quiz-q1-a']")).isSelected());
            assertTrue(browser.findElements(By.cssSelector(".review, .feedback")).isEmpty(), "no review before the submit");

            browser.findElement(By.cssSelector("button[name=action][value=submit]")).click();
            wait.until(ExpectedConditions.urlContains("done=submitted"));
            String score = browser.findElement(By.cssSelector("p.score")).getText();
            assertTrue(score.contains("2 of 2 points"), score);
            assertTrue(browser.getCurrentUrl().contains("/quiz/" + id + "/"), browser.getCurrentUrl());
            assertTrue(browser.findElements(By.tagName("script")).isEmpty(), "nor does its review need any");

            // the committee sees the viewer beside the registrants (there are none), the ID masked
            browser.get(server.resolve("/staff/login?next=/staff/quizzes/" + SEMINAR).toString());
            browser.findElement(By.name("email")).sendKeys(ADMIN);
            browser.findElement(By.name("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("form.registration button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.results")));
            String results = browser.findElement(By.cssSelector("table.results")).getText();
            assertTrue(results.contains("Viewer Only") && results.contains("Test Hospital"), results);
            assertTrue(results.contains("Viewing ID " + id.substring(0, 4) + "-****-****-****-****"), results);
            assertFalse(browser.getPageSource().contains(id), "the ID itself, a key to the quiz, is not shown to staff");
            assertTrue(browser.findElement(By.cssSelector("p.facts")).getText().contains("1 took the quiz, 1 passed (100%)"),
                    browser.findElement(By.cssSelector("p.facts")).getText());

            // without a personal link, the viewer asks for their data (quiz answers included) through the ID
            browser.get(server.resolve("/vod/" + id).toString());
            browser.findElement(By.cssSelector("p.privacy-link a")).click();
            wait.until(ExpectedConditions.urlContains("/privacy/" + id));
            assertTrue(browser.findElements(By.name("kana")).isEmpty(), "an ID holds no reading to correct");
            assertTrue(browser.findElements(By.tagName("script")).isEmpty());
            browser.findElement(By.cssSelector("form input[name=kind][value=disclosure] ~ button")).click();
            wait.until(ExpectedConditions.urlContains("?asked="));
            assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().contains("received"));
            browser.get(server.resolve("/staff/requests").toString());
            assertTrue(browser.findElement(By.tagName("main")).getText().contains(SEMINAR),
                    "the admins see the request to settle");
        } catch (AssertionError | Exception e) {
            throw ServeProcess.explained(e, server);
        }
    }
}
