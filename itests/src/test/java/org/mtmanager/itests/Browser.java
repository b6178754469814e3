package org.mtmanager.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;


import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
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
 * A headless Debian Chromium driven through Debian's own chromedriver (named explicitly, so Selenium Manager never
 * downloads one), with the waits the portal's tests need and screenshots under {@code target/portal-screenshots}.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SHOTS = Paths.get("target", "portal-screenshots");

    final WebDriver driver;
    private final WebDriverWait wait;

    /** A browser whose preferred language is {@code lang} (what navigator.languages says). */
    Browser(String lang) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The distribution's HTTPS certificate is its own self-signed one.
        options.setAcceptInsecureCerts(true);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--window-size=1400,1000", "--lang=" + lang);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofMillis(200));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Loads a page. Chrome abandons a load when the host's network changes (machines' interfaces coming and going,
     * here or in another test on the same host) and shows its own error page; the load is then tried again.
     */
    void open(String url) {
        until(d -> {
            d.get(url);
            return !String.valueOf(js("location.href")).startsWith("chrome-error:");
        });
    }

    WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Waits until the condition holds (the portal works asynchronously: never sleep, poll the page). */
    <T> T until(Function<WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + state(), e);
        }
    }

    /** What the page showed and logged, for a failure's message (and a screenshot beside the others). */
    private String state() {
        StringBuilder sb = new StringBuilder("at ").append(driver.getCurrentUrl());
        try {
            sb.append(" (screenshot ").append(shot("failure-" + System.currentTimeMillis()).toAbsolutePath()).append(")");
            sb.append("\npage: ").append(js("document.body.innerText.slice(0, 2000)"));
            for (LogEntry l : driver.manage().logs().get(LogType.BROWSER)) {
                sb.append("\nconsole: ").append(l.getLevel()).append(' ').append(l.getMessage());
            }
        } catch (RuntimeException | IOException e) {
            sb.append("\n(no more: ").append(e).append(')');
        }
        return sb.toString();
    }

    /**
     * The console's errors since the last look (an uncaught error, an invalid pattern, a failed request), but the
     * 401 of asking for a session on the sign-in page, which is how the page learns there is none.
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(l -> l.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
            .filter(m -> !(m.contains("/sessions/current") && m.contains(" 401 "))).toList();
    }

    /** Controls with no label of their own and ids used twice on the page, one a line (empty when none). */
    String accessibilityProblems() {
        return String.valueOf(js("(() => { const seen = new Set(); const bad = [];"
            + " document.querySelectorAll('[id]').forEach(e => { if (seen.has(e.id)) bad.push('id twice: ' + e.id); seen.add(e.id); });"
            + " document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(e => {"
            + "   const named = [...(e.labels || [])].some(l => l.textContent.trim()) || (e.getAttribute('aria-label') || '').trim();"
            + "   if (!named) bad.push('no label: ' + (e.name || e.id || e.outerHTML.slice(0, 60))); });"
            + " return bad.join('\\n'); })()"));
    }

    /** Toasts drawn over any card or table of the page, one a line (empty when none covers anything). */
    String toastsOverContent() {
        return String.valueOf(js("(() => { const out = []; const parts = [...document.querySelectorAll('#view .card, #view table')];"
            + " document.querySelectorAll('#toasts > *').forEach(t => { const a = t.getBoundingClientRect();"
            + "   parts.forEach(c => { const r = c.getBoundingClientRect();"
            + "     if (a.left < r.right && r.left < a.right && a.top < r.bottom && r.top < a.bottom) out.push(t.textContent + ' over ' + (c.id || c.className)); }); });"
            + " return out.join('\\n'); })()"));
    }

    /** The value of a JavaScript expression on the page. */
    Object js(String expression) {
        return ((JavascriptExecutor) driver).executeScript("return " + expression);
    }

    /** The value a script passes to its callback, {@code arguments[0]} (for fetch and other promises). */
    Object asyncJs(String script) {
        return ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[0]; " + script);
    }

    /** Until the JavaScript expression is truthy; returns its value. */
    Object untilJs(String expression) {
        return until(d -> {
            Object v = js(expression);
            return v == null || Boolean.FALSE.equals(v) || "".equals(v) ? null : v;
        });
    }

    void login(String base, String user, String password) {
        open(base);
        type("[name=username]", user);
        type("[name=password]", password);
        click("#login-submit");
    }

    void logout() {
        click("#logout");
        find("#login-form");
    }

    /** The whole page, however long: the window grows to the page's height for the shot, then comes back. */
    Path screenshot(String name) throws IOException {
        Dimension size = driver.manage().window().getSize();
        long height = ((Number) js("Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, height + 140)));
        try {
            return shot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    private Path shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path to = SHOTS.resolve(name + ".png");
        Files.copy(f.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
