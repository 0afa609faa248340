package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The VOD journey over the repository's own content, in real Chromium: ask for a trial viewing ID of
 * the GHS video learning, play the sample video (content/seminars/videos/ghs-video-sample.webm) to
 * its end, see the progress complete, get the certificate PDF, and check its code at /verify.
 */
class VodJourneyTest {

    private static final Pattern CODE = Pattern.compile("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
    private static final String NAME = "山田 花子";

    @Test
    void getAnIdWatchTheSampleToTheEndDownloadTheCertificateAndVerifyIt(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("data");
        Outbox outbox = new Outbox(data);
        ServeProcess server = ServeProcess.start("vod", ServeProcess.REPOSITORY.resolve("content"), data);
        try (server; Chromium chromium = new Chromium("ja")) {
            WebDriver browser = chromium.driver;
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            // the trial set takes requests and issues the ID at once
            browser.get(server.site().resolve("/vod").toString());
            browser.findElement(By.cssSelector("a[href='/vod/request/ghs-video-trial-2026']")).click();
            browser.findElement(By.name("name")).sendKeys(NAME);
            browser.findElement(By.name("email")).sendKeys("hanako@example.jp");
            browser.findElement(By.name("organization")).sendKeys("テスト病院");
            browser.findElement(By.cssSelector("form.registration button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dd.viewing-id")));
            String id = browser.findElement(By.cssSelector("dd.viewing-id")).getText();
            assertTrue(CODE.matcher(id).matches(), id);
            assertTrue(outbox.await("the ID by mail", mail -> mail.to().equals("hanako@example.jp")).body().contains(id));

            // play the sample to its end; the player script reports what was played
            browser.findElement(By.linkText("GHSビデオ学習 サンプル動画")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
            ((JavascriptExecutor) browser).executeScript("document.getElementById('player').play();");
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(
                    ExpectedConditions.attributeToBe(By.id("progress"), "data-completed", "true"));
            assertTrue((Boolean) ((JavascriptExecutor) browser).executeScript(
                    "return document.getElementById('player').ended;"), "played to the end");
            String progress = browser.findElement(By.id("progress")).getText();
            assertTrue(progress.startsWith("視聴完了"), progress);

            // the certificate, earned by watching
            browser.get(server.site().resolve("/vod/" + id).toString());
            browser.findElement(By.cssSelector("a[href='/certificates/vod/" + id + "']")).click();
            browser.findElement(By.cssSelector("form[action='/certificates/vod/" + id + "'] button")).click();
            // the PDF is a download: fetch it as the browser would, with the link the page gives
            browser.get(server.site().resolve("/certificates/vod/" + id).toString());
            String href = browser.findElement(By.cssSelector("a.certificate")).getAttribute("href");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            String text;
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                text = new PDFTextStripper().getText(document);
            }
            assertTrue(text.contains(NAME) && text.contains("GHSビデオ学習 お試し視聴"), text);
            Matcher code = CODE.matcher(text);
            assertTrue(code.find(), text);

            // anyone can check the code; a changed code is not genuine
            browser.get(server.site().resolve("/verify/" + code.group()).toString());
            assertEquals(1, browser.findElements(By.cssSelector(".verify-genuine")).size(), browser.getPageSource());
            String forged = code.group().substring(0, 23) + (code.group().endsWith("0") ? "1" : "0");
            browser.get(server.site().resolve("/verify/" + forged).toString());
            assertEquals(1, browser.findElements(By.cssSelector(".verify-forged")).size(), browser.getPageSource());
        } catch (Throwable failure) {
            throw ServeProcess.explained(failure, server);
        }
    }
}
