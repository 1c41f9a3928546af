package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.casestudy.CaseStudySupport;
import io.goodword.support.AppExtension;
import io.goodword.support.Browser;
import io.goodword.support.BrowserTest;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.testimonial.TestimonialStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14, "preview seems to do nothing": on a phone, pressing Preview on an email template or a case study lands
 * on the preview (it used to reload at the top with the preview 1,700–3,100 px further down), and the widget builder
 * shows the widget at its real size in every layout: the frame as wide as its host and as tall as its content, once
 * at the page's width and once at a phone's.
 */
class PreviewsBrowserIT extends BrowserTest {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    PreviewsBrowserIT() { super(390, 844); }

    @Test
    void preview_buttons_land_on_the_preview_and_the_widget_preview_has_its_real_size() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        for (int i = 0; i < 4; i++) {
            Fixtures.testimonial(f.workspaceId(), TestimonialStatus.APPROVED, "Client " + i, "Founder",
                    "Clear, fast and kind work; our bookings grew within a month. ".repeat(i + 1), "", "c" + i + "@example.com", true, false);
        }
        Http admin = Fixtures.signedIn(app, f);
        Http.Response study = admin.post("/admin/case-studies", CaseStudySupport.form("A checkout that converts", "checkout"));
        assertThat(study.status()).isEqualTo(303);
        Browser.signIn(browser, app, f);

        browser.get(app.url("/admin/settings/asking"));
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("#t-checkin button[value=preview]")));
        assertInView(browser.findElement(By.id("t-checkin-preview")));
        assertThat(browser.findElement(By.cssSelector("#t-checkin-preview .preview-subject")).getText()).isNotBlank();

        browser.get(app.url(study.location()));
        Browser.clickAndLoad(browser, browser.findElement(By.id("preview-button")));
        assertInView(browser.findElement(By.id("preview")));
        assertThat(browser.findElement(By.cssSelector(".cs-preview-frame h1")).getText())
                .isEqualTo("A checkout that converts");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        for (String layout : io.goodword.testimonial.EmbedOptions.LAYOUTS) {
            browser.get(app.url("/admin/testimonials/embed?layout=" + layout));
            assertThat(browser.findElement(By.cssSelector(".embed-stages")).getText()).as("no template text leaks onto the page")
                    .doesNotContain("@*", "<%--", "loader");
            for (String stage : new String[] {"site", "phone"}) {
                WebElement host = browser.findElement(By.cssSelector(".embed-stage-" + stage + " .embed-host"));
                browser.executeScript("arguments[0].scrollIntoView()", host);
                WebElement frame = host.findElement(By.tagName("iframe"));
                // the loader fits the frame to the widget's own height once the widget has told it
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> fitted(frame));
                long frameWidth = ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().width", frame)).longValue();
                if (stage.equals("phone")) assertThat(frameWidth).as(layout + " on a phone").isBetween(380L, 390L);
                else assertThat(frameWidth).as(layout + " at the page's width").isGreaterThan(600L);
                String src = frame.getAttribute("src");
                assertThat(src).as("the preview frames the widget with the builder's options").contains("/embed/" + f.slug() + "?layout=" + layout);
            }
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "widget-preview-" + layout + ".png"),
                    browser.findElement(By.cssSelector(".embed-stages")).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        }
    }

    /** The frame is exactly as tall as the widget inside it: nothing cut off, no inner scroll bar, no empty band. */
    private boolean fitted(WebElement frame) {
        Object r = browser.executeScript("""
                const f = arguments[0], d = f.contentDocument && f.contentDocument.documentElement;
                if (!d || f.contentDocument.readyState !== 'complete') return false;
                return Math.abs(f.getBoundingClientRect().height - Math.ceil(d.getBoundingClientRect().height)) <= 1
                    && f.getBoundingClientRect().height !== 420;""", frame);
        return Boolean.TRUE.equals(r);
    }

    private void assertInView(WebElement e) {
        @SuppressWarnings("unchecked")
        Map<String, Number> r = (Map<String, Number>) browser.executeScript(
                "const r = arguments[0].getBoundingClientRect(); return {top: r.top, y: window.scrollY, h: window.innerHeight};", e);
        assertThat(r.get("y").doubleValue()).as("the page scrolled to the preview").isGreaterThan(0);
        assertThat(r.get("top").doubleValue()).as("the preview's top is on the screen").isBetween(-1.0, r.get("h").doubleValue() - 40);
    }
}
