package io.goodword.casestudy;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Case studies are pages of the freelancer's public site: their brand, their nav, their language. */
class CaseStudyPublicSiteIT {
    static TestApp app;

    @BeforeAll
    static void start() { app = TestApp.start(); }

    @AfterAll
    static void stop() { app.close(); }

    /** A German-speaking freelancer with one published case study; returns its slug. */
    private static String publishedInGerman(Fixtures.Freelancer f) {
        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> settings = Map.of("displayName", f.displayName(), "slug", f.slug(), "headline", "", "bio", "",
                "website", "", "brandColor", "#4f46e5", "timeZone", "Europe/Berlin", "language", "de");
        assertThat(admin.post("/admin/settings", settings).status()).isEqualTo(303);
        String slug = Fixtures.unique("cs");
        Http.Response created = admin.post("/admin/case-studies", CaseStudySupport.form("Checkout rescue", slug));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        long id = CaseStudySupport.caseStudyId(f.workspaceId(), slug);
        assertThat(admin.post("/admin/case-studies/" + id + "/publish", Map.of()).status()).isEqualTo(303);
        return slug;
    }

    @Test
    void case_studies_render_in_the_freelancers_site_and_language_not_in_goodwords_shell() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String slug = publishedInGerman(f);
        Map<String, String> englishVisitor = Map.of("Accept-Language", "en-US,en;q=0.9");
        for (String path : new String[] {"/p/" + f.slug() + "/case-studies", "/p/" + f.slug() + "/case-studies/" + slug}) {
            Http.Response r = app.http().get(path, englishVisitor);
            assertThat(r.status()).as(path).isEqualTo(200);
            Document d = r.html();
            assertThat(d.select("html").attr("lang")).as(path).isEqualTo("de");
            assertThat(d.select(".wall-brand").text()).as(path).contains(f.displayName());
            assertThat(d.select("link[rel=stylesheet][href^=/p/" + f.slug() + "/theme.css]")).as(path).isNotEmpty();
            assertThat(d.select("a[href=/login], a[href=/signup]")).as(path).isEmpty();
            assertThat(d.title()).as(path).doesNotContain("Goodword");
            assertThat(d.select(".wall-nav").text()).as(path).contains("Fallstudien");
        }
    }

    /**
     * What Lighthouse took points for: the case-study list and the review form had no meta description, and the
     * stars' aria-label sat on a plain span (ARIA forbids a name there; role=img allows it).
     */
    @Test
    void public_pages_carry_a_description_and_the_stars_are_a_labelled_image() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        publishedInGerman(f);
        Fixtures.testimonial(f.workspaceId(), io.goodword.testimonial.TestimonialStatus.APPROVED, "Star Person", "",
                "Stars that a screen reader reads as one image.", "", "star@example.com", true, false);
        for (String path : new String[] {"/p/" + f.slug() + "/case-studies", "/p/" + f.slug() + "/review"}) {
            assertThat(app.http().get(path).html().select("meta[name=description]").attr("content")).as(path).isNotBlank();
        }
        Document wall = app.http().get("/p/" + f.slug()).html();
        assertThat(wall.select("[aria-label]").stream().filter(e -> e.tagName().equals("span")))
                .isNotEmpty().allMatch(e -> e.attr("role").equals("img"));
    }

    @Test
    void a_visitor_may_choose_another_language_with_lang() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String slug = publishedInGerman(f);
        Document d = app.http().get("/p/" + f.slug() + "/case-studies/" + slug + "?lang=en").html();
        assertThat(d.select("html").attr("lang")).isEqualTo("en");
        assertThat(d.select(".wall-nav").text()).contains("Case studies");
    }
}
