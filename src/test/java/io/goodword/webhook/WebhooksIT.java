package io.goodword.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.goodword.client.ClientDao;
import io.goodword.referral.ReferralData;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import io.goodword.support.TestDb;
import io.goodword.testimonial.Reviews;
import io.goodword.testimonial.TestimonialStatus;
import io.goodword.web.Json;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhooks end to end: real events through the app's own forms, a real receiver on 127.0.0.1, the worker driven by hand. */
class WebhooksIT {
    static final MutableClock clock = new MutableClock(Instant.now());
    @RegisterExtension
    static final AppExtension app = new AppExtension().clock(clock)
            .env(Map.of("MAIL_POLL_MILLIS", "0", "WEBHOOKS_ALLOW_PRIVATE", "true"));
    static final Receiver receiver = new Receiver();

    @BeforeEach
    void now() { clock.set(Instant.now()); } // public forms' stamps are signed against real time

    @AfterEach
    void noEndpointLeft() { TestDb.jdbi().useHandle(h -> h.execute("DELETE FROM webhook_endpoints")); receiver.take(); }

    @AfterAll
    static void stop() { receiver.close(); }

    static void pass() { app.app().worker().runOnce(); }

    /** Posts the public review form; the app's clock first catches up with the real time its form stamps are signed in. */
    static int review(Fixtures.Freelancer f, String name) {
        clock.set(Instant.now());
        return Reviews.post(app.http(), f.slug(), Reviews.valid(name), Reviews.newIp()).status();
    }

