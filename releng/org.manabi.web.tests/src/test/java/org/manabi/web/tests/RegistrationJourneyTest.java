package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.web.tests.Api.PoolFigures;
import org.manabi.web.tests.Outbox.Mail;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two participants in two real Chromium browsers, one reading Japanese and one English, against
 * {@code ./manabi serve} as an operator starts it: browse the catalogue, register through the form
 * and the fee confirmation, receive the mail, follow its link, cancel, and see the person who was
 * waiting for the only onsite seat promoted and mailed. No JavaScript of the site is involved; the
 * browsers only click and type.
 */
class RegistrationJourneyTest {

    /** The headings of the pages a participant passes, in one language. */
    private record Headings(String catalogue, String seminar, String confirmation, String personal) {
    }

    private static final Headings JAPANESE = new Headings("受付中のセミナー", TestContent.TITLE_JA, "お申し込み内容の確認",
            "お申し込み状況");
    private static final Headings ENGLISH = new Headings("Seminars open for registration", TestContent.TITLE_EN,
            "Please confirm your registration", "Your registration");

    private static final String AOKI = "aoki@example.jp";
    private static final String BAKER = "baker@example.com";

    @Test
    void browseRegisterReceiveTheMailCancelAndTheWaitingPersonIsPromoted(@TempDir Path folder) throws Exception {
        Path content = TestContent.write(folder, 1, 10);
        Path data = folder.resolve("data");
        Outbox outbox = new Outbox(data);
        ServeProcess server = ServeProcess.start("journey", content, data);
        try (server; Chromium japanese = new Chromium("ja"); Chromium english = new Chromium("en")) {
            WebDriver aoki = japanese.driver;
            WebDriver baker = english.driver;

            // Aoki takes the only onsite seat; Baker, in English, comes second and waits
            String aokiPage = register(aoki, server, JAPANESE, "青木 太郎", "あおき たろう", AOKI, true, "5,000 円");
            assertEquals("参加確定", status(aoki));
            String bakerPage = register(baker, server, ENGLISH, "Sam Baker", "さむ べいかー", BAKER, false, "¥8,000");
            assertEquals("On the waiting list, number 1", status(baker));

            // the mails carry the pages' links, each in its reader's language
            Mail aokiMail = outbox.await("to " + AOKI, mail -> mail.to().equals(AOKI));
            assertTrue(aokiMail.subject().contains(TestContent.TITLE_JA), aokiMail.subject());
            assertEquals(aokiPage, aokiMail.personalLink());
            Mail bakerMail = outbox.await("to " + BAKER, mail -> mail.to().equals(BAKER));
            assertTrue(bakerMail.body().contains("On the waiting list"), bakerMail.body());
            assertEquals(bakerPage, bakerMail.personalLink());

            // Aoki follows the link of the mail, as from a mail program, and cancels
            aoki.get(aokiMail.personalLink());
            assertEquals("参加確定", status(aoki));
            aoki.findElement(By.cssSelector("form[action$='/cancel'] button")).click();
            new WebDriverWait(aoki, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("done=cancelled"));
            assertEquals("取消し済み", status(aoki));
            assertTrue(aoki.findElements(By.cssSelector("form[action$='/cancel']")).isEmpty(), "a cancelled registration cannot be cancelled again");

            // the seat went to Baker, who is told so by mail and sees it on the page of the first mail's link
            Mail promoted = outbox.await("promoting " + BAKER, mail -> mail.to().equals(BAKER)
                    && mail.subject().startsWith("A seat for you"));
            assertEquals(bakerPage, promoted.personalLink());
            baker.get(bakerMail.personalLink());
            assertEquals("Confirmed", status(baker));
            assertEquals(new PoolFigures(1, 1, 0), new Api().pool(server.site(), TestContent.SEMINAR, "onsite"));
        } catch (AssertionError | Exception e) {
            throw ServeProcess.explained(e, server);
        }
    }

    /**
     * From the catalogue to the seminar, through the form (onsite) and the confirmation, which must
     * show {@code fee} before anything is registered; returns the address of the personal page.
     */
    private static String register(WebDriver browser, ServeProcess server, Headings headings, String name, String kana,
            String email, boolean member, String fee) {
        // no ?lang=: the browser's Accept-Language chooses
        browser.get(server.site().toString());
        assertEquals(headings.catalogue(), heading(browser));
        browser.findElement(By.linkText(headings.seminar())).click();
        awaitHeading(browser, headings.seminar());
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("kana")).sendKeys(kana);
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("organization")).sendKeys("テスト病院");
        browser.findElement(By.cssSelector("input[name=member][value='" + member + "']")).click();
        browser.findElement(By.cssSelector("input[name=pool][value=onsite]")).click();
        browser.findElement(By.cssSelector("form.registration button[type=submit]")).click();
        awaitHeading(browser, headings.confirmation());
        assertEquals(fee, browser.findElement(By.cssSelector("dd.fee")).getText(), "the fee, before confirming");
        browser.findElement(By.cssSelector("button[name=confirm][value=yes]")).click();
        awaitHeading(browser, headings.personal());
        return browser.getCurrentUrl().replaceFirst("\\?.*", "");
    }

    private static String heading(WebDriver browser) {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** Waits for the page that a click led to; the click returns before the next page is there. */
    private static void awaitHeading(WebDriver browser, String heading) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
        } catch (RuntimeException e) {
            throw new AssertionError("expected the page \"" + heading + "\" but " + browser.getCurrentUrl() + " shows:\n"
                    + ((JavascriptExecutor) browser).executeScript("return document.body.innerText"), e);
        }
    }

    private static String status(WebDriver browser) {
        return browser.findElement(By.cssSelector("dd.status")).getText();
    }
}
