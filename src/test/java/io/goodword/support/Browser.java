package io.goodword.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian (/usr/bin/chromium, /usr/bin/chromedriver); nothing is downloaded.
 * Without a browser the browser tests are skipped on a laptop, but fail under CI=true.
 */
public final class Browser {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

    private Browser() {}

    public static ChromeDriver start() { return start(1280, 900); }

    /**
     * Clicks something that loads a new page and waits until the old page is gone, so the next lookup cannot
     * find (and then lose) an element of the page being left.
     */
    public static void clickAndLoad(WebDriver driver, WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        // The old page is gone once its <html> element can no longer be asked anything. Chromium reports that as
        // a stale element or, mid-navigation, as "node does not belong to the document"; both mean the same here.
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Signs the freelancer in through the login form, as a person would, and waits for the next page. */
    public static void signIn(WebDriver driver, AppExtension app, Fixtures.Freelancer f) {
        driver.get(app.url("/login"));
        driver.findElement(By.id("f-username")).sendKeys(f.email());
        driver.findElement(By.id("f-password")).sendKeys(Fixtures.PASSWORD);
        clickAndLoad(driver, driver.findElement(By.cssSelector("main button[type=submit]")));
    }

    /** A browser window of this size (e.g. 390×844 for a phone). */
    public static ChromeDriver start(int width, int height) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but no browser: install chromium and chromium-driver (.ci/run does)");
            }
            Assumptions.abort("No Chromium/ChromeDriver at " + CHROMIUM + " / " + CHROMEDRIVER);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }
}
