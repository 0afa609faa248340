package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.web.tests.Api.Answer;
import org.manabi.web.tests.Api.Person;
import org.manabi.web.tests.Outbox.Mail;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A participant in real Chromium, reading Japanese, asks to correct their name from their personal
 * page: the form (no script) starts from what is held, a reading in Latin letters is sent back with
 * what was typed still there, and the request made is listed and acknowledged by mail.
 */
class PersonalDataInChromiumTest {

    private static final String EMAIL = "aoki@example.jp";

    @Test
    void askForACorrectionFromThePersonalPage(@TempDir Path folder) throws Exception {
        Path content = TestContent.write(folder, 5, 10);
        Path data = folder.resolve("data");
        ServeProcess server = ServeProcess.start("privacy", content, data);
        try (server; Chromium chromium = new Chromium("ja")) {
            Answer registered = new Api().register(server.site(), TestContent.SEMINAR,
                    new Person("青木 大郎", "あおき たろう", EMAIL, true, "onsite", "ja"));
            assertEquals(201, registered.status(), registered.text());
            String token = registered.field("token");
            WebDriver browser = chromium.driver;
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

            browser.get(server.resolve("/r/" + token).toString());
            browser.findElement(By.cssSelector("a[href='/privacy/" + token + "']")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "ご自身の個人データ"));
            By correction = By.cssSelector("form:has(input[name=kind][value=correction])");
            WebElement name = browser.findElement(correction).findElement(By.name("name"));
            assertEquals("青木 大郎", name.getAttribute("value"), "the form starts from what is held");
            name.clear();
            name.sendKeys("青木 太郎");

            // a reading in Latin letters is sent back, with what was typed still there
            WebElement kana = browser.findElement(correction).findElement(By.name("kana"));
            kana.clear();
            kana.sendKeys("Aoki");
            browser.findElement(correction).findElement(By.name("reason")).sendKeys("氏名の漢字の誤り");
            browser.findElement(correction).findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.problem")));
            assertEquals("ふりがなはひらがなまたはカタカナで入力してください。",
                    browser.findElement(By.cssSelector("p.problem")).getText());
            assertEquals("青木 太郎", browser.findElement(correction).findElement(By.name("name")).getAttribute("value"));
            assertEquals("氏名の漢字の誤り", browser.findElement(correction).findElement(By.name("reason")).getAttribute("value"));

            kana = browser.findElement(correction).findElement(By.name("kana"));
            kana.clear();
            kana.sendKeys("あおき たろう");
            browser.findElement(correction).findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("asked="));
            assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().startsWith("請求を受け付けました"));
            assertTrue(browser.findElement(By.cssSelector("li.request")).getText().startsWith("訂正: 対応中"),
                    browser.findElement(By.cssSelector("li.request")).getText());

            Mail receipt = new Outbox(data).await("acknowledging the request", mail -> mail.to().equals(EMAIL)
                    && mail.subject().contains("受け付けました"));
            assertTrue(receipt.body().contains("/privacy/" + token), receipt.body());
        } catch (AssertionError | Exception e) {
            throw ServeProcess.explained(e, server);
        }
    }
}
