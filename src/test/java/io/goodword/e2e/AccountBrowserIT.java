package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Browser;
import io.goodword.support.BrowserTest;
import io.goodword.support.Fixtures;
import io.goodword.support.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A freelancer's first visit, in a real browser: sign up, sign out, sign in, settings, logo, sign out. */
class AccountBrowserIT extends BrowserTest {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    private WebElement field(String id) { return browser.findElement(By.id(id)); }

    @Test
    void a_freelancer_signs_up_signs_in_sets_up_the_page_and_uploads_a_logo() throws Exception {
        String slug = Fixtures.unique("grace");
        // a freelancer in New York: the sign-up page's script sends the browser's zone with the form
        browser.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "America/New_York"));
        browser.get(app.url("/signup"));
        type("f-displayName", "Grace Hopper");
        type("f-email", slug + "@example.com");
        type("f-password", "short");
        type("f-slug", slug);
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        // Bad input: message next to the field, everything but the password kept.
        assertThat(field("f-password-error").getText()).contains("at least 10");
        assertThat(field("f-email").getAttribute("value")).isEqualTo(slug + "@example.com");
        type("f-password", "nanoseconds are a foot long");
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, Grace Hopper");

        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("form[action='/logout'] button")));
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("You are signed out.");

        browser.get(app.url("/admin/settings"));
        assertThat(browser.getCurrentUrl()).contains("/login");
        type("f-username", slug + "@example.com");
        type("f-password", "nanoseconds are a foot long");
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("main button[type=submit]")));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/settings");
        assertThat(new org.openqa.selenium.support.ui.Select(field("f-timeZone")).getFirstSelectedOption().getAttribute("value"))
                .as("the workspace's zone, from the browser at sign-up").isEqualTo("America/New_York");

        type("f-headline", "Compilers for everyone");
        type("f-bio", "I found the first bug.");
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("form[action='/admin/settings'] button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Settings saved.");
        assertThat(field("f-headline").getAttribute("value")).isEqualTo("Compilers for everyone");

        Path logo = Files.createTempFile("logo", ".png");
        Files.write(logo, Images.png(300, 300, null));
        // a headline typed and a logo chosen in the same visit are saved together by the one Save button
        type("f-headline", "Compilers for all of us");
        field("f-logo").sendKeys(logo.toString());
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("form[action='/admin/settings'] button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Settings saved.");
        assertThat(field("f-headline").getAttribute("value")).isEqualTo("Compilers for all of us");
        WebElement img = browser.findElement(By.cssSelector("img.logo-preview"));
        assertThat(img.getAttribute("src")).contains("/media/");
        Object width = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", img);
        assertThat(((Number) width).intValue()).isEqualTo(300);

        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("form[action='/logout'] button")));
        browser.get(app.url("/admin"));
        assertThat(browser.getCurrentUrl()).contains("/login");
    }
}
