package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import io.goodword.testimonial.TestimonialDao;
import io.goodword.testimonial.TestimonialService;
import io.goodword.testimonial.TestimonialStatus;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The referral landing and contact pages are pages of the freelancer's public site, with its rules. */
class ReferralPublicSiteIT {
    static TestApp app;
    static Referrals service;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        service = ReferralData.service(app.baseUrl());
    }

    @AfterAll
    static void stop() { app.close(); }

    /** An approved, public testimonial whose moderator set a short excerpt. */
    private static void quotedWithExcerpt(long ws, String body, String excerpt) {
        TestimonialDao dao = ReferralData.jdbi().onDemand(TestimonialDao.class);
        long id = dao.insert(ws, null, TestimonialStatus.PENDING.db(), "manual", false, 5, body,
                TestimonialService.bodyHash(body), "Grace Hopper", "CTO", "Navy", "", null, null, true, false, true, null,
                null, null);
        dao.updateContent(ws, id, body, excerpt, "Grace Hopper", "CTO", "Navy", "");
        dao.setStatus(ws, id, TestimonialStatus.APPROVED.db(), Instant.now());
    }

    @Test
    void the_referral_landing_quotes_the_moderators_excerpt_not_the_full_text() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        ReferralData.program(f.workspaceId(), "WON", "");
        long client = ReferralData.client(f.workspaceId());
        String code = service.links().linkFor(f.workspaceId(), client).orElseThrow().link().code();
        String body = "The whole story, with a private aside about our budget that should never be public.";
        quotedWithExcerpt(f.workspaceId(), body, "Shipped on time, every time.");

        Document d = app.http().get("/r/" + code).html();
        assertThat(d.select("blockquote").text()).contains("Shipped on time, every time.");
        assertThat(d.body().text()).doesNotContain("private aside about our budget");
        assertThat(d.select("figcaption").text()).contains("Grace Hopper").contains("CTO, Navy");
        // and it is the freelancer's site: their brand in the header, no Goodword sign-in
        assertThat(d.select(".wall-brand").text()).contains(f.displayName());
        assertThat(d.select("a[href=/login]")).isEmpty();
    }

    @Test
    void every_page_of_a_renamed_workspace_answers_301_to_the_same_page_under_the_new_slug() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        String newSlug = "new-" + f.slug();
        Map<String, String> settings = Map.of("displayName", f.displayName(), "slug", newSlug, "headline", "", "bio", "",
                "website", "", "brandColor", "#4f46e5", "timeZone", "UTC", "language", "en");
        assertThat(admin.post("/admin/settings", settings).status()).isEqualTo(303);
        for (String rest : new String[] {"/contact", "/contact/thanks", "/case-studies", "/case-studies/some-study",
                "/review", "/review/thanks", "/theme.css?v=1", "/t/1", ""}) {
            Http.Response r = app.http().get("/p/" + f.slug() + rest);
            assertThat(r.status()).as(rest).isEqualTo(301);
            assertThat(r.location()).as(rest).isEqualTo("/p/" + newSlug + rest);
        }
        assertThat(app.http().get("/p/" + newSlug + "/contact").status()).isEqualTo(200);
        assertThat(app.http().get("/p/never-was-" + f.slug() + "/contact").status()).isEqualTo(404);
    }

    @Test
    void the_contact_page_speaks_the_workspace_language_whatever_the_browser_says() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> settings = Map.of("displayName", f.displayName(), "slug", f.slug(), "headline", "", "bio", "",
                "website", "", "brandColor", "#4f46e5", "timeZone", "UTC", "language", "de");
        assertThat(admin.post("/admin/settings", settings).status()).isEqualTo(303);
        Document d = app.http().get("/p/" + f.slug() + "/contact", Map.of("Accept-Language", "en")).html();
        assertThat(d.select("html").attr("lang")).isEqualTo("de");
        assertThat(app.http().get("/p/" + f.slug() + "/contact?lang=en").html().select("html").attr("lang")).isEqualTo("en");
    }
}
