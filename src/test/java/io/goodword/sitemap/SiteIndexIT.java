package io.goodword.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.casestudy.CaseStudySupport;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.testimonial.TestimonialStatus;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** robots.txt points crawlers at the sitemap and keeps them out of private links; the sitemap lists only what is public. */
class SiteIndexIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    @Test
    void robots_keeps_crawlers_out_of_the_admin_forms_and_private_links_and_names_the_sitemap() {
        Http.Response r = app.get().http().get("/robots.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        List<String> lines = r.body().lines().toList();
        assertThat(lines).contains("User-agent: *", "Disallow: /admin", "Disallow: /c/", "Disallow: /u/",
                "Disallow: /approve/", "Disallow: /testimonial/edit/", "Disallow: /password/", "Disallow: /r/",
                "Disallow: /p/*/review", "Sitemap: " + app.baseUrl() + "/sitemap.xml");
        assertThat(lines).doesNotContain("Disallow: /p/", "Disallow: /");
    }

    @Test
    void the_sitemap_lists_walls_public_testimonials_and_published_case_studies_and_nothing_else() {
        Fixtures.Freelancer maya = Fixtures.freelancer();
        long shown = Fixtures.testimonial(maya.workspaceId(), TestimonialStatus.APPROVED, "Jonas", "CTO", "Careful work.",
                "Acme", null, true, true);
        long pending = Fixtures.testimonial(maya.workspaceId(), TestimonialStatus.PENDING, "Pia", "", "Waiting.",
                "", null, true, false);
        long noConsent = Fixtures.testimonial(maya.workspaceId(), TestimonialStatus.APPROVED, "Ole", "", "Private.",
                "", null, false, false);
        Http admin = Fixtures.signedIn(app, maya);
        String published = Fixtures.unique("cs");
        String draft = Fixtures.unique("cs");
        assertThat(admin.post("/admin/case-studies", CaseStudySupport.form("Checkout rescue", published)).status()).isEqualTo(303);
        assertThat(admin.post("/admin/case-studies", CaseStudySupport.form("Still a draft", draft)).status()).isEqualTo(303);
        long id = CaseStudySupport.caseStudyId(maya.workspaceId(), published);
        assertThat(admin.post("/admin/case-studies/" + id + "/publish", Map.of()).status()).isEqualTo(303);
        Fixtures.Freelancer empty = Fixtures.freelancer();

        Http.Response r = app.get().http().get("/sitemap.xml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/xml");
        Document xml = Jsoup.parse(r.body(), "", Parser.xmlParser());
        assertThat(xml.select("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        List<String> locs = xml.select("url > loc").eachText();
        String site = app.baseUrl() + "/p/" + maya.slug();
        assertThat(locs).contains(site, site + "/t/" + shown, site + "/case-studies", site + "/case-studies/" + published);
        assertThat(locs).doesNotContain(site + "/t/" + pending, site + "/t/" + noConsent, site + "/case-studies/" + draft,
                app.baseUrl() + "/p/" + empty.slug());
        assertThat(locs).noneMatch(l -> l.contains("/review") || l.contains("/admin") || l.contains("/contact"));
        assertThat(xml.select("url:has(loc:containsOwn(" + site + "/t/" + shown + ")) > lastmod").text())
                .matches("\\d{4}-\\d{2}-\\d{2}");
        // every listed address answers 200 to an anonymous visitor
        for (String loc : locs.stream().filter(l -> l.startsWith(site)).toList()) {
            assertThat(app.get().http().get(loc).status()).as(loc).isEqualTo(200);
        }
    }
}
