package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.web.tests.Api.Answer;
import org.manabi.web.tests.Api.Person;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A participant of the real DICOM beginners' seminar (content/) in real Chromium: from the personal
 * page to the quiz, answers saved and still there after a reload, submitted, and from the feedback
 * of a wrong answer to the slide that teaches it (the page's thumbnail, then the deck at that page).
 * The site's pages carry no script: the browser only clicks and types.
 */
class QuizInChromiumTest {

    private static final String SEMINAR = "dicom-beginner-2027";

    @Test
    void takeTheQuizSubmitAndFollowTheFeedbackToTheSlide(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("data");
        ServeProcess server = ServeProcess.start("quiz", ServeProcess.REPOSITORY.resolve("content"), data);
        try (server; Chromium chromium = new Chromium("en")) {
            Answer registered = new Api().register(server.site(), SEMINAR,
                    new Person("Quiz Taker", "くいず", "quiz@example.jp", true, "web", "en"));
            assertEquals(201, registered.status(), registered.text());
            String token = registered.field("token");
            WebDriver browser = chromium.driver;
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

            browser.get(server.resolve("/r/" + token).toString());
            browser.findElement(By.cssSelector("a[href='/quiz/" + token + "']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.start"))).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Attempt 1"));
            assertTrue(browser.findElement(By.cssSelector("p.deadline")).getText().startsWith("Submit by"));

            // a wrong year for q01, the right part for q02, saved with the plain form
            WebElement year = browser.findElement(By.name("a.dicom-beginner-q01"));
            year.sendKeys("１９９０");
            browser.findElement(By.cssSelector("input[name='a.dicom-beginner-q02'][value='dicom-beginner-q02-a']"))
                    .click();
            browser.findElement(By.cssSelector("button[name=action][value=save]")).click();
            wait.until(ExpectedConditions.urlContains("done=saved"));
            browser.navigate().refresh();
            assertEquals("１９９０", browser.findElement(By.name("a.dicom-beginner-q01")).getDomProperty("value"),
                    "a reload loses nothing");
            assertTrue(browser.findElement(By.cssSelector(
                    "input[name='a.dicom-beginner-q02'][value='dicom-beginner-q02-a']")).isSelected());
            assertTrue(browser.findElements(By.cssSelector(".review, .feedback, a.slide")).isEmpty(),
                    "no review before the submit");

            browser.findElement(By.cssSelector("button[name=action][value=submit]")).click();
            wait.until(ExpectedConditions.urlContains("done=submitted"));
            assertTrue(browser.findElement(By.cssSelector("p.score")).getText().contains("of 13 points"));
            WebElement q01 = browser.findElement(By.id("q-dicom-beginner-q01"));
            assertTrue(q01.findElement(By.cssSelector(".verdict")).getText().contains("Not right"));
            assertTrue(q01.findElement(By.cssSelector(".feedback")).getText().contains("1993"));
            WebElement slide = q01.findElement(By.cssSelector("a.slide"));
            WebElement thumbnail = slide.findElement(By.tagName("img"));
            wait.until(driver -> ((Number) ((JavascriptExecutor) driver)
                    .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", thumbnail))
                    .intValue() > 0);
            String href = slide.getDomProperty("href");
            assertTrue(href.endsWith("/decks/dicom-beginner-basics.pdf#page=3"), href);

            slide.click();
            wait.until(ExpectedConditions.urlContains(".pdf#page=3"));
            HttpResponse<byte[]> deck = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(href.substring(0, href.indexOf('#')))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, deck.statusCode());
            assertEquals("application/pdf", deck.headers().firstValue("Content-Type").orElse(""));
            assertTrue(Arrays.equals("%PDF".getBytes(), Arrays.copyOf(deck.body(), 4)));
        } catch (AssertionError | Exception e) {
            throw ServeProcess.explained(e, server);
        }
    }
}
