package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.referral.Lead;
import io.goodword.referral.LinkDao;
import io.goodword.referral.ReferralData;
import io.goodword.support.AppExtension;
import io.goodword.support.Browser;
import io.goodword.support.BrowserTest;
import io.goodword.support.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A friend names their referrer on the contact form; the freelancer sees the suggestion and credits it with one click. */
class SuggestedReferrerBrowserIT extends BrowserTest {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    @Test
    void a_friend_names_their_referrer_and_the_freelancer_confirms_the_suggestion_with_one_click() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long program = ReferralData.program(f.workspaceId(), "WON", "");
        long ada = ReferralData.client(f.workspaceId(), "Ada Lovelace", Fixtures.unique("ada") + "@lovelace.example");
        String code = ReferralData.service(app.baseUrl()).links().linkFor(f.workspaceId(), program, ada).orElseThrow().link().code();

        // The friend never used Ada's link: they found the contact page and say who sent them.
        browser.get(app.url("/p/" + f.slug() + "/contact"));
        type("f-name", "Bob Baker");
        type("f-email", Fixtures.unique("bob") + "@bakery.example");
        type("f-message", "Ada said you build great shops");
        type("f-referredBy", "Ada Lovelace");
        el("label[for=f-consent]").click();
        Thread.sleep(io.goodword.security.FormGuard.MIN_FILL.toMillis() + 200); // a person takes longer than a bot
        Browser.clickAndLoad(browser, el("form.friend-form button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/thanks"));
        long leadId = ReferralData.lastLeadId(f.workspaceId());
        assertThat(ReferralData.lead(f.workspaceId(), leadId).referred()).isFalse(); // a name is never credited on its own

        // The freelancer sees the suggestion on the lead and confirms it.
        browser.manage().deleteAllCookies();
        browser.get(app.url("/login"));
        type("f-username", f.email());
        type("f-password", Fixtures.PASSWORD);
        browser.findElement(By.id("f-password")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(app.url("/admin/referrals"));
        assertThat(el("tr[data-lead='" + leadId + "']").getText()).contains("suggested referrer");
        Browser.clickAndLoad(browser, browser.findElement(By.linkText("Bob Baker")));
        assertThat(el("#suggestion").getText()).contains("\"Ada Lovelace\"", "matches Ada Lovelace");
        Browser.clickAndLoad(browser, el("#confirm-suggestion"));
        assertThat(el(".flash").getText()).isEqualTo("Referrer confirmed and credited.");
        assertThat(el("#lead-referrer").getText()).contains("Ada Lovelace");
        assertThat(browser.findElements(By.id("suggestion"))).isEmpty();
        assertThat(el("ol.history").getText()).contains("confirmed from the answer \"Ada Lovelace\"");
        Lead lead = ReferralData.lead(f.workspaceId(), leadId);
        assertThat(lead.referrerClientId()).isEqualTo(ada);
        assertThat(lead.linkId()).isEqualTo(ReferralData.jdbi().onDemand(LinkDao.class).findByCode(code).orElseThrow().id());
    }
}
