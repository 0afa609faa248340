package org.manabi.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hostile names typed into the registration form, rendered by a real Chromium on every page that
 * shows them back: the form filled again after a mistake (attribute context), the confirmation
 * (text and hidden fields) and the personal page. Escaping must make them text; the
 * Content-Security-Policy must stop inline script even where markup got through.
 */
class InjectionInChromiumTest {

    /** What every payload tries to do; a page whose title becomes this ran the attacker's script. */
    private static final String PWNED = "pwned";

    private static Path folder;
    private static ServeProcess server;
    private static Chromium chromium;
    private static int people;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("manabi-injection");
        server = ServeProcess.start("injection", TestContent.write(folder, 100, 100), folder.resolve("data"));
        chromium = new Chromium("ja");
    }

    @AfterAll
    static void stop() throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            if (chromium != null) {
                chromium.close();
            }
            server.close();
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "<img src=x onerror=\"document.title='pwned';alert('pwned')\">",
            "<script>document.title='pwned';alert('pwned')</script>",
            "\"><svg onload=\"document.title='pwned';alert('pwned')\">",
            "'><iframe srcdoc=\"<script>parent.document.title='pwned'</script>\">" })
    void aHostileNameIsShownAsTextOnEveryPage(String name) throws Exception {
        try {
            WebDriver browser = chromium.driver;
            String email = "hostile" + (++people) + "@example.jp";
            browser.get(server.resolve("/seminars/" + TestContent.SEMINAR).toString());

            // a kana mistake brings the form back, the name inside a value="…" attribute
            fillIn(browser, name, "not kana", email, name);
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.problem")));
            assertHarmless(browser);
            assertEquals(name, browser.findElement(By.name("name")).getDomProperty("value"), "the name is kept as typed");

            browser.findElement(By.name("kana")).clear();
            browser.findElement(By.name("kana")).sendKeys("あおき");
            browser.findElement(By.cssSelector("form.registration button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dd.fee")));
            assertHarmless(browser);
            assertTrue(text(browser).contains(name), "the confirmation shows the name as text:\n" + text(browser));
            assertEquals(name, browser.findElement(By.cssSelector("input[type=hidden][name=name]")).getDomProperty("value"));

            browser.findElement(By.cssSelector("button[name=confirm][value=yes]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("done=registered"));
            assertHarmless(browser);
            assertTrue(text(browser).contains(name), "the personal page shows the name as text:\n" + text(browser));

            // the same page opened afresh, as from the mail's link
            browser.get(browser.getCurrentUrl().replaceFirst("\\?.*", ""));
            assertHarmless(browser);
        } catch (AssertionError | Exception e) {
            throw ServeProcess.explained(e, server);
        }
    }

    /**
     * The second line of defence, checked in the browser that enforces it: a script element and an
     * inline event handler put into a served page (as a missed escape would) do not run, and
     * Chromium reports both to the page as policy violations. The same injection on a page without
     * the policy runs, which shows that this test can tell the difference.
     */
    @Test
    void theContentSecurityPolicyStopsInlineScript() throws Exception {
        try {
            WebDriver browser = chromium.driver;
            browser.get(server.site().toString());
            List<?> violations = injectInlineScript(browser);
            assertNotEquals(PWNED, browser.getTitle(), "inline script ran on a served page");
            assertTrue(violations.contains("script-src-elem") && violations.contains("script-src-attr"),
                    "Chromium reported " + violations + " instead of blocking an inline script and an inline handler");
            assertNoAlert(browser);

            browser.get("about:blank");
            injectInlineScript(browser);
            assertEquals(PWNED, browser.getTitle(), "without the policy the injection runs");
        } catch (AssertionError | Exception e) {
            throw ServeProcess.explained(e, server);
        }
    }

    /** Puts an inline script and an image with an onerror handler into the page; returns the violated directives. */
    private static List<?> injectInlineScript(WebDriver browser) throws InterruptedException {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        // WebDriver's own script is exempt from the page's policy; what it inserts is not
        page.executeScript("""
                window.violations = [];
                document.addEventListener('securitypolicyviolation', e => window.violations.push(e.effectiveDirective));
                const script = document.createElement('script');
                script.textContent = "document.title = 'pwned'";
                document.body.appendChild(script);
                const holder = document.createElement('div');
                holder.innerHTML = '<img src="data:," onerror="document.title = \\'pwned\\'">';
                document.body.appendChild(holder);
                """);
        // violation events and the image's error arrive as tasks after the insertion
        Thread.sleep(500);
        return (List<?>) page.executeScript("return window.violations");
    }

    private static void fillIn(WebDriver browser, String name, String kana, String email, String organization) {
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("kana")).sendKeys(kana);
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("organization")).sendKeys(organization);
        browser.findElement(By.cssSelector("input[name=member][value='true']")).click();
        browser.findElement(By.cssSelector("input[name=pool][value=onsite]")).click();
        browser.findElement(By.cssSelector("form.registration button[type=submit]")).click();
    }

    /** No alert, no payload in the title, and none of the payloads' elements in the document. */
    private static void assertHarmless(WebDriver browser) {
        assertNoAlert(browser);
        // the load event comes after every image of the page has loaded or failed, and so after any onerror
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                b -> "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState")));
        assertNoAlert(browser);
        assertFalse(browser.getTitle().contains(PWNED), "an injected script set the title");
        // the personal page's own QR code is the one image a page may have
        Object injected = ((JavascriptExecutor) browser).executeScript("return document.querySelectorAll("
                + "'img:not([src$=\"/qr.png\"]), svg, iframe, script, [onerror], [onload]').length");
        assertEquals(0L, injected, "elements of the payload in " + browser.getCurrentUrl() + ":\n" + browser.getPageSource());
    }

    private static void assertNoAlert(WebDriver browser) {
        try {
            Alert alert = browser.switchTo().alert();
            String text = alert.getText();
            alert.dismiss();
            fail("an injected script opened an alert: " + text);
        } catch (NoAlertPresentException e) {
            // as it should be
        }
    }

    private static String text(WebDriver browser) {
        return browser.findElement(By.tagName("main")).getText();
    }
}
