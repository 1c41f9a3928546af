package io.goodword.casestudy;

import static io.goodword.casestudy.CaseStudySupport.form;
import static io.goodword.casestudy.CaseStudySupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Multipart;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CaseStudyIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    private static long create(Http http, Fixtures.Freelancer f, Map<String, String> form) {
        Http.Response r = http.post("/admin/case-studies", form);
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        long id = CaseStudySupport.caseStudyId(f.workspaceId(), form.get("slug"));
        assertThat(r.location()).isEqualTo("/admin/case-studies/" + id);
        return id;
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> m = new HashMap<>(form);
        m.put(key, value);
        return m;
    }

    @Test
    void a_saved_case_study_is_a_draft_that_the_public_cannot_see_but_its_workspace_can() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        String slug = unique("draft");
        long id = create(http, f, form("Checkout rescue", slug));

        Document edit = http.get("/admin/case-studies/" + id).html();
        assertThat(edit.select(".flash").text()).isEqualTo("Case study saved.");
        assertThat(edit.select("#f-title").val()).isEqualTo("Checkout rescue");
        assertThat(edit.select("#f-challenge").text()).isEqualTo("The checkout lost **half** of its visitors.");
        assertThat(CaseStudySupport.caseStudy(f.workspaceId(), id).status()).isEqualTo(CaseStatus.DRAFT);

        String url = "/p/" + f.slug() + "/case-studies/" + slug;
        assertThat(app.http().get(url).status()).isEqualTo(404);
        assertThat(app.http().get("/p/" + f.slug() + "/case-studies").html().select(".cs-list a")).isEmpty();
        Fixtures.Freelancer other = Fixtures.freelancer();
        assertThat(Fixtures.signedIn(app, other).get(url).status()).isEqualTo(404);

        Http.Response own = http.get(url);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.html().select(".cs-draft-notice").text()).contains("only you can see");
        assertThat(own.html().select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(own.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void missing_title_malformed_or_duplicate_slug_and_over_long_fields_are_refused_keeping_the_input() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        String taken = unique("taken");
        create(http, f, form("First", taken));
        String slug = unique("second");
        record Case(Map<String, String> form, String field, String message) {}
        List<Case> cases = List.of(
                new Case(form("", slug), "title", "Please fill this in."),
                new Case(form("Second", "Not A Slug!"), "slug", "lower-case letters, digits and single dashes"),
                new Case(form("Second", taken), "slug", "Another case study already uses this web address"),
                new Case(with(form("Second", slug), "summary", "s".repeat(601)), "summary", "600 characters or fewer"),
                new Case(with(form("Second", slug), "approach", "a".repeat(20_001)), "approach", "20,000 characters or fewer"),
                new Case(with(form("Second", slug), "keyValue", "v".repeat(31)), "keyResults", "values to 30 characters"),
                new Case(with(form("Second", slug), "ctaUrl", "javascript:alert(1)"), "ctaUrl", "full web address"));
        for (Case c : cases) {
            Http.Response r = http.post("/admin/case-studies", c.form());
            assertThat(r.status()).as(c.field()).isEqualTo(422);
            Document doc = r.html();
            assertThat(doc.select("#f-" + c.field() + "-error").text()).as(c.field()).contains(c.message());
            assertThat(doc.select("#form-error").text()).isNotBlank();
            // everything typed is still there
            assertThat(doc.select("#f-title").val()).isEqualTo(c.form().get("title"));
            assertThat(doc.select("#f-results").text()).isEqualTo(c.form().get("results"));
            assertThat(doc.select("#f-keyLabel-1").val()).isEqualTo("Leads per month");
            assertThat(doc.select("#f-ctaText").val()).isEqualTo("Book a call");
            assertThat(doc.select("#f-anonymousClient").val()).isEqualTo("a Berlin fintech startup");
        }
        assertThat(TestSql.count("SELECT COUNT(*) FROM case_studies WHERE workspace_id = " + f.workspaceId())).isEqualTo(1);
    }

    @Test
    void a_failed_update_changes_nothing_already_saved() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        String slug = unique("keep");
        long id = create(http, f, form("Kept title", slug));
        CaseStudyContent before = CaseStudySupport.current(f.workspaceId(), id);

        Http.Response r = http.post("/admin/case-studies/" + id, with(form("", slug), "results", "New text I typed"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-results").text()).isEqualTo("New text I typed");
        assertThat(CaseStudySupport.current(f.workspaceId(), id)).isEqualTo(before);
        assertThat(CaseStudySupport.versions(f.workspaceId(), id)).hasSize(1);
    }

    @Test
    void an_oversize_cover_is_refused_with_a_message_and_every_typed_field_is_kept() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        byte[] big = new byte[6 * 1024 * 1024];
        byte[] png = CaseStudySupport.png(4, 4);
        System.arraycopy(png, 0, big, 0, png.length);
        String slug = unique("big");
        Http.Response r = http.postMultipart("/admin/case-studies", form("Big cover", slug),
                Map.of("cover", new Multipart.FilePart("cover.png", "image/png", big)));
        assertThat(r.status()).isEqualTo(422);
        Document doc = r.html();
        assertThat(doc.select("#f-cover-error").text()).isEqualTo("This image is larger than 5 MB. Please choose a smaller one.");
        assertThat(doc.select("#f-title").val()).isEqualTo("Big cover");
        assertThat(doc.select("#f-slug").val()).isEqualTo(slug);
        assertThat(doc.select("#f-approach").text()).isEqualTo("- interviews\n- prototypes");
        assertThat(doc.select("#f-keyValue-1").val()).isEqualTo("+38%");
        assertThat(TestSql.count("SELECT COUNT(*) FROM case_studies WHERE workspace_id = " + f.workspaceId())).isZero();

        Http.Response notImage = http.postMultipart("/admin/case-studies", form("Fake cover", slug),
                Map.of("cover", new Multipart.FilePart("cover.png", "image/png", "<svg onload=alert(1)>".getBytes())));
        assertThat(notImage.status()).isEqualTo(422);
        assertThat(notImage.html().select("#f-cover-error").text()).contains("not a PNG, JPEG or WebP");
    }

    @Test
    void an_uploaded_cover_survives_a_failed_save_and_is_shown_on_the_public_page() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        String slug = unique("cover");
        Http.Response failed = http.postMultipart("/admin/case-studies", form("", slug),
                Map.of("cover", new Multipart.FilePart("c.png", "image/png", CaseStudySupport.png(40, 20))));
        assertThat(failed.status()).isEqualTo(422);
        String coverFile = failed.html().select("img.cs-cover-thumb").attr("src").substring("/media/".length());
        assertThat(coverFile).matches("[0-9a-f]{32}\\.png");
        assertThat(app.http().get("/media/" + coverFile).status()).isEqualTo(200);
        String pending = failed.html().select("input[name=coverUpload]").val();
        assertThat(pending).startsWith(coverFile + ".");

        long id = create(http, f, with(form("Cover kept", slug), "coverUpload", pending));
        assertThat(CaseStudySupport.current(f.workspaceId(), id).coverFile()).isEqualTo(coverFile);
        assertThat(http.post("/admin/case-studies/" + id + "/publish", Map.of()).status()).isEqualTo(303);
        Document pub = app.http().get("/p/" + f.slug() + "/case-studies/" + slug).html();
        assertThat(pub.select("img.cs-cover").attr("src")).isEqualTo("/media/" + coverFile);
        assertThat(pub.select("meta[property=og:image]").attr("content")).isEqualTo(app.url("/media/" + coverFile));
    }

    @Test
    void a_forged_cover_name_never_points_a_case_study_at_another_tenants_image_and_a_save_keeps_the_own_cover() {
        Fixtures.Freelancer victim = Fixtures.freelancer();
        Http victimHttp = Fixtures.signedIn(app, victim);
        String victimSlug = unique("victim");
        Http.Response saved = victimHttp.postMultipart("/admin/case-studies", form("Victim story", victimSlug),
                Map.of("cover", new Multipart.FilePart("c.png", "image/png", CaseStudySupport.png(40, 20))));
        assertThat(saved.status()).isEqualTo(303);
        long victimId = CaseStudySupport.caseStudyId(victim.workspaceId(), victimSlug);
        String victimCover = CaseStudySupport.current(victim.workspaceId(), victimId).coverFile();
        assertThat(victimCover).matches("[0-9a-f]{32}\\.png");

        Fixtures.Freelancer attacker = Fixtures.freelancer();
        Http attackerHttp = Fixtures.signedIn(app, attacker);
        String slug = unique("forged");
        Map<String, String> forged = with(with(form("Forged cover", slug), "coverFile", victimCover),
                "coverUpload", victimCover + "." + "0".repeat(32));
        long id = create(attackerHttp, attacker, forged);
        assertThat(CaseStudySupport.current(attacker.workspaceId(), id).coverFile()).as("the forged name is ignored").isNull();
        // a signature made for the victim's workspace is worthless in another one
        String victimField = victimHttp.get("/admin/case-studies/" + victimId).html().select("input[name=coverUpload]").val();
        assertThat(victimField).startsWith(victimCover + ".");
        assertThat(attackerHttp.post("/admin/case-studies/" + id, with(with(form("Forged again", slug), "coverUpload", victimField),
                "removeCover", "1")).status()).isEqualTo(303);
        assertThat(CaseStudySupport.current(attacker.workspaceId(), id).coverFile()).isNull();
        assertThat(attackerHttp.post("/admin/case-studies/" + id + "/publish", Map.of()).status()).isEqualTo(303);
        assertThat(app.http().get("/p/" + attacker.slug() + "/case-studies/" + slug).body()).doesNotContain(victimCover);
        assertThat(app.http().get("/media/" + victimCover).status()).as("the victim's image is still there").isEqualTo(200);

        // the owner's own save without an upload keeps the cover from the row, with no file name sent at all
        Map<String, String> edit = form("Victim story, edited", victimSlug);
        assertThat(victimHttp.post("/admin/case-studies/" + victimId, edit).status()).isEqualTo(303);
        CaseStudyContent after = CaseStudySupport.current(victim.workspaceId(), victimId);
        assertThat(after.title()).isEqualTo("Victim story, edited");
        assertThat(after.coverFile()).isEqualTo(victimCover);
    }

    @Test
    void every_save_keeps_a_version_and_restoring_one_brings_it_back_exactly() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long t1 = CaseStudySupport.testimonial(f.workspaceId(), "Quoted " + unique("q"), "Great work", true, true);
        String slug = unique("ver");
        long id = create(http, f, with(form("Version one", slug), "testimonial", String.valueOf(t1)));
        CaseStudyContent v1 = CaseStudySupport.current(f.workspaceId(), id);
        assertThat(v1.testimonialIds()).containsExactly(t1);

        Map<String, String> second = form("Version two", slug + "-b");
        second.put("challenge", "Rewritten challenge");
        second.put("keyLabel", "Revenue");
        second.put("keyValue", "+12%");
        assertThat(http.post("/admin/case-studies/" + id, second).status()).isEqualTo(303);
        CaseStudyContent v2 = CaseStudySupport.current(f.workspaceId(), id);
        assertThat(v2.title()).isEqualTo("Version two");
        assertThat(v2.testimonialIds()).isEmpty();

        // saving unchanged content adds no version
        assertThat(http.post("/admin/case-studies/" + id, second).status()).isEqualTo(303);
        List<CaseStudyVersion> versions = CaseStudySupport.versions(f.workspaceId(), id);
        assertThat(versions).extracting(CaseStudyVersion::number).containsExactly(2, 1);

        Document edit = http.get("/admin/case-studies/" + id).html();
        assertThat(edit.select("#versions li")).hasSize(2);
        long firstVersionId = versions.get(1).id();
        Http.Response restore = http.post("/admin/case-studies/" + id + "/versions/" + firstVersionId + "/restore", Map.of());
        assertThat(restore.status()).isEqualTo(303);
        assertThat(CaseStudySupport.current(f.workspaceId(), id)).isEqualTo(v1);
        assertThat(CaseStudySupport.caseStudy(f.workspaceId(), id).slug()).isEqualTo(slug);
        assertThat(CaseStudySupport.versions(f.workspaceId(), id)).hasSize(3);
        Document after = http.get("/admin/case-studies/" + id).html();
        assertThat(after.select("#f-title").val()).isEqualTo("Version one");
        assertThat(after.select("#versions").text()).contains("restored from version 1");
    }

    @Test
    void the_preview_shows_the_public_rendering_without_saving_and_keeps_the_input() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        String slug = unique("prev");
        Http.Response r = http.post("/admin/case-studies", with(form("Preview me", slug), "action", "preview"));
        assertThat(r.status()).isEqualTo(200);
        Document doc = r.html();
        assertThat(doc.select("#preview .case-study h1").text()).isEqualTo("Preview me");
        assertThat(doc.select("#preview .cs-prose strong").text()).isEqualTo("half");
        assertThat(doc.select("#preview .cs-kr-value").text()).isEqualTo("+38%");
        assertThat(doc.select("#f-title").val()).isEqualTo("Preview me");
        assertThat(TestSql.count("SELECT COUNT(*) FROM case_studies WHERE workspace_id = " + f.workspaceId())).isZero();

        long id = create(http, f, form("Preview me", slug));
        http.post("/admin/case-studies/" + id + "/publish", Map.of());
        Document pub = app.http().get("/p/" + f.slug() + "/case-studies/" + slug).html();
        assertThat(pub.select("article.case-study").outerHtml()).isEqualTo(doc.select("#preview article.case-study").outerHtml());
    }

    @Test
    void an_anonymous_case_study_publishes_without_approval_with_metadata_for_search_and_sharing() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long quoted = CaseStudySupport.testimonial(f.workspaceId(), "Grace " + unique("g"), "Exceptional partner", true, true);
        String slug = unique("pub");
        long id = create(http, f, with(form("Checkout rescue", slug), "testimonial", String.valueOf(quoted)));
        Http.Response published = http.post("/admin/case-studies/" + id + "/publish", Map.of());
        assertThat(published.status()).isEqualTo(303);
        assertThat(http.get("/admin/case-studies/" + id).html().select(".flash").text()).isEqualTo("Case study published.");

        Http.Response list = app.http().get("/p/" + f.slug() + "/case-studies");
        assertThat(list.status()).isEqualTo(200);
        Document l = list.html();
        assertThat(l.select(".cs-card h2 a").attr("href")).isEqualTo("/p/" + f.slug() + "/case-studies/" + slug);
        assertThat(l.select(".cs-card").text()).contains("How a checkout redesign grew leads.").contains("+38%").contains("Leads per month");
        assertThat(l.select("a[href=/p/" + f.slug() + "]")).isNotEmpty();
        assertThat(l.select("link[rel=canonical]").attr("href")).isEqualTo(app.url("/p/" + f.slug() + "/case-studies"));

        Http.Response page = app.http().get("/p/" + f.slug() + "/case-studies/" + slug);
        assertThat(page.status()).isEqualTo(200);
        Document d = page.html();
        String canonical = app.url("/p/" + f.slug() + "/case-studies/" + slug);
        assertThat(d.select("link[rel=canonical]").attr("href")).isEqualTo(canonical);
        assertThat(d.select("meta[property=og:title]").attr("content")).isEqualTo("Checkout rescue");
        assertThat(d.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(d.select("meta[property=og:url]").attr("content")).isEqualTo(canonical);
        String printCss = d.select("link[rel=stylesheet][media=print]").attr("href");
        assertThat(printCss).startsWith("/static/css/casestudy-print.").endsWith(".css");
        assertThat(app.http().get(printCss).status()).isEqualTo(200);
        assertThat(d.select(".cs-facts").text()).contains("a Berlin fintech startup").contains("Fintech");
        assertThat(d.select(".cs-quote").text()).contains("Exceptional partner").contains("Grace");
        assertThat(d.select(".cs-cta a").attr("href")).isEqualTo("https://example.com/book");
        assertThat(d.select("a[href=/p/" + f.slug() + "]")).isNotEmpty();

        JsonNode ld = new ObjectMapper().readTree(d.select("script[type=application/ld+json]").first().data());
        assertThat(ld.get("@type").asText()).isEqualTo("Article");
        assertThat(ld.get("headline").asText()).isEqualTo("Checkout rescue");
        assertThat(ld.get("author").get("name").asText()).isEqualTo(f.displayName());
        assertThat(ld.get("datePublished").asText()).isNotBlank();
        assertThat(ld.get("dateModified").asText()).isNotBlank();
        assertThat(ld.get("mainEntityOfPage").asText()).isEqualTo(canonical);

        // unpublishing takes it off the public pages again; archiving keeps it off
        http.post("/admin/case-studies/" + id + "/unpublish", Map.of());
        assertThat(app.http().get("/p/" + f.slug() + "/case-studies/" + slug).status()).isEqualTo(404);
        http.post("/admin/case-studies/" + id + "/archive", Map.of());
        assertThat(CaseStudySupport.caseStudy(f.workspaceId(), id).status()).isEqualTo(CaseStatus.ARCHIVED);
        assertThat(app.http().get("/p/" + f.slug() + "/case-studies/" + slug).status()).isEqualTo(404);
        assertThat(app.http().get("/p/" + f.slug() + "/case-studies").html().select(".cs-card")).isEmpty();
    }

    @Test
    void edits_after_publishing_stay_off_the_public_page_until_published_again() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        String slug = unique("live");
        long id = create(http, f, form("Live title", slug));
        http.post("/admin/case-studies/" + id + "/publish", Map.of());
        assertThat(http.post("/admin/case-studies/" + id, form("Edited title", slug)).status()).isEqualTo(303);
        String url = "/p/" + f.slug() + "/case-studies/" + slug;
        assertThat(app.http().get(url).html().select("article h1").text()).isEqualTo("Live title");
        assertThat(http.get("/admin/case-studies/" + id).html().select("#publish").text()).isEqualTo("Publish the changes");
        http.post("/admin/case-studies/" + id + "/publish", Map.of());
        assertThat(app.http().get(url).html().select("article h1").text()).isEqualTo("Edited title");
    }

    @Test
    void only_approved_testimonials_with_consent_can_be_linked() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Fixtures.Freelancer other = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long pending = CaseStudySupport.testimonial(f.workspaceId(), "Pending", "Not yet", false, true);
        long noConsent = CaseStudySupport.testimonial(f.workspaceId(), "Private", "Private words", true, false);
        long foreign = CaseStudySupport.testimonial(other.workspaceId(), "Foreign", "Not yours", true, true);
        Document editor = http.get("/admin/case-studies/new").html();
        assertThat(editor.select("input[name=testimonial]")).isEmpty();
        for (long t : new long[] {pending, noConsent, foreign}) {
            Http.Response r = http.post("/admin/case-studies", with(form("T", unique("t")), "testimonial", String.valueOf(t)));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.html().select("#f-testimonials-error").text()).contains("only approved ones");
        }
    }

    @Test
    void another_workspace_gets_a_404_for_every_case_study_route() {
        Fixtures.Freelancer owner = Fixtures.freelancer();
        Http ownerHttp = Fixtures.signedIn(app, owner);
        long id = create(ownerHttp, owner, form("Private", unique("iso")));
        long versionId = CaseStudySupport.versions(owner.workspaceId(), id).get(0).id();
        Http intruder = Fixtures.signedIn(app, Fixtures.freelancer());
        assertThat(intruder.get("/admin/case-studies/" + id).status()).isEqualTo(404);
        assertThat(intruder.get("/admin/case-studies/" + id + "/preview").status()).isEqualTo(404);
        for (String action : List.of("", "/publish", "/unpublish", "/archive", "/approval", "/versions/" + versionId + "/restore")) {
            assertThat(intruder.post("/admin/case-studies/" + id + action, form("Hijack", unique("h"))).status()).as(action).isEqualTo(404);
        }
        assertThat(intruder.get("/admin/case-studies").html().select("td a")).isEmpty();
        assertThat(CaseStudySupport.current(owner.workspaceId(), id).title()).isEqualTo("Private");
        assertThat(CaseStudySupport.caseStudy(owner.workspaceId(), id).status()).isEqualTo(CaseStatus.DRAFT);
        // and a client of another workspace cannot be named
        long foreignClient = CaseStudySupport.client(Fixtures.freelancer().workspaceId(), "Other", unique("o") + "@example.com");
        Http.Response r = ownerHttp.post("/admin/case-studies", with(form("X", unique("x")), "clientId", String.valueOf(foreignClient)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-clientId-error").text()).isEqualTo("Please choose a client from the list.");
    }

    @Test
    void case_study_pages_need_sign_in() {
        Http.Response r = app.http().get("/admin/case-studies");
        assertThat(r.status()).isBetween(300, 399);
        assertThat(r.location()).contains("/login");
    }
}
