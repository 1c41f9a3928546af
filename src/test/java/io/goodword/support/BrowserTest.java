package io.goodword.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A browser test class (they live in {@code e2e/}): every test gets a fresh headless Chromium in {@link #browser},
 * quit after the test whatever happened. A test may replace it (quit it first); the replacement is quit too.
 * Tests that need several browsers at once start the others with {@link Browser#start} and quit them themselves.
 */
public abstract class BrowserTest {
    protected ChromeDriver browser;
    private final int width;
    private final int height;

    /** A desktop-sized window, 1280×900. */
    protected BrowserTest() { this(1280, 900); }

    /** A window of this size, e.g. 390×844 for a phone. */
    protected BrowserTest(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @BeforeEach
    void openBrowser() { browser = Browser.start(width, height); }

    @AfterEach
    void quitBrowser() {
        if (browser != null) browser.quit();
    }

    /** The element the CSS selector finds on the current page. */
    protected WebElement el(String css) { return browser.findElement(By.cssSelector(css)); }

    /** Replaces the text of the field with this id, as a person typing would. */
    protected void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }
}
