package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.account.WorkspaceDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import io.goodword.testimonial.TestimonialStatus;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast lane answers a repeated read of cached bytes before Javalin. Its answers must be the full path's, byte for
 * byte and header for header, and never outlive the data behind them.
 */
class FastLaneIT {
    static final String HOME = Fixtures.unique("lanehome");

    @RegisterExtension
    static final AppExtension app = new AppExtension().env(Map.of("HOME_SLUG", HOME));

    static Fixtures.Freelancer f;
    static long shown;

    @BeforeAll
    static void seed() {
        f = Fixtures.freelancer();
        shown = Fixtures.testimonial(f.workspaceId(), TestimonialStatus.APPROVED, "Lane Person", "CTO",
                "Quick and careful, every single time.", "Acme", null, true, true);
        long home = TestDb.jdbi().onDemand(WorkspaceDao.class).insert(HOME, "Home Design", "en");
        Fixtures.testimonial(home, TestimonialStatus.APPROVED, "Home Person", "CEO", "Home words.", "Beta", null, true, true);
    }

    private static FastLane lane() {
        return app.app().web().jettyServer().server().getChildHandlerByClass(FastLane.class);
    }

    /** Status, headers (but the date) and body of a GET, and whether the lane answered it. */
    private record Seen(int status, Map<String, List<String>> headers, String body, boolean byLane) {}

    private static Seen get(String path, Map<String, String> headers) {
        long before = lane().answered();
        HttpRequest.Builder b = HttpRequest.newBuilder(app.http().uri(path)).GET();
        headers.forEach(b::header);
        Http.Response r = app.http().send(b);
        Map<String, List<String>> h = new TreeMap<>(r.raw().headers().map());
        h.remove("date");
        return new Seen(r.status(), h, r.body(), lane().answered() > before);
    }

    /**
     * A GET the lane should answer. The lane answers only while the workspace's stamp was read less than 0.9 s ago,
     * so on a loaded machine a repeat may fall on the full path once, which reads the stamp and remembers again; the
     * next repeat is then the lane's (a few tries at most; the caller still asserts it was the lane's, and compares it).
     */
    private static Seen laneGet(String path, Map<String, String> headers) {
        Seen s = get(path, headers);
        for (int i = 0; i < 5 && !s.byLane(); i++) s = get(path, headers);
        return s;
    }

    @Test
    void a_repeated_read_of_every_cached_page_and_file_is_answered_by_the_lane_exactly_as_the_full_path_answered() {
        String css = app.http().get("/p/" + f.slug()).html().select("link[rel=stylesheet][href^=/static/]").attr("href");
        for (String path : List.of("/p/" + f.slug() + "?lang=de", "/p/" + f.slug() + "/t/" + shown,
                "/embed/" + f.slug() + "?layout=grid&limit=3", "/p/" + f.slug() + "/testimonials.json", css, "/favicon.ico")) {
            Seen first = get(path, Map.of());
            Seen again = laneGet(path, Map.of());
            assertThat(first.status()).as(path).isEqualTo(200);
            assertThat(again.byLane()).as(path + " answered by the lane").isTrue();
            assertThat(again).as(path).isEqualTo(new Seen(first.status(), first.headers(), first.body(), true));
            Seen notModified = laneGet(path, Map.of("If-None-Match", first.headers().get("etag").get(0)));
            assertThat(notModified.status()).as(path).isEqualTo(304);
            assertThat(notModified.byLane()).isTrue();
        }
        Seen widget = get("/embed/" + f.slug() + "?layout=grid&limit=3", Map.of());
        assertThat(widget.headers().get("content-security-policy").get(0)).contains("frame-ancestors *");
        assertThat(widget.headers()).doesNotContainKey("x-frame-options");
        Seen wall = get("/p/" + f.slug() + "?lang=de", Map.of());
        assertThat(wall.headers().get("x-frame-options")).containsExactly("DENY");
        assertThat(wall.headers()).doesNotContainKey("set-cookie");
    }

