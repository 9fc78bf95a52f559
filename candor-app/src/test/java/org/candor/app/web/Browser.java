package org.candor.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with no browser download: the binary and the driver are the
 * system's ({@code apt-get install chromium chromium-driver}). Missing ones fail the test, they do not skip it: a CI
 * without a browser must not pass the browser tests silently.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;

    Browser() {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install chromium-driver)").isExecutable();
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900");
        final LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(final String url) {
        driver.get(url);
    }

    WebElement await(final By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void awaitText(final By locator, final String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    void awaitGone(final By locator) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.numberOfElementsToBe(locator, 0));
    }

    /** Logs in on the page at {@code url} (the web app or the console) and waits for the logged-in header. */
    void logIn(final String url, final String username, final String password) {
        open(url);
        await(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitText(By.cssSelector(".who"), username);
    }

    void logOut() {
        driver.findElement(By.cssSelector(".top button.link")).click();
        await(By.id("username"));
    }

    /** The session's CSRF token, as the page gets it. */
    String csrfToken() {
        final Object token = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
            + "fetch('/web/v1/session').then(r => r.json()).then(s => done(s.csrfToken));");
        return String.valueOf(token);
    }

    String cookie(final String name) {
        return driver.manage().getCookieNamed(name).getValue();
    }

    void screenshot(final String name) {
        final File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's errors since the last call (warnings and below are not errors). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
            .toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> script(final String script, final Object... args) {
        return (Map<String, Object>) driver.executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
