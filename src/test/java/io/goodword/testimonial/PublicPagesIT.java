package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.SqlRecorder;
import io.goodword.support.TestApp;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PublicPagesIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    private static String wall(Http http, String slug) { return http.get("/p/" + slug).body(); }

    @Test
    void a_visitor_to_an_empty_wall_sees_a_calm_empty_state_not_a_warning() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Document page = Jsoup.parse(wall(app.http(), f.slug()));
        assertThat(page.select(".notice")).as("no warning box").isEmpty();
        assertThat(page.select("#wall-empty.empty-state").text()).startsWith("No testimonials yet.")
                .contains("You can be the first to say how it went.");
        assertThat(page.select("a[href$=/review]")).as("the way to be the first").isNotEmpty();
    }

    @Test
    void only_approved_testimonials_with_consent_reach_the_wall_widget_and_feed() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long ws = f.workspaceId();
        Reviews.insert(ws, TestimonialStatus.APPROVED, true, "Shown Person", "Approved with consent: this one is public.");
        Reviews.insert(ws, TestimonialStatus.PENDING, true, "Pending Person", "Pending words that must never be public.");
        Reviews.insert(ws, TestimonialStatus.REJECTED, true, "Rejected Person", "Rejected words that must never be public.");
        Reviews.insert(ws, TestimonialStatus.ARCHIVED, true, "Archived Person", "Archived words that must never be public.");
        Reviews.insert(ws, TestimonialStatus.APPROVED, false, "Private Person", "Approved without consent: stays private.");
        Http v = app.http();
        for (String path : new String[] {"/p/" + f.slug(), "/embed/" + f.slug(), "/p/" + f.slug() + "/testimonials.json"}) {
            Http.Response r = v.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("Shown Person").doesNotContain("Pending Person").doesNotContain("Rejected Person")
                    .doesNotContain("Archived Person").doesNotContain("Private Person").doesNotContain("@client.example")
                    .doesNotContain("10.9.9.9");
        }
        JsonNode feed = JSON.readTree(v.get("/p/" + f.slug() + "/testimonials.json").body());
        assertThat(feed.get("ratingCount").asInt()).isEqualTo(1);
        assertThat(feed.get("testimonials")).hasSize(1);
        assertThat(feed.get("testimonials").get(0).has("email")).isFalse();
        Document d = v.get("/p/" + f.slug()).html();
        assertThat(d.select(".wall-aggregate").text()).contains("5.0 out of 5 from one testimonial");
    }

    @Test
    void the_average_reads_the_visitors_way_on_the_wall_and_widget_and_stays_plain_for_machines() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Five Stars", "Five stars for the average here.");
        Reviews.dao().insert(f.workspaceId(), null, "approved", "form", false, 4, "Four stars for the average here.",
                TestimonialService.bodyHash("avg" + f.slug()), "Four Stars", "", "", "", null, null, true, false, false,
                null, null, java.time.Instant.now());
        Http v = app.http();
        assertThat(v.get("/p/" + f.slug()).html().select(".wall-aggregate").text()).contains("4.5 out of 5 from 2 testimonials");
        Document de = v.get("/p/" + f.slug() + "?lang=de").html();
        assertThat(de.select(".wall-aggregate").text()).contains("4,5 von 5 aus 2 Referenzen");
        assertThat(de.select("meta[name=description]").attr("content")).contains("4,5 von 5");
        // JSON-LD and the feed are for machines: a dot, whatever the page's language
        assertThat(de.select("script[type=application/ld+json]").html()).contains("\"ratingValue\":\"4.5\"");
        assertThat(JSON.readTree(v.get("/p/" + f.slug() + "/testimonials.json").body()).get("ratingAverage").asDouble())
                .isEqualTo(4.5);
    }

    @Test
    void photo_and_company_show_only_with_their_consent() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = Reviews.dao().insert(f.workspaceId(), null, "approved", "form", false, 4, "Photo and company stay private here.",
                TestimonialService.bodyHash("x" + f.slug()), "Shy Person", "Engineer", "Secret Corp", "https://secret.example",
                null, "0123456789abcdef0123456789abcdef.png", true, false, false, null, null, java.time.Instant.now());
        Http.Response r = app.http().get("/p/" + f.slug());
        assertThat(r.body()).contains("Shy Person").contains("Engineer").doesNotContain("Secret Corp")
                .doesNotContain("secret.example").doesNotContain("0123456789abcdef0123456789abcdef.png");
        assertThat(app.http().get("/p/" + f.slug() + "/t/" + id).body()).doesNotContain("Secret Corp");
    }

    @Test
    void xss_in_every_field_is_escaped_on_wall_widget_feed_single_page_and_admin() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = Reviews.dao().insert(f.workspaceId(), null, "approved", "form", false, 5, "Body " + XSS,
                TestimonialService.bodyHash(XSS + f.slug()), "Name " + XSS, "Role " + XSS, "Company " + XSS,
                "https://x.example/\"><script>alert(2)</script>", "a@b.example", null, true, true, true, null, null,
                java.time.Instant.now());
        Reviews.dao().setReply(f.workspaceId(), id, "Reply " + XSS);
        Reviews.dao().addTags(f.workspaceId(), id, java.util.List.of("safe-tag"));
        Http admin = Fixtures.signedIn(app, f);
        for (String path : new String[] {"/p/" + f.slug(), "/embed/" + f.slug(), "/p/" + f.slug() + "/t/" + id}) {
            Http.Response r = app.http().get(path);
            assertThat(r.status()).isEqualTo(200);
            assertNoInjectedMarkup(r.body(), path);
            assertThat(Jsoup.parse(r.body()).select(".ttext").text()).contains("<script>alert('x')</script>");
        }
        for (String path : new String[] {"/admin/testimonials?status=all", "/admin/testimonials/" + id}) {
            Http.Response r = admin.get(path);
            assertThat(r.status()).isEqualTo(200);
            assertNoInjectedMarkup(r.body(), path);
        }
        String feed = app.http().get("/p/" + f.slug() + "/testimonials.json").body();
        assertThat(feed).doesNotContain("<").doesNotContain(">");
        assertThat(JSON.readTree(feed).get("testimonials").get(0).get("text").asText()).isEqualTo("Body " + XSS);
        // JSON-LD in the wall cannot close its script element
        Document wall = Jsoup.parse(app.http().get("/p/" + f.slug()).body());
        String ld = wall.select("script[type=application/ld+json]").first().data();
        JsonNode node = JSON.readTree(ld);
        assertThat(node.get("aggregateRating").get("reviewCount").asInt()).isEqualTo(1);
        assertThat(node.get("review").get(0).get("author").get("name").asText()).isEqualTo("Name " + XSS);
    }

    private static void assertNoInjectedMarkup(String html, String where) {
        Document d = Jsoup.parse(html);
        assertThat(d.select("script").stream().filter(s -> s.data().contains("alert"))
                .filter(s -> !"application/ld+json".equals(s.attr("type")))).as(where).isEmpty();
        assertThat(d.select("img[onerror]")).as(where).isEmpty();
        assertThat(html).as(where).doesNotContain("<script>alert");
    }

    @Test
    void a_visitor_reading_the_wall_is_offered_to_get_in_touch_first_and_a_client_to_leave_a_testimonial() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Document d = app.http().get("/p/" + f.slug()).html();
        assertThat(d.select(".wall-intro .button.primary").eachAttr("href")).containsExactly("/p/" + f.slug() + "/contact");
        assertThat(d.select("#wall-contact-cta").text()).isEqualTo("Get in touch");
        assertThat(d.select("#wall-review").attr("href")).isEqualTo("/p/" + f.slug() + "/review");
        assertThat(d.select("#wall-review").hasClass("secondary")).isTrue();
        assertThat(app.http().get("/p/" + f.slug() + "/contact").status()).isEqualTo(200);
    }

    @Test
    void wall_has_schema_org_open_graph_canonical_and_answers_304_to_a_repeat_visit() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Meta Person", "Meta words for the wall, long enough.");
        Http.Response r = app.http().get("/p/" + f.slug());
        Document d = r.html();
        assertThat(d.select("link[rel=canonical]").attr("href")).isEqualTo(app.url("/p/" + f.slug()));
        assertThat(d.select("meta[property=og:title]").attr("content")).contains(f.displayName());
        // previewed as its first testimonial's share picture (ShareCardIT)
        assertThat(d.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(d.select("meta[property=og:image]").attr("content")).startsWith(app.url("/p/" + f.slug() + "/t/")).endsWith("/card.png");
        assertThat(d.select("script[type=application/ld+json]").first().data()).contains("\"AggregateRating\"").contains("\"Review\"");
        assertThat(d.select("link[href^=/p/" + f.slug() + "/theme.css]")).hasSize(1);
        String etag = r.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(r.header("Last-Modified")).isNotBlank();
        Http.Response again = app.http().get("/p/" + f.slug(), Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        Http.Response since = app.http().get("/p/" + f.slug(), Map.of("If-Modified-Since", r.header("Last-Modified")));
        assertThat(since.status()).isEqualTo(304);
        Http.Response css = app.http().get(d.select("link[href^=/p/" + f.slug() + "/theme.css]").attr("href"));
        assertThat(css.body()).contains("--brand:#4f46e5");
    }

    @Test
    void approving_editing_and_removing_show_at_once_on_the_same_process() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "Fresh Person", "Freshly approved words, visible at once.");
        Http admin = Fixtures.signedIn(app, f);
        Http v = app.http();
        String before = v.get("/p/" + f.slug()).header("ETag");
        assertThat(wall(v, f.slug())).doesNotContain("Fresh Person");
        assertThat(v.get("/embed/" + f.slug()).body()).doesNotContain("Fresh Person");

        assertThat(admin.post("/admin/testimonials/" + id + "/status", Map.of("action", "approve")).status()).isEqualTo(303);
        assertThat(wall(v, f.slug())).contains("Fresh Person");
        assertThat(v.get("/embed/" + f.slug()).body()).contains("Fresh Person");
        assertThat(v.get("/p/" + f.slug(), Map.of("If-None-Match", before)).status()).isEqualTo(200);

        // the excerpt is the freelancer's to set (a change of the words themselves waits for the author, ConsentLedgerIT)
        Map<String, String> edit = Map.of("body", "Freshly approved words, visible at once.", "excerpt",
                "Edited by the freelancer, shown at once.", "name", "Fresh Person", "role", "", "company", "", "website", "");
        assertThat(admin.post("/admin/testimonials/" + id + "/edit", edit).status()).isEqualTo(303);
        assertThat(wall(v, f.slug())).contains("Edited by the freelancer, shown at once.");

        assertThat(admin.post("/admin/testimonials/" + id + "/status", Map.of("action", "reject")).status()).isEqualTo(303);
        assertThat(wall(v, f.slug())).doesNotContain("Fresh Person");
        assertThat(v.get("/p/" + f.slug() + "/testimonials.json").body()).doesNotContain("Fresh Person");
        assertThat(v.get("/p/" + f.slug() + "/t/" + id).status()).isEqualTo(404);
    }

    @Test
    void a_second_portal_process_sharing_the_database_is_fresh_within_two_seconds() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "Second Process", "Approved on one process, seen on the other.");
        try (TestApp other = TestApp.start()) {
            Http v = other.http();
            assertThat(wall(v, f.slug())).doesNotContain("Second Process"); // cached on the other process now
            Http admin = Fixtures.signedIn(app, f);
            assertThat(admin.post("/admin/testimonials/" + id + "/status", Map.of("action", "approve")).status()).isEqualTo(303);
            long approvedAt = System.nanoTime();
            boolean seen = false;
            while (System.nanoTime() - approvedAt < 2_000_000_000L) {
                if (wall(v, f.slug()).contains("Second Process")) {
                    seen = true;
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(seen).as("visible on the second process within 2 s").isTrue();

            // settings (headline) changed on the first process: the second follows within 2 s too
            Map<String, String> settings = new java.util.HashMap<>(Map.of("displayName", f.displayName(), "slug", f.slug(),
                    "headline", "Brand new headline", "bio", "", "website", "", "brandColor", "#112233", "timeZone", "UTC",
                    "language", "en"));
            assertThat(admin.post("/admin/settings", settings).status()).isEqualTo(303);
            assertThat(wall(app.http(), f.slug())).contains("Brand new headline"); // same process: at once
            long changed = System.nanoTime();
            seen = false;
            while (System.nanoTime() - changed < 2_000_000_000L) {
                if (wall(v, f.slug()).contains("Brand new headline")) {
                    seen = true;
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(seen).as("settings visible on the second process within 2 s").isTrue();
        }
    }

    @Test
    void a_renamed_workspace_old_public_urls_redirect_permanently() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Renamed Person", "Still here after the rename, truly.");
        Http admin = Fixtures.signedIn(app, f);
        assertThat(app.http().get("/p/" + f.slug()).status()).isEqualTo(200); // warm the cache under the old slug
        String newSlug = "new-" + f.slug();
        Map<String, String> settings = Map.of("displayName", f.displayName(), "slug", newSlug, "headline", "", "bio", "",
                "website", "", "brandColor", "#4f46e5", "timeZone", "UTC", "language", "en");
        assertThat(admin.post("/admin/settings", settings).status()).isEqualTo(303);
        Http.Response old = app.http().get("/p/" + f.slug());
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.location()).isEqualTo("/p/" + newSlug);
        Http.Response deep = app.http().get("/p/" + f.slug() + "/testimonials.json?page=1");
        assertThat(deep.status()).isEqualTo(301);
        assertThat(deep.location()).isEqualTo("/p/" + newSlug + "/testimonials.json?page=1");
        assertThat(app.http().get("/p/" + f.slug() + "/review").location()).isEqualTo("/p/" + newSlug + "/review");
        assertThat(app.http().get("/p/" + newSlug).body()).contains("Renamed Person");
        assertThat(app.http().get("/p/never-existed-" + f.slug()).status()).isEqualTo(404);
    }

    @Test
    void a_broken_link_into_a_freelancers_site_shows_their_site_not_goodwords_404() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        for (String rest : new String[] {"/t/999999999", "/t/not-a-number", "/no-such-page", "/case-studies/never-written"}) {
            Http.Response r = app.http().get("/p/" + f.slug() + rest);
            assertThat(r.status()).as(rest).isEqualTo(404);
            org.jsoup.nodes.Document d = r.html();
            assertThat(d.select(".wall-brand").text()).as(rest + ": their name heads the page").contains(f.displayName());
            assertThat(d.select("a[href=/login], a[href=/signup]")).as(rest + ": no Goodword sign-in").isEmpty();
            assertThat(d.select("main a[href=/p/" + f.slug() + "]")).as(rest + ": a way back to their wall").isNotEmpty();
        }
    }

    @Test
    void a_sites_404_is_sent_from_memory_and_follows_a_change_of_the_site_at_once() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String missing = "/p/" + f.slug() + "/no-such-page";
        Http.Response first = app.http().get(missing);
        assertThat(first.status()).isEqualTo(404);
        List<String> paths = List.of(missing, "/p/" + f.slug() + "/t/999999999", missing + "/deeper");
        for (String path : paths) assertThat(app.http().get(path).status()).isEqualTo(404); // an unknown id is looked up once
        List<String> statements = SqlRecorder.during(app.get().app().database().jdbi(), () -> {
            for (String path : paths) {
                Http.Response again = app.http().get(path);
                assertThat(again.status()).as(path).isEqualTo(404);
                assertThat(again.body()).as(path).isEqualTo(first.body());
            }
        });
        // no lookup of the workspace and no render: only the stamp, re-read at most once per 0.9 s, may be read
        assertThat(statements).allMatch(s -> s.contains("wall_version"));

        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> settings = Map.of("displayName", "Renamed Studio", "slug", f.slug(), "headline", "", "bio", "",
                "website", "", "brandColor", "#4f46e5", "timeZone", "UTC", "language", "en");
        assertThat(admin.post("/admin/settings", settings).status()).isEqualTo(303);
        Http.Response after = app.http().get(missing);
        assertThat(after.status()).isEqualTo(404);
        assertThat(after.html().select(".wall-brand").text()).contains("Renamed Studio");
        assertThat(app.http().get(missing + "?lang=de").html().select("html").attr("lang")).isEqualTo("de");
    }

    @Test
    void the_widget_may_be_framed_its_options_work_and_its_loader_is_small() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long low = Reviews.dao().insert(f.workspaceId(), null, "approved", "form", false, 2, "Two stars only, for the filter.",
                TestimonialService.bodyHash("low" + f.slug()), "Low Rater", "", "", "", null, null, true, false, false, null, null,
                java.time.Instant.now());
        long tagged = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Tagged Person", "Tagged words about design work.");
        Reviews.dao().addTags(f.workspaceId(), tagged, java.util.List.of("design"));
        Http.Response embed = app.http().get("/embed/" + f.slug() + "?layout=carousel&theme=dark&minRating=4");
        assertThat(embed.header("Content-Security-Policy")).contains("frame-ancestors *").contains("script-src 'self'");
        assertThat(embed.header("X-Frame-Options")).isNull();
        Document d = embed.html();
        assertThat(d.select("body").hasClass("layout-carousel")).isTrue();
        assertThat(d.select("body").hasClass("theme-dark")).isTrue();
        assertThat(d.select("script[src^=/static/js/goodword-frame.]")).hasSize(1);
        assertThat(embed.body()).contains("Tagged Person").doesNotContain("Low Rater");
        assertThat(app.http().get("/embed/" + f.slug() + "?tag=design").body()).contains("Tagged Person").doesNotContain("Low Rater");
        assertThat(app.http().get("/embed/" + f.slug() + "?limit=1").html().select(".tcard")).hasSize(1);
        assertThat(app.http().get("/p/" + f.slug()).header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(low).isPositive();

        Http.Response js = app.http().get("/embed/" + f.slug() + ".js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).startsWith("text/javascript");
        assertThat(js.body()).contains("goodwordHeight").contains("iframe");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(js.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(gz.size()).isLessThanOrEqualTo(3 * 1024);
    }

    @Test
    void wall_pages_and_tag_filter_order_featured_first_then_newest() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        for (int i = 0; i < TestimonialWallController.WALL_PAGE_SIZE + 2; i++) {
            Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Person" + i, "Words number " + i + " for paging, long enough.");
        }
        long featured = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Pinned Star", "Featured words always come first.");
        Reviews.dao().setFeatured(f.workspaceId(), featured, true);
        Reviews.dao().addTags(f.workspaceId(), featured, java.util.List.of("pinned"));
        Reviews.dao().bumpWallVersion(f.workspaceId());
        try (TestApp fresh = TestApp.start()) { // a process that has not cached this workspace
            Document p1 = fresh.http().get("/p/" + f.slug()).html();
            assertThat(p1.select(".tcard").first().select(".tname").text()).isEqualTo("Pinned Star");
            assertThat(p1.select(".tcard")).hasSize(TestimonialWallController.WALL_PAGE_SIZE);
            assertThat(p1.select("a[rel=next]").attr("href")).isEqualTo("?page=2");
            Document p2 = fresh.http().get("/p/" + f.slug() + "?page=2").html();
            assertThat(p2.select(".tcard")).hasSize(3);
            assertThat(fresh.http().get("/p/" + f.slug() + "?page=9").status()).isEqualTo(404);
            Document tag = fresh.http().get("/p/" + f.slug() + "?tag=pinned").html();
            assertThat(tag.select(".tcard")).hasSize(1);
            assertThat(tag.select(".wall-tags a[aria-current=page]").text()).isEqualTo("pinned");
        }
    }

    @Test
    void the_wall_leads_to_the_case_studies_and_the_contact_page_and_both_answer() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http v = app.http();
        Document wall = v.get("/p/" + f.slug()).html();
        String caseStudies = wall.select("nav.wall-nav a[href$=/case-studies]").attr("href");
        String contact = wall.select("nav.wall-nav a.wall-contact").attr("href");
        assertThat(caseStudies).isEqualTo("/p/" + f.slug() + "/case-studies");
        assertThat(contact).isEqualTo("/p/" + f.slug() + "/contact");
        assertThat(v.get(caseStudies).status()).isEqualTo(200);
        assertThat(v.get(contact).status()).isEqualTo(200);
    }

    @Test
    void the_wall_is_served_gzipped_to_browsers_that_ask_and_plain_to_others() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Zipped Person", "Compressed once, served many times over.");
        Http v = app.http();
        Http.Response plain = v.get("/p/" + f.slug());
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("Vary")).isEqualTo("Accept-Encoding");
        java.net.http.HttpResponse<byte[]> zipped = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(v.uri("/p/" + f.slug())).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body())).readAllBytes();
        assertThat(new String(unzipped, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain.body()).contains("Zipped Person");
        assertThat(zipped.body().length).isLessThan(plain.body().length());
    }

    @Test
    void the_last_wall_page_lists_the_oldest_testimonials_newest_first() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        for (int i = 0; i < 30; i++) {
            Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, String.format("Paged Person %02d", i),
                    "Testimonial number " + i + " for the paging of a wall, long enough to be a real one.");
        }
        Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "Waiting Person", "Pending words never on any page of a wall.");
        Http v = app.http();
        String firstText = v.get("/p/" + f.slug()).html().select(".tcard").text();
        Document last = v.get("/p/" + f.slug() + "?page=2").html();
        String lastText = last.select(".tcard").text();
        for (int i = 0; i < 6; i++) assertThat(lastText).contains(String.format("Paged Person %02d", i));
        assertThat(lastText).doesNotContain("Paged Person 06").doesNotContain("Waiting Person");
        assertThat(last.select(".tcard")).hasSize(6);
        assertThat(lastText.indexOf("Paged Person 05")).isLessThan(lastText.indexOf("Paged Person 00"));
        assertThat(v.get("/p/" + f.slug() + "?page=3").status()).isEqualTo(404);
        assertThat(firstText).contains("Paged Person 29").contains("Paged Person 06").doesNotContain("Paged Person 05");
    }

    @Test
    void all_pages_of_a_wall_with_its_widget_and_feed_count_and_average_the_workspace_once_per_change() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        for (int i = 0; i < 30; i++) {
            Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Counted Person " + i,
                    "Testimonial number " + i + " for counting how often a wall is counted.");
        }
        Http v = app.http();
        List<String> statements = SqlRecorder.during(app.app().database().jdbi(), () -> {
            assertThat(v.get("/p/" + f.slug()).status()).isEqualTo(200);
            assertThat(v.get("/p/" + f.slug() + "?page=2").status()).isEqualTo(200);
            assertThat(v.get("/embed/" + f.slug()).status()).isEqualTo(200);
            assertThat(v.get("/p/" + f.slug() + "/testimonials.json").status()).isEqualTo(200);
        });
        assertThat(statements.stream().filter(s -> s.contains("AVG(t.rating)")).count()).isEqualTo(1);
        assertThat(statements).noneMatch(s -> s.contains("SELECT COUNT(*) FROM testimonials t WHERE t.workspace_id = :ws AND"));
    }
}
