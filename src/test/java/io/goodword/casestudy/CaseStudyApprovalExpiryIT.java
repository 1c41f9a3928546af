package io.goodword.casestudy;

import static io.goodword.casestudy.CaseStudySupport.form;
import static io.goodword.casestudy.CaseStudySupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import io.goodword.support.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Approval expiry follows the app's clock on every page, so a test can move time instead of waiting 30 days. */
class CaseStudyApprovalExpiryIT {
    static final MutableClock clock = new MutableClock(Instant.now());
    static TestApp app;

    @BeforeAll
    static void start() { app = TestApp.start(Map.of(), clock); }

    @AfterAll
    static void stop() { app.close(); }

    @Test
    void an_approval_link_past_its_date_shows_as_expired_to_the_client_and_in_the_editor() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long client = CaseStudySupport.client(f.workspaceId(), "Ada Client", unique("ada") + "@example.com");
        String slug = unique("expiry");
        Map<String, String> form = form("Acme relaunch", slug);
        form.put("clientId", String.valueOf(client));
        assertThat(http.post("/admin/case-studies", form).status()).isEqualTo(303);
        long id = CaseStudySupport.caseStudyId(f.workspaceId(), slug);
        assertThat(http.post("/admin/case-studies/" + id + "/approval", Map.of()).status()).isEqualTo(303);
        String link = CaseStudySupport.approvalPath(f);
        assertThat(app.http().get(link).html().select("#answer form")).isNotEmpty();

        clock.advance(CaseStudyService.APPROVAL_VALIDITY.plus(Duration.ofDays(1)));

        Document page = app.http().get(link).html();
        assertThat(page.select("#answer-state").text()).isEqualTo("This link has expired. Please ask for a new one.");
        assertThat(page.select("#answer form")).isEmpty();
        Document editor = Fixtures.signedIn(app, f).get("/admin/case-studies/" + id).html();
        assertThat(editor.select("#approvals").text()).contains("Link expired without an answer");
    }
}
