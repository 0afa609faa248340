package org.manabi.web.tests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's Chromium (Debian's {@code chromium}) driven by its own {@code chromedriver}, headless,
 * with a fresh profile per browser. Selenium is given both paths, so it never looks for or downloads
 * a browser or a driver.
 */
final class Chromium implements AutoCloseable {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    /**
     * Selenium looks for DevTools bindings of the browser's version and warns when its release has
     * none; these tests use WebDriver only. Held here, as java.util.logging keeps loggers weakly.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    final ChromeDriver driver;
    private final Path profile;

    /** A browser whose user reads {@code language} ("ja", "en"): it asks for it in Accept-Language. */
    Chromium(String language) throws IOException {
        for (String program : new String[] { BROWSER, DRIVER }) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new AssertionError(program + " is missing: the web tests need Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        profile = Files.createTempDirectory("manabi-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        // the machine has no network: without the background-networking switches Chromium waits on
        // refused connections (updates, sync, safe browsing) and pages load late or never
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1024,900", "--lang=" + language, "--user-data-dir=" + profile,
                // the VOD journey starts the player from the test, as a click would
                "--autoplay-policy=no-user-gesture-required");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        // an alert an injected script might open must stay open for the test to find, not be dismissed
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }
}
