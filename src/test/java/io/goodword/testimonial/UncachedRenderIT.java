package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.SqlRecorder;
import io.goodword.support.TestApp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The uncached render (PUBLIC_CACHE=false: rows queried and the template run on every request) is the cached pages'
 * render: the same bytes for every public page, from exactly one statement per wall page (its rows with their
 * tags), the workspace row and the page marks riding in the per-stamp summary.
 */
class UncachedRenderIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    static TestApp uncached;

    @BeforeAll
    static void startUncached() {
        // the same BASE_URL as the cached portal, so that links and canonical addresses in the bytes are the same
        uncached = TestApp.start(Map.of("PUBLIC_CACHE", "false", "BASE_URL", app.baseUrl()));
    }

    @AfterAll
    static void stopUncached() { if (uncached != null) uncached.close(); }

    private static Http uncachedHttp() { return new Http("http://localhost:" + uncached.config().port()); }

    /** 30 public testimonials with tags, featured ones, replies, imported proof, and some that are not public. */
    private static Fixtures.Freelancer wall(String prefix) {
        Fixtures.Freelancer f = Fixtures.freelancer();
        TestimonialDao dao = Reviews.dao();
        for (int i = 0; i < 30; i++) {
            long id = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, String.format("%s Person %02d", prefix, i),
                    "Testimonial " + i + " of a wall rendered with and without its cache, \"quoted\" & <escaped>.");
            dao.addTags(f.workspaceId(), id, i % 3 == 0 ? List.of("design", "web") : List.of("retainer"));
            if (i % 7 == 0) dao.setFeatured(f.workspaceId(), id, true);
            if (i % 5 == 0) dao.setReply(f.workspaceId(), id, "Thank you, " + i + "!");
            if (i % 4 == 0) dao.setProvenance(f.workspaceId(), id, Platform.LINKEDIN, "https://www.linkedin.com/in/p" + i,
                    LocalDate.of(2025, 1 + i % 12, 1 + i), null);
        }
        Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, prefix + " Waiting", "Pending words, never public anywhere.");
        Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, false, prefix + " Private", "Approved without consent, never public.");
        return f;
    }

    @Test
    void every_public_page_rendered_without_the_cache_is_byte_for_byte_the_cached_one() {
        Fixtures.Freelancer f = wall("Same");
        long one = Reviews.dao().all(f.workspaceId()).stream().filter(t -> t.isPublic()).findFirst().orElseThrow().id();
        String p = "/p/" + f.slug();
        List<String> paths = List.of(p, p + "?page=2", p + "?tag=design", p + "?tag=retainer&page=2", p + "?lang=de",
                p + "/t/" + one, "/embed/" + f.slug(), "/embed/" + f.slug() + "?tag=web&minRating=4&limit=5&layout=list&theme=dark",
                p + "/testimonials.json", p + "?page=3", p + "?tag=nothing");
        Http cached = app.http();
        Http fresh = uncachedHttp();
        for (String path : paths) {
            Http.Response a = cached.get(path);
            Http.Response b = fresh.get(path);
            assertThat(b.status()).as(path).isEqualTo(a.status());
            assertThat(b.body()).as(path).isEqualTo(a.body());
        }
        assertThat(cached.get(p).body()).contains("Same Person 29").doesNotContain("Same Waiting").doesNotContain("Same Private");
    }

    @Test
    void an_uncached_wall_page_runs_one_statement_its_rows_with_their_tags() {
        Fixtures.Freelancer f = wall("Counted");
        Http v = uncachedHttp();
        assertThat(v.get("/p/" + f.slug()).status()).isEqualTo(200); // the stamp and the summary, once per change
        List<String> statements = SqlRecorder.during(uncached.app().database().jdbi(), () -> {
            for (int i = 0; i < 3; i++) assertThat(v.get("/p/" + f.slug() + "?page=" + (1 + i % 2)).status()).isEqualTo(200);
        });
        // the stamp is re-read at most once per 0.9 s, whatever the load: not part of a render
        List<String> render = statements.stream().filter(s -> !s.contains("wall_version")).toList();
        // page 2 starts at its mark, and the marks are read once per stamp, when a page past the first first needs them
        assertThat(render).containsExactly(PublicRows.PAGE, PublicRows.KEYS, PublicRows.AFTER, PublicRows.PAGE);
    }

    @Test
    void the_landing_the_case_studies_and_a_single_page_read_rows_and_tags_in_one_statement_each() {
        Fixtures.Freelancer f = wall("Quoted");
        long ws = f.workspaceId();
        io.goodword.support.TestDb.jdbi().useHandle(h -> h.execute("UPDATE testimonials SET consent_case_study = 1 WHERE workspace_id = ?", ws));
        PublicTestimonials dao = io.goodword.support.TestDb.jdbi().onDemand(PublicTestimonials.class);
        List<PublicTestimonial> best = new ArrayList<>(), latest = new ArrayList<>(), byIds = new ArrayList<>();
        List<String> statements = SqlRecorder.during(io.goodword.support.TestDb.jdbi(), () -> {
            best.addAll(dao.best(ws, 5));
            latest.addAll(dao.latest(ws, 40));
            byIds.addAll(dao.byIds(ws, latest.stream().limit(3).map(PublicTestimonial::id).toList()));
            assertThat(dao.one(ws, latest.get(0).id())).isPresent().get().isEqualTo(latest.get(0));
        });
        assertThat(statements).hasSize(4).allMatch(s -> s.contains("GROUP_CONCAT(g.tag"));
        assertThat(best).hasSize(5).allMatch(PublicTestimonial::featured); // five of the thirty are featured (every 7th)
        assertThat(latest).hasSize(30).noneMatch(t -> t.name().endsWith("Waiting") || t.name().endsWith("Private"));
        assertThat(byIds).hasSize(3);
        // each row's tags, as the moderation side stores them
        for (PublicTestimonial t : latest) assertThat(t.tags()).as(t.name()).isEqualTo(Reviews.dao().tagsOf(ws, t.id()));
        assertThat(latest).anyMatch(t -> t.tags().equals(List.of("design", "web"))).anyMatch(t -> t.tags().equals(List.of("retainer")));
    }

    @Test
    void the_hand_written_row_mapper_reads_every_column_as_the_constructor_mapper_does() {
        Fixtures.Freelancer f = wall("Mapped");
        long ws = f.workspaceId();
        TestimonialDao dao = Reviews.dao();
        List<Testimonial> byJdbi = new ArrayList<>(dao.all(ws));
        byJdbi.sort(Comparator.comparing(Testimonial::id));
        List<Testimonial> byHand = io.goodword.support.TestDb.jdbi().withHandle(h -> h.createQuery("SELECT " + TestimonialDao.COLUMNS
                + " FROM testimonials t WHERE t.workspace_id = :ws ORDER BY t.id").bind("ws", ws).map(new TestimonialRows()).list());
        assertThat(byHand).hasSize(32).isEqualTo(byJdbi);
        assertThat(byHand).anyMatch(t -> t.originPlatform() == Platform.LINKEDIN && t.originalDate() != null)
                .anyMatch(t -> t.featured() && t.reply() != null).anyMatch(t -> t.approvedAt() == null);
    }

    @Test
    void the_page_keeps_the_public_order_featured_first_then_newest_approved_then_newest_id() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Testimonial a = row(1, false, now), b = row(2, false, now), c = row(3, true, now.minusSeconds(60)),
                d = row(4, false, now.plusSeconds(1)), e = row(5, false, null);
        List<Testimonial> rows = new ArrayList<>(List.of(a, e, b, c, d));
        rows.sort(PublicRows.PUBLIC_ORDER);
        assertThat(rows).containsExactly(c, d, b, a, e);
    }

    private static Testimonial row(long id, boolean featured, Instant approvedAt) {
        return new Testimonial(id, 1, null, TestimonialStatus.APPROVED, TestimonialSource.FORM, false, 5, "b", null, "n", "",
                "", "", "", null, true, true, true, featured, null, null, null, approvedAt, approvedAt, approvedAt);
    }
}
