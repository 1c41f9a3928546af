package io.goodword.casestudy;

import static io.goodword.casestudy.CaseStudySupport.form;
import static io.goodword.casestudy.CaseStudySupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CaseStudyApprovalIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    record Named(Fixtures.Freelancer f, Http http, long id, String slug, long clientId) {}

    private static Named namedCaseStudy() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long client = CaseStudySupport.client(f.workspaceId(), "Ada Client", unique("ada") + "@example.com");
        String slug = unique("named");
        Map<String, String> form = form("Acme relaunch", slug);
        form.put("clientId", String.valueOf(client));
        assertThat(http.post("/admin/case-studies", form).status()).isEqualTo(303);
        return new Named(f, http, CaseStudySupport.caseStudyId(f.workspaceId(), slug), slug, client);
    }

    @Test
    void publishing_a_named_case_study_without_the_clients_approval_is_refused_with_a_clear_message() {
        Named n = namedCaseStudy();
        Http.Response r = n.http().post("/admin/case-studies/" + n.id() + "/publish", Map.of());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#status .form-error").text())
                .isEqualTo("Not published: this case study names Ada Client, so Ada Client must approve it first. "
                        + "Send an approval request, and publish once the answer is in.");
        assertThat(CaseStudySupport.caseStudy(n.f().workspaceId(), n.id()).status()).isEqualTo(CaseStatus.DRAFT);
        assertThat(app.http().get("/p/" + n.f().slug() + "/case-studies/" + n.slug()).status()).isEqualTo(404);
        // the public list names the company of a named client, never before approval
        assertThat(app.http().get("/p/" + n.f().slug() + "/case-studies").body()).doesNotContain("Acme GmbH");
    }

    @Test
    void the_client_approves_through_a_personal_link_and_then_the_case_study_can_be_published() {
        Named n = namedCaseStudy();
        Http.Response sent = n.http().post("/admin/case-studies/" + n.id() + "/approval", Map.of());
        assertThat(sent.status()).isEqualTo(303);
        Document edit = n.http().get("/admin/case-studies/" + n.id()).html();
        assertThat(edit.select(".flash").text()).isEqualTo("Approval request sent to the client.");
        assertThat(edit.select("#approval-state").text()).contains("Waiting for Ada Client");

        String link = CaseStudySupport.approvalPath(n.f());
        String token = link.substring("/approve/".length());
        assertThat(TestSql.count("SELECT COUNT(*) FROM case_study_approvals WHERE token_hash = '" + token + "'")).isZero();

        Http client = app.http();
        Http.Response page = client.get(link);
        assertThat(page.status()).isEqualTo(200);
        Document p = page.html();
        assertThat(p.select("article.case-study h1").text()).isEqualTo("Acme relaunch");
        assertThat(p.select(".cs-facts").text()).contains("Acme GmbH");
        assertThat(p.select("#changes")).isEmpty();
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");

        Http.Response approved = client.post(link, Map.of("decision", "approve", "comment", "Looks great"));
        assertThat(approved.status()).isEqualTo(303);
        Document after = client.get(link).html();
        assertThat(after.select("#answer-state").text()).isEqualTo("Thank you! You approved this case study.");
        assertThat(after.select("#answer form")).isEmpty();
        // a link answers once
        assertThat(client.post(link, Map.of("decision", "changes", "comment", "Actually no")).status()).isEqualTo(409);

        Document admin = n.http().get("/admin/case-studies/" + n.id()).html();
        assertThat(admin.select("#approval-state").text()).isEqualTo("Ada Client approved this version.");
        assertThat(admin.select("#approvals").text()).contains("Approved").contains("Looks great");
        assertThat(TestSql.count("SELECT COUNT(*) FROM outbox WHERE kind = 'casestudy-answer' AND workspace_id = "
                + n.f().workspaceId())).isEqualTo(1);

        assertThat(n.http().post("/admin/case-studies/" + n.id() + "/publish", Map.of()).status()).isEqualTo(303);
        Document pub = app.http().get("/p/" + n.f().slug() + "/case-studies/" + n.slug()).html();
        assertThat(pub.select("article h1").text()).isEqualTo("Acme relaunch");
        assertThat(pub.select(".cs-facts").text()).contains("Acme GmbH");
    }

    @Test
    void the_same_approval_form_sent_twice_is_stored_once_and_both_answers_say_approved() {
        Named n = namedCaseStudy();
        n.http().post("/admin/case-studies/" + n.id() + "/approval", Map.of());
        String link = CaseStudySupport.approvalPath(n.f());
        Http client = app.http();
        String stamp = client.get(link).html().select("#answer form input[name=_stamp]").val();
        assertThat(stamp).as("the rendered form carries its id").isNotBlank();
        Map<String, String> form = Map.of("decision", "approve", "comment", "Lovely", "_stamp", stamp);

        Http.Response first = client.post(link, form);
        Http.Response again = client.post(link, form); // double click, or the browser retrying after a lost answer
        assertThat(first.status()).isEqualTo(303);
        assertThat(again.status()).as("answered like the first time, not 'closed'").isEqualTo(303);
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(TestSql.count("SELECT COUNT(*) FROM case_study_approvals WHERE status = 'approved' AND workspace_id = "
                + n.f().workspaceId())).isEqualTo(1);
        assertThat(TestSql.count("SELECT COUNT(*) FROM outbox WHERE kind = 'casestudy-answer' AND workspace_id = "
                + n.f().workspaceId())).as("the freelancer is told once").isEqualTo(1);
        // another form (no id, or a new one) after the answer is still told the link is closed
        assertThat(client.post(link, Map.of("decision", "changes", "comment", "No")).status()).isEqualTo(409);
    }

    @Test
    void a_change_after_approval_needs_a_new_approval_and_the_client_sees_what_changed() {
        Named n = namedCaseStudy();
        n.http().post("/admin/case-studies/" + n.id() + "/approval", Map.of());
        String first = CaseStudySupport.approvalPath(n.f());
        app.http().post(first, Map.of("decision", "approve", "comment", ""));

        Map<String, String> changed = form("Acme relaunch", n.slug());
        changed.put("clientId", String.valueOf(n.clientId()));
        changed.put("results", "Leads grew by 45%.");
        assertThat(n.http().post("/admin/case-studies/" + n.id(), changed).status()).isEqualTo(303);

        Http.Response refused = n.http().post("/admin/case-studies/" + n.id() + "/publish", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#approval-state").text()).contains("has not approved this version yet");

        n.http().post("/admin/case-studies/" + n.id() + "/approval", Map.of());
        String second = CaseStudySupport.approvalPath(n.f());
        assertThat(second).isNotEqualTo(first);
        Document p = app.http().get(second).html();
        assertThat(p.select("#changes h3").eachText()).containsExactly("Results");
        assertThat(p.select("#changes .diff-removed").text()).contains("Leads grew by [38%](https://example.com/report).");
        assertThat(p.select("#changes .diff-added").text()).contains("Leads grew by 45%.");
        assertThat(p.select("article .cs-prose").text()).contains("Leads grew by 45%.");

        Http.Response noComment = app.http().post(second, Map.of("decision", "changes", "comment", " "));
        assertThat(noComment.status()).isEqualTo(422);
        assertThat(noComment.html().select("#f-comment-error").text()).isEqualTo("Please say what should change.");
        Http.Response tooLong = app.http().post(second, Map.of("decision", "changes", "comment", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.html().select("#f-comment").text()).hasSize(2001);

        assertThat(app.http().post(second, Map.of("decision", "changes", "comment", "Please say 40%, not 45%.")).status())
                .isEqualTo(303);
        Document admin = n.http().get("/admin/case-studies/" + n.id()).html();
        assertThat(admin.select("#approvals").text()).contains("Changes requested").contains("Please say 40%, not 45%.");
        assertThat(admin.select(".cs-approval-row")).hasSize(2);
        assertThat(n.http().post("/admin/case-studies/" + n.id() + "/publish", Map.of()).status()).isEqualTo(422);

        // restoring the approved version makes it publishable again: the approval belongs to that exact content
        long approvedVersion = CaseStudySupport.versions(n.f().workspaceId(), n.id()).get(1).id();
        n.http().post("/admin/case-studies/" + n.id() + "/versions/" + approvedVersion + "/restore", Map.of());
        assertThat(n.http().post("/admin/case-studies/" + n.id() + "/publish", Map.of()).status()).isEqualTo(303);
    }

    @Test
    void a_newer_request_replaces_the_old_link_and_unknown_links_are_404() {
        Named n = namedCaseStudy();
        n.http().post("/admin/case-studies/" + n.id() + "/approval", Map.of());
        String first = CaseStudySupport.approvalPath(n.f());
        n.http().post("/admin/case-studies/" + n.id() + "/approval", Map.of());
        String second = CaseStudySupport.approvalPath(n.f());
        assertThat(second).isNotEqualTo(first);
        assertThat(app.http().get(first).html().select("#answer-state").text()).contains("replaced by a newer one");
        assertThat(app.http().post(first, Map.of("decision", "approve", "comment", "")).status()).isEqualTo(409);
        assertThat(app.http().get("/approve/" + "A".repeat(43)).status()).isEqualTo(404);
        assertThat(app.http().get("/approve/short").status()).isEqualTo(404);
        assertThat(CaseStudySupport.caseStudy(n.f().workspaceId(), n.id()).status()).isEqualTo(CaseStatus.DRAFT);
    }

    @Test
    void a_client_without_an_email_address_cannot_be_asked_and_the_freelancer_is_told_why() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long client = CaseStudySupport.client(f.workspaceId(), "No Mail", null);
        String slug = unique("nomail");
        Map<String, String> form = form("No mail", slug);
        form.put("clientId", String.valueOf(client));
        http.post("/admin/case-studies", form);
        long id = CaseStudySupport.caseStudyId(f.workspaceId(), slug);
        Http.Response r = http.post("/admin/case-studies/" + id + "/approval", Map.of());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#status .form-error").text()).contains("has no email address");
    }
}
