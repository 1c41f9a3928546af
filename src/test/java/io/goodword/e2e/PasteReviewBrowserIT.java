package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Browser;
import io.goodword.support.BrowserTest;
import io.goodword.support.Fixtures;
import io.goodword.support.TestDb;
import io.goodword.testimonial.Platform;
import io.goodword.testimonial.Testimonial;
import io.goodword.testimonial.TestimonialDao;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A freelancer on a phone copies a LinkedIn recommendation into the paste form: words, name, date and link, one tap
 * for the stars, saved in a few seconds. After approval the wall labels it "From LinkedIn", not verified.
 */
class PasteReviewBrowserIT extends BrowserTest {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    PasteReviewBrowserIT() { super(360, 780); }

    private boolean scrollsSideways() {
        return (Boolean) browser.executeScript("const d = document.documentElement; return d.scrollWidth > d.clientWidth;");
    }

    @Test
    void a_review_pasted_on_a_phone_is_saved_with_its_source_and_shown_on_the_wall_labelled_from_linkedin() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        browser.get(app.url("/login"));
        type("f-username", f.email());
        type("f-password", Fixtures.PASSWORD);
        Browser.clickAndLoad(browser, el("form button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().endsWith("/admin"));

        browser.get(app.url("/admin/testimonials"));
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector(".ttabs a[href='/admin/testimonials/paste']")));
        assertThat(el("h1").getText()).isEqualTo("Paste a review from another site");
        assertThat(scrollsSideways()).as("no sideways scroll at 360 px").isFalse();

        type("f-body", "Rosa led our redesign with calm and care; the new site converts twice as well.");
        type("f-name", "Lars Linked");
        type("f-date", "March 5, 2024");
        type("f-link", "https://www.linkedin.com/in/lars-linked/details/recommendations/");
        Browser.clickAndLoad(browser, el("form.paste-form button[type=submit]")); // the stars are still missing
        assertThat(el("#f-rating-error").getText()).isNotBlank();
        assertThat(el("#f-name").getAttribute("value")).isEqualTo("Lars Linked");
        assertThat(scrollsSideways()).as("the refused form at 360 px").isFalse();

        el("label[for=f-rating-5]").click();
        el("label[for=f-consent]").click();
        Browser.clickAndLoad(browser, el("form.paste-form button[type=submit]"));
        assertThat(el(".flash").getText()).contains("Saved");
        assertThat(el("#f-body").getText()).as("an empty form for the next one").isEmpty();

        TestimonialDao dao = TestDb.jdbi().onDemand(TestimonialDao.class);
        List<Testimonial> all = dao.all(f.workspaceId());
        assertThat(all).hasSize(1);
        Testimonial t = all.get(0);
        assertThat(t.name()).isEqualTo("Lars Linked");
        assertThat(t.rating()).isEqualTo(5);
        assertThat(t.originPlatform()).isEqualTo(Platform.LINKEDIN);
        assertThat(t.originalDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(t.sourceUrl()).isEqualTo("https://www.linkedin.com/in/lars-linked/details/recommendations/");
        assertThat(t.consentPublish()).isTrue();

        assertThat(Fixtures.signedIn(app, f).post("/admin/testimonials/" + t.id() + "/status", Map.of("action", "approve"))
                .status()).isEqualTo(303);
        browser.get(app.url("/p/" + f.slug()));
        assertThat(el(".tcard .tsource").getText()).isEqualTo("From LinkedIn");
        assertThat(browser.findElements(By.cssSelector(".tcard .badge"))).isEmpty();
        assertThat(scrollsSideways()).as("the wall at 360 px").isFalse();
    }
}
