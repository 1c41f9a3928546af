package io.goodword.testimonial;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The one place that decides what the public may see: {@link #PUBLIC} (approved, and the client consented to
 * publication) is written here and nowhere else, and every row leaves as a {@link PublicTestimonial}. The wall,
 * widget and feed read pages through {@link PublicRows} (on Jdbi's core API: it runs on every uncached render), which
 * uses {@link #FROM_PUBLIC} and {@link #ORDER}; the referral landing reads {@link #best}; case studies read {@link #byIds} and
 * {@link #latest}, which add {@link #QUOTABLE}: the author allowed quoting in case studies. Every list reads its rows
 * with their tags in one statement ({@link TaggedRows}).
 */
@RegisterRowMapper(TaggedRows.class)
public interface PublicTestimonials {
    String PUBLIC = " t.status = 'approved' AND t.consent_publish = 1 ";
    String FROM_PUBLIC = " FROM testimonials t WHERE t.workspace_id = :ws AND" + PUBLIC;
    String QUOTABLE = " AND t.consent_case_study = 1 ";
    String ORDER = " ORDER BY t.featured DESC, t.approved_at DESC, t.id DESC";

    /** Average rating and count of what is public. */
    record Aggregate(long count, double average) {
        /** The average as a visitor reads it, one decimal in their language ("4.8" / "4,8"); "" when none is rated. */
        String shown(io.goodword.web.Localizer t) { return count == 0 ? "" : t.oneDecimal(average); }
    }

    default Optional<PublicTestimonial> one(long workspaceId, long id) {
        return findPublic(workspaceId, id).flatMap(TaggedRows.Row::shown);
    }

    /** The strongest few, for pages that quote a handful (the referral landing): featured, then best rated. */
    default List<PublicTestimonial> best(long workspaceId, int n) { return TaggedRows.shown(bestRows(workspaceId, n)); }

    /** The given ones that may be quoted in a case study, in no particular order (a withdrawn or unpublished id is left out). */
    default List<PublicTestimonial> byIds(long workspaceId, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : TaggedRows.shown(byIdRows(workspaceId, ids));
    }

    /** The most recently approved, for the case-study editor's choice. */
    default List<PublicTestimonial> latest(long workspaceId, int n) { return TaggedRows.shown(latestRows(workspaceId, n)); }

    @SqlQuery("SELECT " + TestimonialDao.COLUMNS + TaggedRows.TAGS + FROM_PUBLIC
            + " ORDER BY t.featured DESC, t.rating DESC, t.approved_at DESC, t.id DESC LIMIT :limit")
    List<TaggedRows.Row> bestRows(@Bind("ws") long workspaceId, @Bind("limit") int limit);

    @SqlQuery("SELECT " + TestimonialDao.COLUMNS + TaggedRows.TAGS + FROM_PUBLIC + QUOTABLE + " AND t.id IN (<ids>)")
    List<TaggedRows.Row> byIdRows(@Bind("ws") long workspaceId, @BindList("ids") Collection<Long> ids);

    @SqlQuery("SELECT " + TestimonialDao.COLUMNS + TaggedRows.TAGS + FROM_PUBLIC + QUOTABLE
            + " ORDER BY t.approved_at DESC, t.id DESC LIMIT :limit")
    List<TaggedRows.Row> latestRows(@Bind("ws") long workspaceId, @Bind("limit") int limit);

    @SqlQuery("SELECT " + TestimonialDao.COLUMNS + TaggedRows.TAGS + FROM_PUBLIC + " AND t.id = :id")
    Optional<TaggedRows.Row> findPublic(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) AS count, COALESCE(AVG(t.rating), 0) AS average" + FROM_PUBLIC)
    @RegisterConstructorMapper(Aggregate.class)
    Aggregate aggregate(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT DISTINCT g.tag FROM testimonial_tags g JOIN testimonials t ON t.id = g.testimonial_id"
            + " WHERE g.workspace_id = :ws AND t.workspace_id = :ws AND" + PUBLIC + " ORDER BY g.tag")
    List<String> tags(@Bind("ws") long workspaceId);
}