    /** Adds an endpoint through the form; its id. */
    static long add(Http http, String url, String... events) {
        StringBuilder form = new StringBuilder("url=" + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8));
        for (String e : events) form.append("&events=").append(e);
        form.append("&_csrf=").append(http.csrfToken());
        Http.Response r = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/admin/settings/webhooks"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form.toString())));
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.location().substring(r.location().lastIndexOf('/') + 1));
    }

    static long add(Http http) {
        return add(http, receiver.url("/hook"), "testimonial.submitted", "testimonial.approved", "referral.lead_created");
    }

    static String secret(Http http, long id) {
        return http.get("/admin/settings/webhooks/" + id).html().select("#signing-secret").text();
    }

    static int deliveries(long ws) {
        return TestDb.jdbi().withHandle(h -> h.select("SELECT COUNT(*) FROM webhook_deliveries WHERE workspace_id = ?", ws)
                .mapTo(Integer.class).one());
    }

    static Map<String, Object> delivery(long ws) {
        return TestDb.jdbi().withHandle(h -> h.select("SELECT status, attempts, last_status, last_error, payload "
                + "FROM webhook_deliveries WHERE workspace_id = ? ORDER BY id DESC LIMIT 1", ws).mapToMap().one());
    }

    /** The signature checked as a receiver would: HMAC-SHA256(secret, t + "." + body), hex. */
    static boolean signed(Receiver.Hit hit, String secret) throws Exception {
        String[] parts = hit.header("Goodword-Signature").split(",");
        assertThat(parts[0]).startsWith("t=");
        assertThat(parts[1]).startsWith("v1=");
        String t = parts[0].substring(2);
        assertThat(Long.parseLong(t)).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + hit.body()).getBytes(StandardCharsets.UTF_8)));
        return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts[1].substring(3).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void a_testimonial_from_the_public_form_is_queued_once_and_posted_signed_with_the_endpoints_secret() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long id = add(http);
        String secret = secret(http, id);
        assertThat(secret).hasSize(43);
        assertThat(review(f, "Hook Hanna")).isEqualTo(303);
        assertThat(deliveries(f.workspaceId())).isEqualTo(1);

        pass();
        List<Receiver.Hit> hits = receiver.take();
        assertThat(hits).hasSize(1);
        Receiver.Hit hit = hits.get(0);
        assertThat(hit.path()).isEqualTo("/hook");
        assertThat(hit.header("Content-Type")).startsWith("application/json");
        assertThat(hit.header("User-Agent")).isEqualTo("Goodword-Webhooks/1");
        assertThat(hit.header("Goodword-Event")).isEqualTo("testimonial.submitted");
        assertThat(hit.header("Goodword-Delivery")).matches("[0-9]+");
        assertThat(signed(hit, secret)).as("HMAC with the endpoint's secret").isTrue();
        JsonNode body = Json.READ.readTree(hit.body());
        assertThat(body.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(body.get("type").asText()).isEqualTo("testimonial.submitted");
        assertThat(Instant.parse(body.get("created_at").asText())).isBefore(clock.instant().plusSeconds(1));
        assertThat(body.get("workspace").asText()).isEqualTo(f.slug());
        JsonNode t = body.get("data").get("testimonial");
        assertThat(t.get("name").asText()).isEqualTo("Hook Hanna");
        assertThat(t.get("rating").asInt()).isEqualTo(5);
        assertThat(t.get("admin_url").asText()).isEqualTo(app.baseUrl() + "/admin/testimonials/" + t.get("id").asLong());
        assertThat(hit.body()).doesNotContain("/testimonial/edit/", "submitted_ip", "10.");
        assertThat(delivery(f.workspaceId())).containsEntry("status", "delivered").containsEntry("last_status", 200);

        pass();
        assertThat(receiver.take()).as("delivered once").isEmpty();
        assertThat(http.get("/admin/settings/webhooks/" + id).html().select("#deliveries tbody tr").text())
                .contains("testimonial.submitted", "Delivered", "200");
        assertThat(http.get("/admin/settings/audit").html().select("#audit tbody").text())
                .contains("Added a webhook endpoint", "host 127.0.0.1").doesNotContain("/hook");
    }

    @Test
    void a_failure_is_tried_again_after_the_back_off_and_a_redirect_is_a_failure_not_followed() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long id = add(http);
        receiver.answers.add(500);
        assertThat(http.post("/admin/settings/webhooks/" + id + "/test", Map.of()).status()).isEqualTo(303);
        pass();
        assertThat(receiver.take()).hasSize(1);
        assertThat(delivery(f.workspaceId())).containsEntry("status", "pending").containsEntry("attempts", 1)
                .containsEntry("last_status", 500);
        pass();
        assertThat(receiver.take()).as("not before the back-off").isEmpty();
        clock.advance(Duration.ofSeconds(31));
        pass();
        List<Receiver.Hit> retried = receiver.take();
        assertThat(retried).hasSize(1);
        assertThat(retried.get(0).header("Goodword-Event")).isEqualTo("ping");
        assertThat(delivery(f.workspaceId())).containsEntry("status", "delivered").containsEntry("attempts", 2);

        receiver.answers.add(302);
        http.post("/admin/settings/webhooks/" + id + "/test", Map.of());
        pass();
        assertThat(receiver.take()).extracting(Receiver.Hit::path).containsExactly("/hook"); // never /moved
        assertThat(delivery(f.workspaceId())).containsEntry("status", "pending").containsEntry("last_status", 302);
    }

    @Test
    void a_receiver_that_never_answers_holds_the_pass_no_longer_than_the_timeout() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) { // accepts, never answers
            long id = add(http, "http://127.0.0.1:" + silent.getLocalPort() + "/hook", "testimonial.submitted");
            http.post("/admin/settings/webhooks/" + id + "/test", Map.of());
            http.post("/admin/settings/webhooks/" + id + "/test", Map.of());
            long t0 = System.nanoTime();
            pass();
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            assertThat(seconds).as("one timeout, not one per delivery").isLessThan(WebhookSender.TOTAL_SECONDS + 4);
            List<Map<String, Object>> rows = TestDb.jdbi().withHandle(h -> h.select("SELECT attempts, last_error, claimed_by "
                    + "FROM webhook_deliveries WHERE workspace_id = ? ORDER BY id", f.workspaceId()).mapToMap().list());
            assertThat(rows.get(0)).containsEntry("attempts", 1);
            assertThat((String) rows.get(0).get("last_error")).containsIgnoringCase("time");
            assertThat(rows.get(1)).as("handed back untried").containsEntry("attempts", 0).containsEntry("claimed_by", null);
        }
    }

    @Test
    void a_paused_endpoint_receives_nothing_until_resumed_and_a_deleted_one_nothing_at_all() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long id = add(http);
        http.post("/admin/settings/webhooks/" + id + "/test", Map.of());
        assertThat(http.post("/admin/settings/webhooks/" + id + "/pause", Map.of()).status()).isEqualTo(303);
        assertThat(review(f, "Paused Paul")).isEqualTo(303);
        assertThat(deliveries(f.workspaceId())).as("no event queued for a paused endpoint").isEqualTo(1);
        pass();
        assertThat(receiver.take()).isEmpty();
        assertThat(http.get("/admin/settings/webhooks").html().select("#endpoint-" + id).text()).contains("Paused");

        assertThat(http.post("/admin/settings/webhooks/" + id + "/resume", Map.of()).status()).isEqualTo(303);
        pass();
        assertThat(receiver.take()).extracting(h -> h.header("Goodword-Event")).containsExactly("ping");

        http.post("/admin/settings/webhooks/" + id + "/test", Map.of());
        assertThat(http.post("/admin/settings/webhooks/" + id + "/delete", Map.of()).status()).isEqualTo(303);
        assertThat(review(f, "Deleted Dora")).isEqualTo(303);
        pass();
        assertThat(receiver.take()).isEmpty();
        assertThat(deliveries(f.workspaceId())).isZero();
        assertThat(http.get("/admin/settings/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void approving_a_testimonial_and_a_referred_friends_contact_arrive_as_their_events() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        add(http);
        long t = Fixtures.testimonial(f.workspaceId(), TestimonialStatus.PENDING, "Approved Anna", "CTO", "Great work all along",
                "", "anna@example.com", true, false);
        assertThat(http.post("/admin/testimonials/" + t + "/status", Map.of("action", "approve")).status()).isEqualTo(303);
        http.post("/admin/testimonials/" + t + "/status", Map.of("action", "approve")); // already approved: no second event
        String friend = Fixtures.unique("bob") + "@bakery.example";
        clock.set(Instant.now()); // as review(): the friend's form stamp is signed in real time
        assertThat(app.http().post("/p/" + f.slug() + "/contact", ReferralData.friend("Bob Baker", friend)).status()).isEqualTo(303);
        pass();
        List<Receiver.Hit> hits = receiver.take();
        assertThat(hits).extracting(h -> h.header("Goodword-Event")).containsExactlyInAnyOrder("testimonial.approved",
                "referral.lead_created");
        for (Receiver.Hit hit : hits) {
            JsonNode data = Json.READ.readTree(hit.body()).get("data");
            if (hit.header("Goodword-Event").equals("testimonial.approved")) {
                assertThat(data.get("testimonial").get("id").asLong()).isEqualTo(t);
                assertThat(data.get("testimonial").get("status").asText()).isEqualTo("approved");
            } else {
                assertThat(data.get("lead").get("name").asText()).isEqualTo("Bob Baker");
                assertThat(data.get("lead").get("email").asText()).isEqualTo(friend);
                assertThat(data.get("lead").get("admin_url").asText()).startsWith(app.baseUrl() + "/admin/referrals/leads/");
            }
        }
    }

    @Test
    void a_rotated_secret_signs_the_next_delivery() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long id = add(http);
        String before = secret(http, id);
        assertThat(http.post("/admin/settings/webhooks/" + id + "/secret", Map.of()).status()).isEqualTo(303);
        String after = secret(http, id);
        assertThat(after).hasSize(43).isNotEqualTo(before);
        http.post("/admin/settings/webhooks/" + id + "/test", Map.of());
        pass();
        Receiver.Hit hit = receiver.take().get(0);
        assertThat(signed(hit, after)).isTrue();
        assertThat(signed(hit, before)).isFalse();
    }

    @Test
    void erasing_a_client_leaves_their_name_in_no_stored_payload() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        add(http);
        String email = Fixtures.unique("erin") + "@example.com";
        long client = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Erin Erasable", email, "", "", "", "", "en");
        long t = Fixtures.testimonial(f.workspaceId(), TestimonialStatus.PENDING, "Erin Erasable", "CTO", "Lovely to work with",
                "", email, true, false);
        http.post("/admin/testimonials/" + t + "/status", Map.of("action", "approve"));
        assertThat((String) delivery(f.workspaceId()).get("payload")).contains("Erin Erasable");
        assertThat(http.post("/admin/clients/" + client + "/privacy/erase", Map.of("testimonials", "anonymize", "confirm", "yes"))
                .status()).isEqualTo(303);
        assertThat(deliveries(f.workspaceId())).isEqualTo(1);
        assertThat((String) delivery(f.workspaceId()).get("payload")).doesNotContain("Erin", "Erasable", email);
    }
}
