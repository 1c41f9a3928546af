package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.referral.ReferralData;
import io.goodword.support.AppExtension;
import io.goodword.support.Axe;
import io.goodword.support.Browser;
import io.goodword.support.BrowserTest;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.QrCodes;
import io.goodword.support.TestDb;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The client's check-in on a phone-sized window (390×844), and the freelancer reading private feedback. */
class CheckInJourneyBrowserIT extends BrowserTest {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    CheckInJourneyBrowserIT() { super(390, 844); }

    /** The personal link, as the freelancer copies it from the client page. */
    static String linkFor(Fixtures.Freelancer f, String name) { return linkFor(f, name, "Acme"); }

    static String linkFor(Fixtures.Freelancer f, String name, String company) {
        long id = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), name, Fixtures.unique("p") + "@example.com",
                company, "", "", "", "en");
        Http admin = Fixtures.signedIn(app, f);
        return admin.post("/admin/clients/" + id + "/link", Map.of()).html().select("#personal-link").attr("value");
    }

    @Test
    void a_promoter_taps_ten_on_a_phone_leaves_a_testimonial_and_refers_a_friend() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        browser.get(linkFor(f, "Ada Lovelace", "")); // no company on file: nothing prefilled in the details
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hi Ada!");
        WebElement ten = browser.findElement(By.cssSelector("label[for=score-10]"));
        assertThat(ten.getSize().getHeight()).as("tap target height").isGreaterThanOrEqualTo(44);
        assertThat(ten.isDisplayed()).isTrue();
        // the page fits the phone: nothing scrolls sideways
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(overflow).isEqualTo(false);
        ten.click();
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button.primary")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you, Ada!");
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button.primary")));

        // the testimonial, prefilled with her name
        assertThat(browser.findElement(By.id("f-name")).getAttribute("value")).isEqualTo("Ada Lovelace");
        browser.findElement(By.cssSelector("label[for=f-rating-5]")).click();
        browser.findElement(By.id("f-body")).sendKeys("Ada turned a vague idea into a working engine in two weeks.");
        // on a phone the optional details wait behind one button, which opens them (no script needed)
        assertThat(browser.findElement(By.id("f-role")).isDisplayed()).as("role folded away").isFalse();
        WebElement more = browser.findElement(By.cssSelector("details.more-details > summary"));
        assertThat(more.getText()).contains("Add your role, company, website or photo");
        browser.executeScript("arguments[0].scrollIntoView(true);", more);
        more.click();
        assertThat(browser.findElement(By.id("f-role")).isDisplayed()).isTrue();
        browser.findElement(By.id("f-role")).sendKeys("Analyst");
        WebElement consent = browser.findElement(By.id("f-consentPublish"));
        browser.executeScript("arguments[0].scrollIntoView(true);", consent);
        consent.click();
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button.primary")));

        // then she refers a friend
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Know someone who could use");
        browser.findElement(By.id("f-name")).sendKeys("Grace Hopper");
        browser.findElement(By.id("f-email")).sendKeys(Fixtures.unique("grace") + "@example.com");
        browser.findElement(By.id("f-message")).sendKeys("Needs help with a compiler.");
        WebElement agreed = browser.findElement(By.id("f-consent"));
        browser.executeScript("arguments[0].scrollIntoView(true);", agreed);
        agreed.click();
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button.primary")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you so much, Ada!");
        assertThat(browser.findElement(By.id("flow-done")).getText()).contains("Your answers are saved");

        long verified = TestDb.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws AND verified AND client_id IS NOT NULL")
                .bind("ws", f.workspaceId()).mapTo(Long.class).one());
        assertThat(verified).isEqualTo(1);
        String role = TestDb.jdbi().withHandle(h -> h.createQuery("SELECT role FROM testimonials WHERE workspace_id = :ws")
                .bind("ws", f.workspaceId()).mapTo(String.class).one());
        assertThat(role).isEqualTo("Analyst");
        String lead = TestDb.jdbi().withHandle(h -> h.createQuery(
                "SELECT name FROM referral_leads WHERE workspace_id = :ws AND referrer_client_id IS NOT NULL")
                .bind("ws", f.workspaceId()).mapTo(String.class).one());
        assertThat(lead).isEqualTo("Grace Hopper");

        browser.navigate().refresh(); // coming back later shows where they left off
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you so much, Ada!");
    }

    @Test
    void with_a_program_the_promoter_can_send_their_link_on_or_show_it_as_a_qr_code_on_the_phone() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        ReferralData.program(f.workspaceId(), "WON", "");
        browser.get(linkFor(f, "Ada Lovelace"));
        browser.findElement(By.cssSelector("label[for=score-10]")).click();
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button.primary")));
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button.primary"))); // continue
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button.link")));    // no testimonial now
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Know someone who could use");
        String link = browser.findElement(By.id("ask-link")).getAttribute("value");
        WebElement whatsApp = browser.findElement(By.id("ask-share-whatsapp"));
        assertThat(whatsApp.getSize().getHeight()).as("tap target height").isGreaterThanOrEqualTo(44);

        WebElement qr = browser.findElement(By.cssSelector("#ask-qr svg"));
        assertThat(qr.isDisplayed()).as("folded until asked for").isFalse();
        WebElement show = browser.findElement(By.cssSelector("details.qr-fold summary"));
        browser.executeScript("arguments[0].scrollIntoView(true);", show);
        show.click();
        assertThat(qr.isDisplayed()).isTrue();
        assertThat(qr.getSize().getWidth()).as("scannable size").isBetween(200, 358);
        assertThat(browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth;")).isEqualTo(false);
        // what the phone shows is what a camera reads: the rendered pixels, decoded. Like a camera, it looks again
        // until the picture is sharp: on a loaded machine the first frame after the fold opens may not be painted yet
        // (CI once read nothing off it); what it finally reads must be the link
        String read = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> {
                    try {
                        byte[] shot = qr.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
                        return QrCodes.decode(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(shot)));
                    } catch (Exception unreadable) {
                        return null;
                    }
                });
        assertThat(read).isEqualTo(link);
        assertThat(Axe.violations(browser)).isEmpty();
    }

    @Test
    void a_detractor_answers_three_sees_no_ask_and_the_freelancer_reads_the_private_feedback() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String link = linkFor(f, "Bob Builder");
        browser.get(link);
        browser.findElement(By.cssSelector("label[for=score-3]")).click();
        browser.findElement(By.id("f-comment")).sendKeys("The launch slipped.");
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button.primary")));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you for your honesty");
        String body = browser.findElement(By.tagName("body")).getText().toLowerCase();
        assertThat(body).doesNotContain("testimonial").doesNotContain("refer");
        browser.findElement(By.id("f-feedback")).sendKeys("Please warn me early when dates move.");
        Browser.clickAndLoad(browser, browser.findElement(By.cssSelector("button.primary")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you, Bob");

        // the freelancer signs in and finds the follow-up on the client page
        Browser.signIn(browser, app, f);
        browser.get(app.url("/admin/clients"));
        Browser.clickAndLoad(browser, browser.findElement(By.linkText("Bob Builder")));
        String task = browser.findElement(By.cssSelector(".task")).getText();
        assertThat(task).contains("Private feedback (score 3/10)").contains("The launch slipped.")
                .contains("Please warn me early when dates move.");
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("Check-in answered: 3/10");
    }
}
