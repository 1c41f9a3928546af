package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.SqlRecorder;
import io.goodword.support.TestDb;
import io.goodword.support.TestApp;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page past the first is read from the mark before it (the key of the last row of the page before), not with an
 * OFFSET over every earlier row: it must hold exactly the rows OFFSET would give, in the same order, whatever the
 * ties (rows approved in the same microsecond, featured rows, rows without an approval time), for the wall's and
 * the feed's page sizes and any offset, and the marks must follow a change at once.
 */
class PublicPagingIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    static TestApp uncached;

    @BeforeAll
    static void startUncached() { uncached = TestApp.start(Map.of("PUBLIC_CACHE", "false", "BASE_URL", app.baseUrl())); }

    @AfterAll
    static void stopUncached() { if (uncached != null) uncached.close(); }

    private static final Pattern CARD_NAME = Pattern.compile("class=\"tname\">(Pager \\d{3})<");

    /**
     * {@code n} public testimonials, one private and one pending among them, with ties across page boundaries: a run
     * of rows approved in one microsecond, featured rows, and rows whose approval time is missing (older data).
     */
    private static Fixtures.Freelancer list(int n) {
        Fixtures.Freelancer f = Fixtures.freelancer();
        TestimonialDao dao = Reviews.dao();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, String.format("Pager %03d", i),
                    "Words of testimonial " + i + " on a wall with many pages."));
            if (i % 9 == 0) dao.setFeatured(f.workspaceId(), ids.get(i), true);
            dao.addTags(f.workspaceId(), ids.get(i), i % 3 == 0 ? List.of("design") : List.of("design", "web"));
        }
        Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, false, "Pager Private", "Approved without consent.");
        Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "Pager Waiting", "Not yet approved.");
        Jdbi jdbi = TestDb.jdbi();
        jdbi.useHandle(h -> {
            // rows 10..40 share one approval instant: only the id orders them, across the first page boundary
            h.createUpdate("UPDATE testimonials SET approved_at = '2026-06-01 10:00:00.123456' WHERE workspace_id = :ws"
                    + " AND id BETWEEN :a AND :b").bind("ws", f.workspaceId()).bind("a", ids.get(10)).bind("b", ids.get(40)).execute();
            // rows 50..80 have no approval time (sorted last), three of them featured
            h.createUpdate("UPDATE testimonials SET approved_at = NULL WHERE workspace_id = :ws AND id BETWEEN :a AND :b")
                    .bind("ws", f.workspaceId()).bind("a", ids.get(50)).bind("b", ids.get(80)).execute();
        });
        return f;
    }

    /** The names on a wall page's cards, in order. */
    private static List<String> cards(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = CARD_NAME.matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static List<Long> ids(List<PublicTestimonial> page) {
        return page.stream().map(PublicTestimonial::id).toList();
    }

    @Test
    void a_page_read_from_its_mark_holds_what_offset_gives_for_any_size_and_offset() {
        Fixtures.Freelancer f = list(230);
        PublicRows rows = new PublicRows(TestDb.jdbi());
        long ws = f.workspaceId();
        List<PublicRows.Mark> marks = rows.listing(ws, null).marks();
        assertThat(marks).hasSize(230 / PublicRows.STRIDE);
        PublicRows.Listings marked = new PublicRows.Listings(tag -> new PublicRows.Listing(230, marks));
        List<Long> all = ids(rows.page(ws, null, 1, 1000, 0, PublicRows.Listings.none()));
        assertThat(all).hasSize(230).doesNotHaveDuplicates();
        assertThat(marks.get(0).id()).isEqualTo(all.get(PublicRows.STRIDE - 1));
        assertThat(marks).anyMatch(m -> m.approvedAt() == null).anyMatch(m -> m.featured() || m.approvedAt() != null);
        for (int size : new int[] {24, 100, 7}) {
            for (int offset = 0; offset < 240; offset += size) {
                List<Long> byMark = ids(rows.page(ws, null, 1, size, offset, marked));
                assertThat(byMark).as("size %d offset %d", size, offset).isEqualTo(ids(rows.page(ws, null, 1, size, offset, PublicRows.Listings.none())))
                        .isEqualTo(all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size())));
            }
        }
        // a tag's list has marks of its own: two in three rows carry "web"
        PublicRows.Listings byTag = new PublicRows.Listings(tag -> rows.listing(ws, tag.isEmpty() ? null : tag));
        List<Long> web = ids(rows.page(ws, "web", 1, 1000, 0, PublicRows.Listings.none()));
        assertThat(web).hasSize(153);
        assertThat(rows.listing(ws, "web").count()).isEqualTo(153);
        assertThat(rows.listing(ws, "web").marks()).hasSize(153 / PublicRows.STRIDE).allMatch(m -> web.contains(m.id()));
        for (int offset = 0; offset < 170; offset += 24) {
            assertThat(ids(rows.page(ws, "web", 1, 24, offset, byTag))).as("web, offset %d", offset)
                    .isEqualTo(web.subList(Math.min(offset, web.size()), Math.min(offset + 24, web.size())));
        }
    }

    @Test
    void every_wall_and_feed_page_is_the_one_offset_gives_and_a_deep_page_reads_from_its_mark() {
        Fixtures.Freelancer f = list(120);
        PublicRows rows = new PublicRows(TestDb.jdbi());
        List<Long> all = ids(rows.page(f.workspaceId(), null, 1, 1000, 0, PublicRows.Listings.none()));
        List<String> names = Reviews.dao().all(f.workspaceId()).stream().filter(Testimonial::isPublic)
                .sorted(PublicRows.PUBLIC_ORDER).map(Testimonial::name).toList();
        assertThat(all).hasSize(120);
        Http v = new Http("http://localhost:" + uncached.config().port());
        assertThat(v.get("/p/" + f.slug()).status()).isEqualTo(200);
        List<String> shown = new ArrayList<>();
        List<String> statements = SqlRecorder.during(uncached.app().database().jdbi(), () -> {
            for (int page = 1; page <= 5; page++) {
                Http.Response r = v.get("/p/" + f.slug() + "?page=" + page);
                assertThat(r.status()).isEqualTo(200);
                shown.addAll(cards(r.body()));
            }
        });
        assertThat(shown).isEqualTo(names);
        List<String> render = statements.stream().filter(s -> !s.contains("wall_version")).toList();
        // page 1 as always; the marks once for the stamp; pages 2..5 each from their mark
        assertThat(render).containsExactly(PublicRows.PAGE, PublicRows.KEYS, PublicRows.AFTER, PublicRows.AFTER,
                PublicRows.AFTER, PublicRows.AFTER_UNDATED);
        // a tag's page: the tag's listing once (its count and marks), then the page from its mark; no count per render
        List<String> web = rows.page(f.workspaceId(), "web", 1, 24, 48, PublicRows.Listings.none()).stream().map(PublicTestimonial::name).toList();
        List<String> tagPage = new ArrayList<>();
        List<String> tagged = SqlRecorder.during(uncached.app().database().jdbi(), () -> tagPage.addAll(cards(v.get("/p/" + f.slug() + "?tag=web&page=3").body())));
        assertThat(tagPage).hasSize(24).isEqualTo(web);
        assertThat(tagged.stream().filter(s -> !s.contains("wall_version")))
                .containsExactly(PublicRows.KEYS_TAGGED, PublicRows.AFTER_TAGGED);
        List<String> again = SqlRecorder.during(uncached.app().database().jdbi(), () -> {
            assertThat(v.get("/p/" + f.slug() + "?tag=web").status()).isEqualTo(200);
            assertThat(v.get("/p/" + f.slug() + "?tag=web&page=4").status()).isEqualTo(200);
            assertThat(v.get("/p/" + f.slug() + "?tag=web&page=5").status()).isEqualTo(404); // 80 rows: four pages
        });
        boolean undated = rows.listing(f.workspaceId(), "web").marks().get(2).approvedAt() == null; // page 4 starts at mark 3
        assertThat(again.stream().filter(s -> !s.contains("wall_version")))
                .containsExactly(PublicRows.FILTERED, undated ? PublicRows.AFTER_TAGGED_UNDATED : PublicRows.AFTER_TAGGED);
        // the feed (100 a page) and the cached portal give the same
        assertThat(v.get("/p/" + f.slug() + "/testimonials.json?page=2").body())
                .isEqualTo(app.http().get("/p/" + f.slug() + "/testimonials.json?page=2").body()).contains(names.get(100)).doesNotContain(names.get(99));
        for (String q : List.of("?page=1", "?page=2", "?page=5", "?tag=web&page=2", "?tag=web&page=4", "?tag=design&page=5")) {
            assertThat(app.http().get("/p/" + f.slug() + q).body()).as(q).isEqualTo(v.get("/p/" + f.slug() + q).body());
        }
    }

    @Test
    void a_change_moves_the_marks_with_it() {
        Fixtures.Freelancer f = list(100);
        String p2 = "/p/" + f.slug() + "?page=2";
        String before = app.http().get(p2).body();
        // a new testimonial approved through the portal's own moderation: page 1 gains it, so one row moves to page 2
        long fresh = Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "Pager 999", "Newest words, on top.");
        Http admin = Fixtures.signedIn(app, f);
        assertThat(admin.post("/admin/testimonials/" + fresh + "/status", Map.of("action", "approve")).status()).isEqualTo(303);
        PublicRows rows = new PublicRows(TestDb.jdbi());
        List<String> expected = rows.page(f.workspaceId(), null, 1, 24, 24, PublicRows.Listings.none()).stream()
                .map(PublicTestimonial::name).toList();
        String after = app.http().get(p2).body();
        assertThat(after).isNotEqualTo(before);
        assertThat(cards(after)).isEqualTo(expected).contains(expected.get(0));
        assertThat(cards(before)).isNotEqualTo(expected);
    }
}
