package io.goodword.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.account.WorkspaceDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import io.goodword.testimonial.TestimonialStatus;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HOME_SLUG: the freelancer's own domain shows their wall at its root, under one address. */
class HomeSlugIT {
    static final String HOME = Fixtures.unique("home");

    @RegisterExtension
    static final AppExtension app = new AppExtension().env(Map.of("HOME_SLUG", HOME));

    static long workspace;
    static long shown;

    @BeforeAll
    static void seed() {
        workspace = TestDb.jdbi().onDemand(WorkspaceDao.class).insert(HOME, "Maya Design", "en");
        shown = Fixtures.testimonial(workspace, TestimonialStatus.APPROVED, "Jonas Berg", "CTO", "Calm, careful, fast.",
                "Acme", null, true, true);
    }

    @Test
    void the_root_is_the_wall_with_itself_as_canonical_address() {
        Http.Response r = app.get().http().get("/");
        assertThat(r.status()).isEqualTo(200);
        Document d = r.html();
        assertThat(d.text()).contains("Calm, careful, fast.", "Maya Design");
        assertThat(d.select("link[rel=canonical]").attr("href")).isEqualTo(app.baseUrl() + "/");
        assertThat(app.get().http().get("/?lang=de").html().select("html").attr("lang")).isEqualTo("de");
    }

    @Test
    void the_wall_under_p_answers_301_to_the_root_and_its_sub_pages_stay_where_they_are() {
        Http.Response r = app.get().http().get("/p/" + HOME + "?page=1");
        assertThat(r.status()).isEqualTo(301);
        assertThat(r.location()).isEqualTo("/?page=1");
        assertThat(app.get().http().get("/p/" + HOME + "/t/" + shown).status()).isEqualTo(200);
        assertThat(app.get().http().get("/p/" + HOME + "/review").status()).isEqualTo(200);
    }

    @Test
    void other_freelancers_and_the_admin_are_untouched() {
        Fixtures.Freelancer other = Fixtures.freelancer();
        assertThat(app.get().http().get("/p/" + other.slug()).status()).isEqualTo(200);
        Http admin = Fixtures.signedIn(app, other);
        assertThat(admin.get("/admin").status()).isEqualTo(200);
        assertThat(app.get().http().post("/", Map.of()).status()).isNotEqualTo(200);
    }

    @Test
    void the_sitemap_holds_this_freelancers_site_alone_with_the_wall_at_the_root() {
        Fixtures.Freelancer other = Fixtures.freelancer();
        Fixtures.testimonial(other.workspaceId(), TestimonialStatus.APPROVED, "Eve", "", "Elsewhere.", "", null, true, false);
        Document xml = Jsoup.parse(app.get().http().get("/sitemap.xml").body(), "", Parser.xmlParser());
        assertThat(xml.select("url > loc").eachText())
                .contains(app.baseUrl() + "/", app.baseUrl() + "/p/" + HOME + "/t/" + shown)
                .noneMatch(l -> l.contains(other.slug()) || l.equals(app.baseUrl() + "/p/" + HOME));
    }
}
