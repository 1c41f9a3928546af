package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.casestudy.CaseStudySupport;
import io.goodword.support.AppExtension;
import io.goodword.support.Browser;
import io.goodword.support.Fixtures;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole journey in a real browser with real mail: the freelancer writes a case study naming a client, is refused
 * when publishing too early, sends the approval request; the client opens the link from the email and approves;
 * the freelancer publishes; the public page shows it.
 */
class CaseStudyApprovalBrowserIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension().withMail();

    @Test
    void freelancer_writes_client_approves_from_the_email_link_and_the_case_study_goes_public() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String clientEmail = Fixtures.unique("client") + "@example.com";
        long clientId = CaseStudySupport.client(f.workspaceId(), "Ada Client", clientEmail);
        String slug = Fixtures.unique("journey");
        ChromeDriver freelancer = Browser.start(390, 844); // a phone-sized window
        try {
            signIn(freelancer, f);
            freelancer.get(app.url("/admin/case-studies"));
            io.goodword.support.Browser.clickAndLoad(freelancer, freelancer.findElement(By.linkText("Write a case study")));
            freelancer.findElement(By.id("f-title")).sendKeys("Acme checkout relaunch");
            freelancer.findElement(By.id("f-slug")).sendKeys(slug);
            new Select(freelancer.findElement(By.id("f-clientId"))).selectByValue(String.valueOf(clientId));
            freelancer.findElement(By.id("f-summary")).sendKeys("A faster checkout for Acme.");
            freelancer.findElement(By.id("f-challenge")).sendKeys("Half of the buyers **gave up** at checkout.");
            freelancer.findElement(By.id("f-results")).sendKeys("Leads grew by 38%.");
            freelancer.findElement(By.id("f-keyLabel-1")).sendKeys("Leads per month");
            freelancer.findElement(By.id("f-keyValue-1")).sendKeys("+38%");

            // preview first: exactly the public rendering, nothing saved yet
            io.goodword.support.Browser.clickAndLoad(freelancer, freelancer.findElement(By.id("preview-button")));
            assertThat(freelancer.findElement(By.cssSelector("#preview .case-study h1")).getText()).isEqualTo("Acme checkout relaunch");
            assertThat(freelancer.findElement(By.cssSelector("#preview .cs-prose strong")).getText()).isEqualTo("gave up");
            assertThat(freelancer.findElement(By.id("f-title")).getAttribute("value")).isEqualTo("Acme checkout relaunch");

            io.goodword.support.Browser.clickAndLoad(freelancer, freelancer.findElement(By.id("save")));
            assertThat(freelancer.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Case study saved.");

            io.goodword.support.Browser.clickAndLoad(freelancer, freelancer.findElement(By.id("publish")));
            assertThat(freelancer.findElement(By.cssSelector("#status .form-error")).getText())
                    .contains("Not published").contains("Ada Client must approve it first");
            assertThat(app.http().get("/p/" + f.slug() + "/case-studies/" + slug).status()).isEqualTo(404);

            io.goodword.support.Browser.clickAndLoad(freelancer, freelancer.findElement(By.id("request-approval")));
            assertThat(freelancer.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Approval request sent to the client.");

            MimeMessage email = app.mails().await(clientEmail);
            assertThat(email.getSubject()).contains("asks you to approve a case study");
            String link = CaseStudySupport.approvalPathIn(plainText(email));

            ChromeDriver client = Browser.start(1280, 900);
            try {
                client.get(app.url(link));
                assertThat(client.findElement(By.cssSelector("article.case-study h1")).getText()).isEqualTo("Acme checkout relaunch");
                assertThat(client.findElement(By.cssSelector(".cs-facts")).getText()).contains("Acme GmbH");
                assertThat(client.findElement(By.cssSelector(".cs-kr-value")).getText()).isEqualTo("+38%");
                client.findElement(By.id("f-comment")).sendKeys("Happy to be named!");
                io.goodword.support.Browser.clickAndLoad(client, client.findElement(By.id("approve")));
                assertThat(client.findElement(By.id("answer-state")).getText()).isEqualTo("Thank you! You approved this case study.");
                assertThat(client.findElements(By.id("approve"))).isEmpty();
            } finally {
                client.quit();
            }

            freelancer.navigate().refresh();
            assertThat(freelancer.findElement(By.id("approval-state")).getText()).isEqualTo("Ada Client approved this version.");
            assertThat(freelancer.findElement(By.id("approvals")).getText()).contains("Approved").contains("Happy to be named!");
            io.goodword.support.Browser.clickAndLoad(freelancer, freelancer.findElement(By.id("publish")));
            assertThat(freelancer.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Case study published.");

            WebDriver visitor = Browser.start(390, 844);
            try {
                visitor.get(app.url("/p/" + f.slug() + "/case-studies"));
                io.goodword.support.Browser.clickAndLoad(visitor, visitor.findElement(By.linkText("Acme checkout relaunch")));
                assertThat(visitor.getCurrentUrl()).endsWith("/p/" + f.slug() + "/case-studies/" + slug);
                assertThat(visitor.findElement(By.cssSelector("article h1")).getText()).isEqualTo("Acme checkout relaunch");
                assertThat(visitor.findElement(By.cssSelector(".cs-prose strong")).getText()).isEqualTo("gave up");
                assertThat(visitor.findElement(By.cssSelector(".cs-facts")).getText()).contains("Acme GmbH");
                // nothing on the page is wider than the phone screen
                Long overflow = (Long) ((ChromeDriver) visitor).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).isLessThanOrEqualTo(0L);
            } finally {
                visitor.quit();
            }
        } finally {
            freelancer.quit();
        }
    }

    private static void signIn(ChromeDriver driver, Fixtures.Freelancer f) {
        io.goodword.support.Browser.signIn(driver, app, f);
        assertThat(driver.getCurrentUrl()).endsWith("/admin");
    }

    /** The decoded text/plain part (quoted-printable soft breaks would cut the link in the raw source). */
    private static String plainText(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) return s;
        Multipart mp = (Multipart) content;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart part = mp.getBodyPart(i);
            if (part.isMimeType("text/plain")) sb.append(part.getContent());
            else if (part.getContent() instanceof Multipart inner) {
                for (int j = 0; j < inner.getCount(); j++) {
                    if (inner.getBodyPart(j).isMimeType("text/plain")) sb.append(inner.getBodyPart(j).getContent());
                }
            }
        }
        return sb.toString();
    }
}
