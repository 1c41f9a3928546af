package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Stamps;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Links, the landing page, attribution, spam resistance and the client-flow entry points, over real HTTP and MariaDB. */
class ReferralLinksIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    static Referrals service;

    @BeforeAll
    static void start() {
        service = ReferralData.service(app.baseUrl());
    }

    record Setup(Fixtures.Freelancer f, long program, long client, String code) {}

    static Setup setup() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long program = ReferralData.program(f.workspaceId(), "WON", "");
        String u = Fixtures.unique("ada");
        long client = ReferralData.client(f.workspaceId(), "Ada Lovelace " + u, u + "@lovelace.example");
        String code = service.links().linkFor(f.workspaceId(), client).orElseThrow().link().code();
        return new Setup(f, program, client, code);
    }

    @Test
    void link_codes_are_unique_across_the_installation_short_and_unguessable() {
        Set<String> codes = new HashSet<>();
        for (int w = 0; w < 2; w++) {
            Fixtures.Freelancer f = Fixtures.freelancer();
            ReferralData.program(f.workspaceId(), "WON", "");
            for (int i = 0; i < 60; i++) {
                long client = ReferralData.client(f.workspaceId());
                ReferralLinks.LinkResult r = service.links().linkFor(f.workspaceId(), client).orElseThrow();
                assertThat(r.url()).isEqualTo(app.baseUrl() + "/r/" + r.link().code());
                assertThat(r.link().code()).matches("[" + ReferralCodes.ALPHABET + "]{8}");
                codes.add(r.link().code());
            }
        }
        assertThat(codes).hasSize(120);
        // not sequential: sorted neighbours share no long common prefix as counters would
        var sorted = codes.stream().sorted().toList();
        long close = 0;
        for (int i = 1; i < sorted.size(); i++) if (sorted.get(i).startsWith(sorted.get(i - 1).substring(0, 5))) close++;
        assertThat(close).isZero();
    }

    @Test
    void a_client_gets_the_same_link_every_time_and_a_foreign_client_gets_none() {
        Setup s = setup();
        assertThat(service.links().linkFor(s.f().workspaceId(), s.client()).orElseThrow().link().code()).isEqualTo(s.code());
        Fixtures.Freelancer other = Fixtures.freelancer();
        ReferralData.program(other.workspaceId(), "WON", "");
        assertThat(service.links().linkFor(other.workspaceId(), s.client())).isEmpty();
    }

    @Test
    void unknown_and_malformed_codes_are_not_found() {
        assertThat(app.http().get("/r/ZZZZZZZZ").status()).isEqualTo(404);
        assertThat(app.http().get("/r/not-a-code").status()).isEqualTo(404);
    }

    @Test
    void landing_page_shows_who_recommends_whom_the_best_published_testimonials_and_the_friend_reward() {
        Setup s = setup();
        long ws = s.f().workspaceId();
        ReferralData.testimonial(ws, "Brilliant work, on time.", "Grace Hopper", "approved", true, "Navy", true);
        ReferralData.testimonial(ws, "Hidden company quote.", "Alan Turing", "approved", true, "Bletchley", false);
        ReferralData.testimonial(ws, "Not yet approved.", "Pending Person", "pending", true, "", false);
        ReferralData.testimonial(ws, "No consent to publish.", "Shy Person", "approved", false, "", false);
        Http.Response r = app.http().get("/r/" + s.code().toLowerCase());
        assertThat(r.status()).isEqualTo(200);
        Document d = r.html();
        assertThat(d.select("h1").text()).isEqualTo("Ada recommends " + s.f().displayName());
        assertThat(d.text()).contains("Brilliant work, on time.", "Grace Hopper", "Navy", "Alan Turing")
                .doesNotContain("Bletchley", "Not yet approved.", "No consent to publish.", "secret-author@example.com");
        assertThat(d.select("#friend-reward").text()).contains("10% off the next invoice");
        assertThat(d.select("#program-description").text()).isEqualTo("Tell a friend");
        assertThat(d.select("form.friend-form input[name=consent]")).hasSize(1);
        assertThat(d.select("label[for=f-name]").text()).isNotBlank();
        assertThat(r.header("Set-Cookie")).isNotNull();
        assertThat(r.raw().headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("gw_ref=") && c.contains("Max-Age=7776000"));
    }

    @Test
    void a_friend_submits_the_landing_form_and_becomes_a_lead_attributed_to_the_ambassador() {
        Setup s = setup();
        String email = Fixtures.unique("bob") + "@bobs-bakery.example";
        Http.Response r = app.http().post("/r/" + s.code(), ReferralData.friend("Bob Baker", email));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.location()).isEqualTo("/r/" + s.code() + "/thanks");
        Lead lead = ReferralData.lead(s.f().workspaceId(), ReferralData.lastLeadId(s.f().workspaceId()));
        assertThat(lead.email()).isEqualTo(email);
        assertThat(lead.referrerClientId()).isEqualTo(s.client());
        assertThat(lead.programId()).isEqualTo(s.program());
        assertThat(lead.source()).isEqualTo(Lead.Source.LINK);
        assertThat(lead.status()).isEqualTo(Lead.Status.NEW);
        assertThat(lead.review()).isEqualTo(Lead.Review.NONE);
        assertThat(app.http().get("/r/" + s.code() + "/thanks").html().text()).contains("Thank you!");
    }

    @Test
    void bad_input_on_the_landing_form_is_422_with_messages_next_to_the_fields_and_the_input_kept() {
        Setup s = setup();
        Map<String, String> form = ReferralData.friend("Bob Baker", "bob-at-nowhere");
        form.remove("consent");
        Http.Response r = app.http().post("/r/" + s.code(), form);
        assertThat(r.status()).isEqualTo(422);
        Document d = r.html();
        assertThat(d.select("#f-email-error").text()).contains("does not look like an email");
        assertThat(d.select("#f-consent-error").text()).contains("agree to be contacted");
        assertThat(d.select("#f-name").val()).isEqualTo("Bob Baker");
        assertThat(d.select("#f-email").val()).isEqualTo("bob-at-nowhere");
        assertThat(d.select("#f-message").text()).isEqualTo("We need a new website");
        assertThat(ReferralData.jdbi().onDemand(LeadDao.class).list(s.f().workspaceId(), (Lead.Status) null, false)).isEmpty();
    }

    @Test
    void a_form_sent_faster_than_a_person_types_is_refused_and_a_filled_honeypot_is_refused_with_the_input_kept() {
        Setup s = setup();
        Map<String, String> fast = ReferralData.friend("Fast Bot", "fast@bots.example");
        fast.put(FormGuard.STAMP, Stamps.guard().stamp(FormGuard.Form.REFERRAL));
        Http.Response r = app.http().post("/r/" + s.code(), fast);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#form-error").text()).contains("faster than a person");
        Map<String, String> forged = ReferralData.friend("Forger", "forged@bots.example");
        forged.put(FormGuard.STAMP, "1000000000.AAAAAAAAAAAAAAAAAAAAAA.deadbeef");
        assertThat(app.http().post("/r/" + s.code(), forged).status()).isEqualTo(422);

        Map<String, String> bot = ReferralData.friend("Honey Bot", "honey@bots.example");
        bot.put(FormGuard.HONEYPOT, "http://spam.example");
        Http.Response b = app.http().post("/r/" + s.code(), bot);
        assertThat(b.status()).isEqualTo(422);
        assertThat(b.html().select("#form-error").text()).contains("a field meant to stay empty was filled");
        assertThat(b.html().select("#f-name").val()).isEqualTo("Honey Bot");
        assertThat(ReferralData.jdbi().onDemand(LeadDao.class).list(s.f().workspaceId(), (Lead.Status) null, false)).isEmpty();
    }

    @Test
    void the_same_rendered_friend_form_sent_twice_creates_one_lead() {
        Setup s = setup();
        Map<String, String> form = ReferralData.friend("Twice Sent", Fixtures.unique("t") + "@x.example");
        assertThat(app.http().post("/r/" + s.code(), form).status()).isEqualTo(303);
        assertThat(app.http().post("/r/" + s.code(), form).status()).isEqualTo(303);
        assertThat(ReferralData.jdbi().onDemand(LeadDao.class).list(s.f().workspaceId(), (Lead.Status) null, false)).hasSize(1);
    }

    @Test
    void unknown_referral_codes_are_throttled_per_ip_so_codes_cannot_be_enumerated() {
        Setup s = setup();
        try (TestApp proxied = TestApp.start(Map.of("TRUST_PROXY", "true"))) {
            Http guesser = proxied.http();
            Map<String, String> from = Map.of("X-Forwarded-For", "10.77.0." + (System.nanoTime() % 200 + 1));
            for (int i = 0; i < Limit.REFERRAL_UNKNOWN_CODE.max(); i++) {
                assertThat(guesser.get("/r/ZZZZZZ" + (char) ('A' + i % 26) + (char) ('A' + i / 26), from).status()).isEqualTo(404);
            }
            Http.Response blocked = guesser.get("/r/ZZZZZZZZ", from);
            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.header("Retry-After")).isNotBlank();
            // while blocked, even a real code answers 429, so guessing learns nothing
            assertThat(guesser.get("/r/" + s.code(), from).status()).isEqualTo(429);
            // other visitors are not affected
            assertThat(proxied.http().get("/r/" + s.code(), Map.of("X-Forwarded-For", "10.78.0.1")).status()).isEqualTo(200);
        }
    }

    @Test
    void too_many_submissions_from_one_ip_are_rate_limited_with_the_input_kept() {
        Setup s = setup();
        Http visitor = app.http();
        for (int i = 0; i < Limit.REFERRAL_IP.max(); i++) {
            assertThat(visitor.post("/r/" + s.code(), ReferralData.friend("Friend " + i, Fixtures.unique("f") + "@x.example")).status())
                    .isEqualTo(303);
        }
        Http.Response r = visitor.post("/r/" + s.code(), ReferralData.friend("One Too Many", "late@x.example"));
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.html().select("#form-error").text()).contains("Too many messages");
        assertThat(r.html().select("#f-name").val()).isEqualTo("One Too Many");
    }

    @Test
    void a_friend_who_opened_a_link_and_comes_back_through_the_contact_page_within_the_window_is_attributed() {
        Setup s = setup();
        Http friend = app.http();
        friend.get("/r/" + s.code());
        Http.Response page = friend.get("/p/" + s.f().slug() + "/contact");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#recommended-by").text()).contains("Ada");
        Http.Response r = friend.post("/p/" + s.f().slug() + "/contact", ReferralData.friend("Carl Later", Fixtures.unique("carl") + "@carl.example"));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.location()).isEqualTo("/p/" + s.f().slug() + "/contact/thanks");
        Lead lead = ReferralData.lead(s.f().workspaceId(), ReferralData.lastLeadId(s.f().workspaceId()));
        assertThat(lead.source()).isEqualTo(Lead.Source.CONTACT);
        assertThat(lead.referrerClientId()).isEqualTo(s.client());
        assertThat(lead.programId()).isEqualTo(s.program());
    }

    @Test
    void after_the_window_or_without_a_cookie_the_contact_page_lead_is_not_attributed() {
        Setup s = setup();
        ReferralData.jdbi().onDemand(ProgramDao.class).saveSettings(s.f().workspaceId(), 30, true, true);
        Http late = app.http();
        late.setCookie("gw_ref", ReferralData.cookies().at(s.code(), Instant.now().minus(31, ChronoUnit.DAYS)));
        assertThat(late.get("/p/" + s.f().slug() + "/contact").html().select("#recommended-by")).isEmpty();
        late.post("/p/" + s.f().slug() + "/contact", ReferralData.friend("Late Friend", Fixtures.unique("late") + "@late.example"));
        Lead lateLead = ReferralData.lead(s.f().workspaceId(), ReferralData.lastLeadId(s.f().workspaceId()));
        assertThat(lateLead.referrerClientId()).isNull();
        assertThat(lateLead.linkId()).isNull();

        Http inside = app.http();
        inside.setCookie("gw_ref", ReferralData.cookies().at(s.code(), Instant.now().minus(29, ChronoUnit.DAYS)));
        inside.post("/p/" + s.f().slug() + "/contact", ReferralData.friend("Inside Friend", Fixtures.unique("in") + "@in.example"));
        assertThat(ReferralData.lead(s.f().workspaceId(), ReferralData.lastLeadId(s.f().workspaceId())).referrerClientId())
                .isEqualTo(s.client());

        Http tampered = app.http();
        tampered.setCookie("gw_ref", s.code() + "." + Instant.now().getEpochSecond() + ".0000");
        tampered.post("/p/" + s.f().slug() + "/contact", ReferralData.friend("Tampered", Fixtures.unique("t") + "@t.example"));
        assertThat(ReferralData.lead(s.f().workspaceId(), ReferralData.lastLeadId(s.f().workspaceId())).referrerClientId()).isNull();
    }

    @Test
    void a_code_of_another_workspace_never_attributes_a_contact_lead() {
        Setup s = setup();
        Setup other = setup();
        Http friend = app.http();
        friend.get("/r/" + other.code());
        friend.post("/p/" + s.f().slug() + "/contact", ReferralData.friend("Cross Friend", Fixtures.unique("x") + "@x.example"));
        Lead lead = ReferralData.lead(s.f().workspaceId(), ReferralData.lastLeadId(s.f().workspaceId()));
        assertThat(lead.referrerClientId()).isNull();
        assertThat(app.http().get("/p/no-such-workspace-slug/contact").status()).isEqualTo(404);
    }

    @Test
    void a_client_submits_a_friend_from_their_flow_with_the_friends_agreement_and_the_lead_is_theirs() {
        Setup s = setup();
        long ws = s.f().workspaceId();
        ReferralSubmissions.Submission missing = service.submissions().submitFriendFromClient(ws, s.client(),
                FriendForm.byClient("Dora", "dora@dora.example", "", "Needs a logo", false), "10.0.0.9", io.goodword.security.FormGuard.Once.none());
        assertThat(missing.outcome()).isEqualTo(ReferralSubmissions.Outcome.INVALID);
        assertThat(missing.errors().get("consent").key()).isEqualTo("referral.error.consent");

        ReferralSubmissions.Submission ok = service.submissions().submitFriendFromClient(ws, s.client(),
                FriendForm.byClient("Dora", Fixtures.unique("dora") + "@dora.example", "", "Needs a logo", true), "10.0.0.9", io.goodword.security.FormGuard.Once.none());
        assertThat(ok.outcome()).isEqualTo(ReferralSubmissions.Outcome.SAVED);
        Lead lead = ReferralData.lead(ws, ok.leadId());
        assertThat(lead.source()).isEqualTo(Lead.Source.CLIENT);
        assertThat(lead.referrerClientId()).isEqualTo(s.client());
        assertThat(lead.programId()).isEqualTo(s.program());
        assertThat(lead.consent()).isTrue();

        Fixtures.Freelancer other = Fixtures.freelancer();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.submissions().submitFriendFromClient(other.workspaceId(), s.client(),
                FriendForm.byClient("E", "e@e.example", "", "x", true), "10.0.0.9", io.goodword.security.FormGuard.Once.none())).isInstanceOf(io.goodword.db.NotFound.class);
    }
}
