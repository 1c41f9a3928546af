package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Browser;
import io.goodword.support.BrowserTest;
import io.goodword.support.Fixtures;
import io.goodword.support.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The "shown once" personal link and the review link: selectable text, and a Copy button once the script runs. */
class CopyButtonsBrowserIT extends BrowserTest {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    CopyButtonsBrowserIT() { super(360, 800); }

    @Test
    void the_personal_link_and_the_review_link_get_a_keyboard_reachable_copy_button() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Anna Berg", Fixtures.unique("a") + "@example.com",
                "", "", "", "", "en");
        Browser.signIn(browser, app, f);

        browser.get(app.url("/admin/clients/" + client));
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("form[action$='/link'] button")));
        WebElement link = browser.findElement(By.id("personal-link"));
        assertThat(link.getAttribute("readonly")).isNotNull();
        assertThat(link.getAttribute("value")).contains("/c/");
        WebElement copy = browser.findElement(By.cssSelector("#personal-link + button.copy-button"));
        assertThat(copy.getText()).isEqualTo("Copy");
        assertThat(copy.getAttribute("type")).isEqualTo("button");
        copy.sendKeys(Keys.ENTER); // a real button: reachable and usable from the keyboard
        WebElement status = browser.findElement(By.cssSelector("#personal-link + button + .copy-status"));
        assertThat(status.getAttribute("role")).isEqualTo("status");
        assertThat(status.getText()).isIn("Copied.", "Selected: press Ctrl+C (or \u2318+C) to copy.");

        browser.get(app.url("/admin/testimonials/collect"));
        assertThat(browser.findElement(By.cssSelector("label[for=review-link]")).getText()).isEqualTo("Your review link");
        assertThat(browser.findElement(By.id("review-link")).getAttribute("value")).endsWith("/p/" + f.slug() + "/review");
        assertThat(browser.findElements(By.cssSelector("#review-link + button.copy-button"))).hasSize(1);
    }
}
