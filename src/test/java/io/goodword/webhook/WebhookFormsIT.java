package io.goodword.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The endpoint pages as an installation runs them by default (no private addresses): bad and hostile URLs, another
 * workspace's ids, posts without a CSRF token, a stored endpoint that points inward by the time it is delivered to.
 * Endpoints made here point at names that do not resolve and are paused, or at a receiver on 127.0.0.1; the worker
 * runs only when a test drives it.
 */
class WebhookFormsIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension().env(Map.of("MAIL_POLL_MILLIS", "0"));

    static Http.Response create(Http http, String url, boolean withEvent) {
        String form = "url=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + (withEvent ? "&events=testimonial.submitted" : "")
                + "&_csrf=" + http.csrfToken();
        return http.send(HttpRequest.newBuilder(http.uri("/admin/settings/webhooks"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static int endpoints(long ws) {
        return TestDb.jdbi().withHandle(h -> h.select("SELECT COUNT(*) FROM webhook_endpoints WHERE workspace_id = ?", ws)
                .mapTo(Integer.class).one());
    }

    /** An endpoint of {@code ws}, paused, at a name that resolves nowhere. */
    static Endpoint endpoint(long ws) {
        WebhookDao dao = TestDb.jdbi().onDemand(WebhookDao.class);
        long id = dao.insertEndpoint(ws, "https://hooks.example.invalid/" + Fixtures.unique("p"), "testimonial.submitted",
                "secret-" + Fixtures.unique("s"), Instant.now());
        dao.setPaused(ws, id, true);
        return dao.endpoint(ws, id).orElseThrow();
    }

    @Test
    void bad_and_local_urls_answer_422_with_the_message_next_to_the_field_and_the_typed_value_kept() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        assertThat(http.get("/admin/settings").html().select("a#webhooks-link").attr("href")).isEqualTo("/admin/settings/webhooks");
        Map<String, String> cases = Map.ofEntries(Map.entry("ftp://x", "http or https address"),
                Map.entry("garbage", "http or https address"), Map.entry("http://user:pw@8.8.8.8/", "http or https address"),
                Map.entry("https://8.8.8.8/" + "a".repeat(3000), "too long"),
                Map.entry("http://127.0.0.1/", "private or local network"), Map.entry("http://10.0.0.1/", "private or local network"),
                Map.entry("http://169.254.169.254/latest/meta-data/", "private or local network"),
                Map.entry("http://[::ffff:127.0.0.1]/", "private or local network"),
                Map.entry("http://2130706433/", "private or local network"),
                Map.entry("https://no-such-host.invalid/hook", "could not be found"), Map.entry("", "Enter the address"));
        cases.forEach((url, message) -> {
            Http.Response r = create(http, url, true);
            assertThat(r.status()).as(url).isEqualTo(422);
            Document d = r.html();
            assertThat(d.select("#f-url-error").text()).as(url).contains(message);
            assertThat(d.select("#f-url").val()).as(url).isEqualTo(url);
            assertThat(d.select("#f-event-testimonial\\.submitted").hasAttr("checked")).isTrue();
        });
        Http.Response noEvent = create(http, "https://8.8.8.8/hook", false);
        assertThat(noEvent.status()).isEqualTo(422);
        assertThat(noEvent.html().select("#f-events-error").text()).contains("at least one event");
        assertThat(noEvent.html().select("#f-url").val()).isEqualTo("https://8.8.8.8/hook");
        assertThat(endpoints(f.workspaceId())).isZero();
    }

    @Test
    void another_workspaces_endpoint_is_a_404_for_every_page_and_action_and_stays_as_it_was() {
        Fixtures.Freelancer a = Fixtures.freelancer();
        Fixtures.Freelancer b = Fixtures.freelancer();
        Endpoint theirs = endpoint(a.workspaceId());
        Http httpB = Fixtures.signedIn(app, b);
        String path = "/admin/settings/webhooks/" + theirs.id();
        assertThat(httpB.get(path).status()).isEqualTo(404);
        for (String action : List.of("pause", "resume", "secret", "test", "delete")) {
            assertThat(httpB.post(path + "/" + action, Map.of()).status()).as(action).isEqualTo(404);
        }
        assertThat(httpB.get("/admin/settings/webhooks").body()).doesNotContain(theirs.url(), theirs.signingSecret());
        assertThat(TestDb.jdbi().onDemand(WebhookDao.class).endpoint(a.workspaceId(), theirs.id())).contains(theirs);
        assertThat(TestDb.jdbi().onDemand(WebhookDao.class).recent(a.workspaceId(), theirs.id(), 10)).isEmpty();
        Http httpA = Fixtures.signedIn(app, a);
        assertThat(httpA.get(path).html().select("#signing-secret").text()).isEqualTo(theirs.signingSecret());
    }

    @Test
    void posts_without_a_csrf_token_are_refused_and_change_nothing() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Endpoint mine = endpoint(f.workspaceId());
        Http http = Fixtures.signedIn(app, f);
        String path = "/admin/settings/webhooks/" + mine.id();
        assertThat(http.postRaw("/admin/settings/webhooks", Map.of("url", "https://8.8.8.8/x", "events", "ping")).status()).isEqualTo(403);
        for (String action : List.of("resume", "secret", "test", "delete")) {
            assertThat(http.postRaw(path + "/" + action, Map.of()).status()).as(action).isEqualTo(403);
        }
        assertThat(TestDb.jdbi().onDemand(WebhookDao.class).endpoint(f.workspaceId(), mine.id())).contains(mine);
        assertThat(endpoints(f.workspaceId())).isEqualTo(1);
    }

    @Test
    void pausing_resuming_rotating_and_deleting_are_in_the_audit_log_naming_the_host_only() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Endpoint mine = endpoint(f.workspaceId());
        Http http = Fixtures.signedIn(app, f);
        String path = "/admin/settings/webhooks/" + mine.id();
        for (String action : List.of("resume", "pause", "secret", "delete")) {
            assertThat(http.post(path + "/" + action, Map.of()).status()).as(action).isEqualTo(303);
        }
        String audit = http.get("/admin/settings/audit").html().select("#audit tbody").text();
        assertThat(audit).contains("Resumed a webhook endpoint", "Paused a webhook endpoint",
                "Rotated the signing secret of a webhook endpoint", "Deleted a webhook endpoint", "host hooks.example.invalid")
                .doesNotContain(mine.url(), "POST /admin");
        assertThat(http.get("/admin/settings/audit?lang=de").body()).contains("Webhook-Endpunkt gelöscht");
    }

    @Test
    void an_endpoint_that_resolves_inward_by_the_time_of_delivery_gets_nothing() {
        // as after DNS rebinding: the name passed the check when saved, and now answers 127.0.0.1
        Fixtures.Freelancer f = Fixtures.freelancer();
        try (Receiver receiver = new Receiver()) {
            WebhookDao dao = TestDb.jdbi().onDemand(WebhookDao.class);
            long id = dao.insertEndpoint(f.workspaceId(), receiver.url("/hook"), "testimonial.submitted", "s", Instant.now());
            TestDb.jdbi().useHandle(h -> WebhookEvents.ping(h, Instant.now(), dao.endpoint(f.workspaceId(), id).orElseThrow()));
            app.app().worker().runOnce();
            assertThat(receiver.take()).isEmpty();
            Delivery d = dao.recent(f.workspaceId(), id, 1).get(0);
            assertThat(d.status()).isEqualTo(Delivery.PENDING);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).containsIgnoringCase("refused");
            dao.deleteEndpoint(f.workspaceId(), id);
        }
    }
}