    @Test
    void compressed_and_head_answers_from_the_lane_match_the_full_path() {
        String path = "/p/" + f.slug() + "/testimonials.json?page=1";
        HttpRequest.Builder head = HttpRequest.newBuilder(app.http().uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody());
        Http.Response firstHead = app.http().send(head);
        get(path, Map.of()); // remembered by this GET
        long before = lane().answered();
        Http.Response laneHead = app.http().send(HttpRequest.newBuilder(app.http().uri(path)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertThat(lane().answered()).isGreaterThan(before);
        assertThat(laneHead.body()).isEmpty();
        assertThat(laneHead.header("Content-Length")).isEqualTo(firstHead.header("Content-Length"));
        Seen gz = laneGet(path, Map.of("Accept-Encoding", "gzip"));
        assertThat(gz.byLane()).isTrue();
        assertThat(gz.headers().get("content-encoding")).containsExactly("gzip");
    }

    @Test
    void a_change_is_shown_at_once_and_a_request_the_lane_never_saw_takes_the_full_path() {
        Fixtures.Freelancer g = Fixtures.freelancer();
        long id = Fixtures.testimonial(g.workspaceId(), TestimonialStatus.APPROVED, "Soon Hidden", "Owner",
                "Words that will be archived in a moment.", "Gamma", null, true, true);
        String wall = "/p/" + g.slug();
        assertThat(get(wall, Map.of()).body()).contains("Soon Hidden");
        assertThat(laneGet(wall, Map.of()).byLane()).isTrue();
        assertThat(get(wall + "?page=1", Map.of()).byLane()).as("another query, never answered yet").isFalse();
        Http admin = Fixtures.signedIn(app, g);
        assertThat(admin.post("/admin/testimonials/" + id + "/status", Map.of("action", "archive")).status()).isEqualTo(303);
        Seen after = get(wall, Map.of());
        assertThat(after.byLane()).as("the archived words' page is gone from the lane").isFalse();
        assertThat(after.body()).doesNotContain("Soon Hidden");
        assertThat(get(wall, Map.of()).body()).doesNotContain("Soon Hidden");
        assertThat(get("/p/" + g.slug() + "/t/" + id, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void a_broken_link_into_a_site_is_answered_by_the_lane_as_the_full_path_answered_it_while_its_data_holds() {
        Fixtures.Freelancer g = Fixtures.freelancer();
        String site = "/p/" + g.slug();
        for (String path : List.of(site + "/no-such-page", site + "/no-such-page?lang=de", site + "?page=9",
                site + "/t/999999999")) {
            Seen first = get(path, Map.of());
            assertThat(first.status()).as(path).isEqualTo(404);
            assertThat(first.byLane()).as(path).isFalse();
            assertThat(first.body()).as(path + ": the site's own 404").contains(g.slug());
            assertThat(laneGet(path, Map.of())).as(path).isEqualTo(new Seen(404, first.headers(), first.body(), true));
        }
        assertThat(get(site + "/no-such-page?lang=de", Map.of()).body()).isNotEqualTo(get(site + "/no-such-page", Map.of()).body());
        Http.Response head = app.http().send(HttpRequest.newBuilder(app.http().uri(site + "/no-such-page"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.body()).isEmpty();

        // A page the data did not have yet is shown the moment it has it, not the 404 the lane gave before.
        long id = Fixtures.testimonial(g.workspaceId(), TestimonialStatus.PENDING, "Waiting Person", "Owner",
                "Words waiting for their approval.", "Delta", null, true, true);
        String single = site + "/t/" + id;
        assertThat(get(single, Map.of()).status()).isEqualTo(404);
        assertThat(laneGet(single, Map.of()).byLane()).isTrue();
        Http admin = Fixtures.signedIn(app, g);
        assertThat(admin.post("/admin/testimonials/" + id + "/status", Map.of("action", "approve")).status()).isEqualTo(303);
        Seen approved = get(single, Map.of());
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body()).contains("Words waiting for their approval.");

        // A 404 decided by data the site's stamp does not cover never takes the lane.
        for (String path : List.of(site + "/case-studies/no-such-study", "/p/no-such-site-" + g.slug())) {
            assertThat(get(path, Map.of()).status()).as(path).isEqualTo(404);
            assertThat(get(path, Map.of()).byLane()).as(path).isFalse();
        }
    }

    @Test
    void the_home_wall_at_the_root_goes_by_the_lane_and_its_p_address_still_moves_to_the_root() {
        Seen first = get("/", Map.of());
        assertThat(first.body()).contains("Home Person");
        assertThat(laneGet("/", Map.of())).isEqualTo(new Seen(200, first.headers(), first.body(), true));
        for (int i = 0; i < 2; i++) {
            Http.Response moved = app.http().get("/p/" + HOME);
            assertThat(moved.status()).isEqualTo(301);
            assertThat(moved.location()).isEqualTo("/");
        }
    }

    @Test
    void reads_with_a_body_and_other_methods_never_take_the_lane() {
        String path = "/p/" + f.slug() + "/t/" + shown;
        get(path, Map.of());
        long before = lane().answered();
        Http.Response post = app.http().send(HttpRequest.newBuilder(app.http().uri(path))
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(post.status()).isNotEqualTo(200);
        Http.Response withBody = app.http().send(HttpRequest.newBuilder(app.http().uri(path))
                .method("GET", HttpRequest.BodyPublishers.ofString("x=1")));
        assertThat(withBody.status()).isEqualTo(200);
        assertThat(lane().answered()).isEqualTo(before);
    }
}
