package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.referral.ReferralData;
import io.goodword.support.AppExtension;
import io.goodword.support.Browser;
import io.goodword.support.BrowserTest;
import io.goodword.support.Fixtures;
import io.goodword.support.Mails;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/** The whole referral journey in headless Chromium, with real SMTP (GreenMail) for the thank-you email. */
class ReferralJourneyBrowserIT extends BrowserTest {
    @RegisterExtension
    static final AppExtension app = new AppExtension().withMail();

    private void signIn(Fixtures.Freelancer f) {
        browser.get(app.url("/login"));
        type("f-username", f.email());
        type("f-password", Fixtures.PASSWORD);
        browser.findElement(By.id("f-password")).submit();
    }

    @Test
    void a_promoter_gets_a_link_a_friend_gets_in_touch_the_deal_is_won_and_the_reward_is_fulfilled() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String u = Fixtures.unique("ada");
        String clientEmail = u + "@lovelace.example";
        long client = ReferralData.client(f.workspaceId(), "Ada Lovelace", clientEmail);
        ReferralData.testimonial(f.workspaceId(), "The best engine designer we ever hired.", "Charles Babbage", "approved", true, "", false);

        // The freelancer creates a double-sided program…
        signIn(f);
        browser.get(app.url("/admin/referrals/programs/new"));
        type("f-name", "Friends of the studio");
        new Select(browser.findElement(By.id("f-referrerType"))).selectByValue("CREDIT");
        type("f-referrerAmount", "50");
        type("f-referrerCurrency", "EUR");
        new Select(browser.findElement(By.id("f-friendType"))).selectByValue("PERCENT");
        type("f-friendAmount", "10");
        new Select(browser.findElement(By.id("f-trigger"))).selectByValue("WON");
        io.goodword.support.Browser.clickAndLoad(browser, el("form[action='/admin/referrals/programs'] button[type=submit]"));
        assertThat(el(".flash").getText()).isEqualTo("Program created.");

        // …and a personal link for a happy client.
        browser.get(app.url("/admin/referrals/ambassadors"));
        io.goodword.support.Browser.clickAndLoad(browser, el("#client-" + client + " form[action$='/link'] button"));
        assertThat(el(".flash").getText()).isEqualTo("Referral link created.");
        String link = el("#client-" + client + " a.referral-link").getAttribute("href");
        assertThat(link).startsWith(app.url("/r/"));

        // A friend opens it in their own browser session, sees who recommends whom and the testimonials.
        browser.manage().deleteAllCookies();
        browser.get(link);
        assertThat(el("h1").getText()).isEqualTo("Ada recommends " + f.displayName());
        assertThat(browser.getPageSource()).contains("The best engine designer we ever hired.");
        assertThat(el("#friend-reward").getText()).contains("10% off the next invoice");
        type("f-name", "Bob Baker");
        type("f-email", "bob@bobs-bakery.example");
        type("f-message", "Our bakery needs a website");
        Thread.sleep(io.goodword.security.FormGuard.MIN_FILL.toMillis() + 200); // a person takes longer than a bot
        io.goodword.support.Browser.clickAndLoad(browser, el("button[type=submit].primary"));
        // forgot the consent: the message says so and nothing typed is lost
        assertThat(el("#f-consent-error").getText()).contains("agree to be contacted");
        assertThat(browser.findElement(By.id("f-message")).getAttribute("value")).isEqualTo("Our bakery needs a website");
        Thread.sleep(io.goodword.security.FormGuard.MIN_FILL.toMillis() + 200);
        el("label[for=f-consent]").click();
        io.goodword.support.Browser.clickAndLoad(browser, el("button[type=submit].primary"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/thanks"));
        assertThat(el("h1").getText()).isEqualTo("Thank you!");

        // The freelancer moves the lead to won.
        signIn(f);
        browser.get(app.url("/admin/referrals"));
        io.goodword.support.Browser.clickAndLoad(browser, browser.findElement(By.linkText("Bob Baker")));
        new Select(browser.findElement(By.id("f-status"))).selectByValue("WON");
        type("f-dealValue", "1200");
        io.goodword.support.Browser.clickAndLoad(browser, el("form[action$='/status'] button[type=submit]"));
        assertThat(el(".flash").getText()).isEqualTo("Lead updated.");
        assertThat(el("#lead-status").getText()).contains("Won").contains("1200.00");

        // The reward shows as pending, then fulfilled with a voucher code.
        browser.get(app.url("/admin/referrals/rewards"));
        WebElement card = browser.findElements(By.cssSelector("article.reward")).stream()
                .filter(c -> c.getText().contains("Ada Lovelace")).findFirst().orElseThrow();
        assertThat(card.findElement(By.cssSelector(".reward-status")).getText()).isEqualTo("Pending");
        String id = card.getAttribute("id").substring("reward-".length());
        type("f-note-" + id, "VOUCHER-42");
        io.goodword.support.Browser.clickAndLoad(browser, el("#reward-" + id + " form[action$='/fulfil'] button"));
        assertThat(el(".flash").getText()).isEqualTo("Reward marked as fulfilled.");
        assertThat(el("#reward-" + id + " .reward-status").getText()).isEqualTo("Fulfilled");
        assertThat(el("#reward-" + id + " .reward-note").getText()).isEqualTo("VOUCHER-42");

        // The referrer gets the thank-you email.
        MimeMessage thanks = app.mails().await(clientEmail);
        assertThat(thanks.getSubject()).isEqualTo("Thank you for recommending " + f.displayName());
        assertThat(Mails.text(thanks)).contains("Bob is now a client").contains("EUR 50.00 credit");
    }

    @Test
    void the_landing_page_and_the_pipeline_fit_a_phone_screen_and_the_form_is_reachable_by_keyboard() {
        browser.quit();
        browser = Browser.start(390, 844);
        Fixtures.Freelancer f = Fixtures.freelancer();
        ReferralData.program(f.workspaceId(), "WON", "");
        long client = ReferralData.client(f.workspaceId());
        String code = ReferralData.service(app.baseUrl()).links().linkFor(f.workspaceId(), client).orElseThrow().link().code();
        ReferralData.testimonial(f.workspaceId(), "A very long testimonial ".repeat(20), "Long Writer", "approved", true, "", false);
        browser.get(app.url("/r/" + code));
        assertThat(fitsWidth()).isTrue();
        // Tab from the page start reaches the name field; the honeypot is skipped
        WebElement active = browser.switchTo().activeElement();
        for (int i = 0; i < 10 && !"f-name".equals(active.getAttribute("id")); i++) {
            active.sendKeys(org.openqa.selenium.Keys.TAB);
            active = browser.switchTo().activeElement();
        }
        assertThat(active.getAttribute("id")).isEqualTo("f-name");
        signIn(f);
        for (String page : java.util.List.of("/admin/referrals", "/admin/referrals/rewards", "/admin/referrals/programs/new",
                "/admin/referrals/ambassadors", "/admin/referrals/leaderboard")) {
            browser.get(app.url(page));
            assertThat(fitsWidth()).as(page).isTrue();
        }
    }

    private boolean fitsWidth() {
        Object r = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
        return Boolean.TRUE.equals(r);
    }
}
