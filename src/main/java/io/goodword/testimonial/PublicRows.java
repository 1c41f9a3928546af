package io.goodword.testimonial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The DAO of the public list's pages (wall, widget, feed, site index): one page of what {@link PublicTestimonials}
 * lets the public see, newest featured first, with its tags. Written on Jdbi's core API, not as a SqlObject, because
 * it runs on every render of an uncached page: perf showed Jdbi's on-demand attach (an invoker, a config copy and a
 * warm-up for every method of the SqlObject, on every call) and ConstructorMapper's per-result-set reflection as half
 * the JVM's CPU of such a render. Here one statement reads a page's rows with their tags, mapped by
 * {@link TestimonialRows}, made once.
 */
public final class PublicRows {
    /** The list's order, as {@link PublicTestimonials#ORDER} writes it in SQL (MariaDB sorts NULL last when DESC). */
    static final Comparator<Testimonial> PUBLIC_ORDER = Comparator.comparing(Testimonial::featured, Comparator.reverseOrder())
            .thenComparing(Testimonial::approvedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Testimonial::id, Comparator.reverseOrder());

    /**
     * A row's tags in tag order, as one column: a second statement for the page's tags cost MariaDB more to parse and
     * optimise than to run, and the portal a second round trip. Separated by U+001F (the unit separator), which no tag
     * holds: tags are letters, digits and dashes ({@link Tags#normalize}). The primary key (testimonial_id, tag)
     * finds them in order.
     */
    static final String TAGS = ", (SELECT GROUP_CONCAT(g.tag ORDER BY g.tag SEPARATOR '\u001f') FROM testimonial_tags g"
            + " WHERE g.testimonial_id = t.id AND g.workspace_id = t.workspace_id) AS tags";

    /**
     * Without a tag or rating filter (the wall, the feed) the page's ids come from ix_testimonials_public alone
     * (workspace, status, consent, featured, approved_at, and the primary key InnoDB appends), then only those rows
     * are read: with a plain OFFSET MariaDB read every skipped row, so the last page of a 2,000-testimonial wall read
     * 2,000 rows (ANALYZE: 22 ms against 2.4 ms). The outer query neither filters nor orders again: the inner one
     * already chose the workspace's public rows in order, and MariaDB spent more time optimising the repeated
     * filter and ORDER BY than reading 24 rows by primary key (0.26–0.41 ms against 0.54–0.62 ms through the client),
     * so the page's rows are put in order here.
     */
    static final String PAGE = "SELECT " + TestimonialDao.COLUMNS + TAGS + " FROM testimonials t JOIN (SELECT t.id"
            + PublicTestimonials.FROM_PUBLIC + PublicTestimonials.ORDER + " LIMIT :limit OFFSET :offset) k ON k.id = t.id";

    /**
     * With a tag or a minimum rating (widget options) one statement: MariaDB does not fold {@code :tag IS NULL OR ...}
     * away and would pay the index-only scan for nothing, hence the two forms.
     */
    static final String FILTERED = "SELECT " + TestimonialDao.COLUMNS + TAGS + PublicTestimonials.FROM_PUBLIC + "AND"
            + TestimonialDao.TAG_FILTER + " AND t.rating >= :minRating" + PublicTestimonials.ORDER + " LIMIT :limit OFFSET :offset";

    /** A row and its tags. */
    private record Tagged(Testimonial row, List<String> tags) {}

    private final Jdbi jdbi;
    private final TestimonialRows rows = new TestimonialRows();
    private final RowMapper<Tagged> tagged = (r, ctx) -> new Tagged(rows.map(r, ctx), tags(r.getString("tags")));

    public PublicRows(Jdbi jdbi) { this.jdbi = jdbi; }

    /** One page of the workspace's public testimonials; {@code tag} null and {@code minRating <= 1} for all of them. */
    public List<PublicTestimonial> page(long workspaceId, String tag, int minRating, int limit, int offset) {
        boolean all = tag == null && minRating <= 1;
        List<Tagged> page = jdbi.withHandle(h -> {
            Query q = h.createQuery(all ? PAGE : FILTERED).bind("ws", workspaceId).bind("limit", limit).bind("offset", offset);
            if (!all) q.bind("tag", tag).bind("minRating", minRating);
            return q.map(tagged).list();
        });
        List<Tagged> ordered = new ArrayList<>(page);
        if (all) ordered.sort(Comparator.comparing(Tagged::row, PUBLIC_ORDER));
        List<PublicTestimonial> out = new ArrayList<>(ordered.size());
        for (Tagged t : ordered) PublicTestimonial.of(t.row(), t.tags()).ifPresent(out::add);
        return out;
    }

    private static List<String> tags(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\u001f"));
    }
}
