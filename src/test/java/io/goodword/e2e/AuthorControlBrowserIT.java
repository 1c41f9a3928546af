package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.client.ProjectDao;
import io.goodword.security.Tokens;
import io.goodword.support.AppExtension;
import io.goodword.support.Browser;
import io.goodword.support.BrowserTest;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Mails;
import io.goodword.support.TestDb;
import io.goodword.testimonial.TestimonialDao;
import io.goodword.testimonial.TestimonialService;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The author in control after publication, in a phone-sized browser: changing consents, approving the freelancer's
 * edit and withdrawing through the private link; and a client confirming words the freelancer typed in.
 */
class AuthorControlBrowserIT extends BrowserTest {
    @RegisterExtension
    static final AppExtension app = new AppExtension().withMail();

    AuthorControlBrowserIT() { super(390, 844); }

    private void click(String css) {
        WebElement e = el(css);
        browser.executeScript("arguments[0].scrollIntoView(true);", e);
        Browser.clickAndLoad(browser, e);
    }

    private void tick(String id) {
        WebElement e = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].scrollIntoView(true);", e);
        e.click();
    }

    private String wall(Fixtures.Freelancer f) { return app.http().get("/p/" + f.slug()).body(); }

    @Test
    void the_author_changes_consents_approves_the_freelancers_edit_and_withdraws_through_their_link() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String token = Tokens.random();
        String words = "Ada turned a vague idea into a working engine in two weeks.";
        long id = TestDb.jdbi().onDemand(TestimonialDao.class).insert(f.workspaceId(), null, "approved", "form", false, 5, words,
                TestimonialService.bodyHash(words), "Ada Lovelace", "CTO", "Analytical Engines", "", Fixtures.unique("ada") + "@example.com",
                null, true, false, true, "10.0.0.1", Tokens.sha256(token), Instant.now());
        assertThat(wall(f)).contains("Ada Lovelace").contains("Analytical Engines");

        browser.get(app.url("/testimonial/edit/" + token));
        assertThat(el("#author-status").getText()).contains("is published");
        assertThat(el("#author-words").getText()).isEqualTo(words);
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(overflow).isEqualTo(false);
        // first name and initial, company private
        tick("f-nameDisplay-initial");
        tick("f-consentShowCompany");
        click("form[action$='/consents'] button[type=submit]");
        assertThat(el(".flash").getText()).contains("permissions are saved");
        assertThat(browser.findElement(By.id("f-nameDisplay-initial")).isSelected()).isTrue();
        assertThat(wall(f)).contains("Ada L.").doesNotContain("Ada Lovelace").doesNotContain("Analytical Engines");
        assertThat(el("#consent-ledger").getText()).contains("Name shown").contains("Personal link");

        // the freelancer tidies the words: nothing changes publicly until Ada approves
        Http admin = Fixtures.signedIn(app, f);
        String tidied = "Ada turned a vague idea into a working engine, in two weeks.";
        admin.post("/admin/testimonials/" + id + "/edit", new HashMap<>(Map.of("body", tidied, "excerpt", "", "name", "Ada Lovelace",
                "role", "CTO", "company", "Analytical Engines", "website", "")));
        assertThat(wall(f)).contains(words).doesNotContain(tidied);
        browser.navigate().refresh();
        assertThat(el("#freelancer-proposal blockquote").getText()).isEqualTo(tidied);
        click("#freelancer-proposal button[value=approve]");
        assertThat(el(".flash").getText()).contains("new words are published");
        assertThat(el("#author-words").getText()).isEqualTo(tidied);
        assertThat(wall(f)).contains(tidied);

        // and withdraws it: gone from the wall and the widget at once
        click("form[action$='/withdraw'] button[type=submit]");
        assertThat(el("#author-status").getText()).contains("You withdrew it");
        assertThat(wall(f)).doesNotContain(tidied);
        assertThat(app.http().get("/embed/" + f.slug()).body()).doesNotContain(tidied);
    }

    @Test
    void a_client_confirms_words_the_freelancer_typed_in_and_only_then_they_show_as_verified() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String email = Fixtures.unique("grace") + "@example.com";
        long client = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Grace Hopper", email, "Navy", "", "", "", "en");
        long project = TestDb.jdbi().onDemand(ProjectDao.class).insert(f.workspaceId(), client, "Compiler audit", null, "EUR",
                null, null, "active", null);
        Http admin = Fixtures.signedIn(app, f);
        assertThat(admin.postMultipart("/admin/testimonials/new", new HashMap<>(Map.of("rating", "5", "name", "Grace Hopper",
                "body", "Said on a call: the audit found the bug we chased for months.", "consentPublish", "1", "approveNow", "1")),
                Map.of()).status()).isEqualTo(303);
        long id = TestDb.jdbi().withHandle(h -> h.createQuery("SELECT id FROM testimonials WHERE workspace_id = :ws")
                .bind("ws", f.workspaceId()).mapTo(Long.class).one());
        assertThat(admin.post("/admin/testimonials/" + id + "/confirmation", Map.of("clientEmail", email,
                "project", String.valueOf(project))).status()).isEqualTo(303);
        assertThat(app.http().get("/p/" + f.slug()).html().select(".tverified")).isEmpty();

        String link = Mails.link(app.mails().await(email, 1, m -> Mails.subject(m).contains("confirm")).get(0),
                app.url("/testimonial/confirm/"));
        browser.get(link);
        assertThat(el("h1").getText()).isEqualTo("Are these your words?");
        assertThat(el("blockquote").getText()).contains("the audit found the bug");
        tick("f-consentCaseStudy");
        click("form button.primary");
        assertThat(el("#confirmed").getText()).contains("confirmed");
        assertThat(app.http().get("/p/" + f.slug()).html().select(".tverified").text()).startsWith("Verified client · Compiler audit, ");
    }
}
