package io.goodword.testimonial;

import io.goodword.web.Pager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The DAO of the public list's pages (wall, widget, feed, site index): one page of what {@link PublicTestimonials}
 * lets the public see, newest featured first, with its tags. Written on Jdbi's core API, not as a SqlObject, because
 * it runs on every render of an uncached page: perf showed Jdbi's on-demand attach (an invoker, a config copy and a
 * warm-up for every method of the SqlObject, on every call) and ConstructorMapper's per-result-set reflection as half
 * the JVM's CPU of such a render. Here one statement reads a page's rows with their tags, mapped by
 * {@link TaggedRows}, made once. A page past the first starts at a {@link Mark}, so it costs what the first does.
 */
public final class PublicRows {
    /** The list's order, as {@link PublicTestimonials#ORDER} writes it in SQL (MariaDB sorts NULL last when DESC). */
    static final Comparator<Testimonial> PUBLIC_ORDER = Comparator.comparing(Testimonial::featured, Comparator.reverseOrder())
            .thenComparing(Testimonial::approvedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Testimonial::id, Comparator.reverseOrder());

    /**
     * Without a tag or rating filter (the wall, the feed) the page's ids come from ix_testimonials_public alone
     * (workspace, status, consent, featured, approved_at, and the primary key InnoDB appends), then only those rows
     * are read: with a plain OFFSET MariaDB read every skipped row, so the last page of a 2,000-testimonial wall read
     * 2,000 rows (ANALYZE: 22 ms against 2.4 ms). The outer query neither filters nor orders again: the inner one
     * already chose the workspace's public rows in order, and MariaDB spent more time optimising the repeated
     * filter and ORDER BY than reading 24 rows by primary key (0.26–0.41 ms against 0.54–0.62 ms through the client),
     * so the page's rows are put in order here.
     */
    static final String PAGE = "SELECT " + TestimonialDao.COLUMNS + TaggedRows.TAGS + " FROM testimonials t JOIN (SELECT t.id"
            + PublicTestimonials.FROM_PUBLIC + PublicTestimonials.ORDER + " LIMIT :limit OFFSET :offset) k ON k.id = t.id";

    /**
     * With a tag or a minimum rating (widget options) one statement: MariaDB does not fold {@code :tag IS NULL OR ...}
     * away and would pay the index-only scan for nothing, hence the two forms.
     */
    static final String FILTERED = "SELECT " + TestimonialDao.COLUMNS + TaggedRows.TAGS + PublicTestimonials.FROM_PUBLIC + "AND"
            + TestimonialDao.TAG_FILTER + " AND t.rating >= :minRating" + PublicTestimonials.ORDER + " LIMIT :limit OFFSET :offset";

    /**
     * After a {@link Mark}: the rows that follow it in {@link PublicTestimonials#ORDER} (featured first, newest approved,
     * newest id; MariaDB sorts a NULL approved_at last), read as a range of ix_testimonials_public and the primary key,
     * however deep the page: page 84 of a 2,000-testimonial wall read 2,000 index entries with OFFSET (MariaDB CPU
     * 1.8 ms against 0.5 ms per statement, bench/PROFILE.md §13). The residual OFFSET is less than {@link #STRIDE}.
     */
    private static final String SEEK = " AND (t.featured < :f OR (t.featured = :f AND (t.approved_at < :a"
            + " OR t.approved_at IS NULL OR (t.approved_at = :a AND t.id < :i))))";

    /** The same after a mark without an approval time: only rows without one, and an older id, follow it. */
    private static final String SEEK_UNDATED = " AND (t.featured < :f OR (t.featured = :f AND t.approved_at IS NULL AND t.id < :i))";

    /** A tag page's rows (its own marks: the tag's list has its own positions). */
    private static final String WITH_TAG = " AND EXISTS (SELECT 1 FROM testimonial_tags g WHERE g.testimonial_id = t.id"
            + " AND g.workspace_id = :ws AND g.tag = :tag)";

    static final String AFTER = seek(SEEK, ""), AFTER_UNDATED = seek(SEEK_UNDATED, ""),
            AFTER_TAGGED = seek(SEEK, WITH_TAG), AFTER_TAGGED_UNDATED = seek(SEEK_UNDATED, WITH_TAG);

    private static String seek(String seek, String filter) {
        return "SELECT " + TestimonialDao.COLUMNS + TaggedRows.TAGS + PublicTestimonials.FROM_PUBLIC + filter + seek + PublicTestimonials.ORDER
                + " LIMIT :limit OFFSET :offset";
    }

    /**
     * Every row's key in the list's order (a tag's list: {@code KEYS_TAGGED}), of which {@link #listing} keeps each
     * {@link #STRIDE}th: index entries only.
     */
    static final String KEYS = keys(""), KEYS_TAGGED = keys(WITH_TAG);

    private static String keys(String filter) {
        return "SELECT t.featured, t.approved_at, t.id" + PublicTestimonials.FROM_PUBLIC + filter + PublicTestimonials.ORDER + " LIMIT :limit";
    }

    /** The seek statement for a list (all rows or a tag's) and a mark with or without an approval time. */
    private static String after(boolean tagged, boolean undated) {
        return tagged ? (undated ? AFTER_TAGGED_UNDATED : AFTER_TAGGED) : (undated ? AFTER_UNDATED : AFTER);
    }

    /** A mark every so many rows: the wall's page size, so that every wall page starts exactly at one. */
    static final int STRIDE = TestimonialWallController.WALL_PAGE_SIZE;

    /**
     * At most this many rows are listed (the deepest page Pager allows, 10,000 wall pages); a page beyond them is read
     * with OFFSET, and a longer list counts as this long.
     */
    static final int MAX_LISTED = STRIDE * Pager.MAX_PAGE;

    /** The key, in the list's order, of the public row at a position that is a multiple of {@link #STRIDE}. */
    public record Mark(boolean featured, Instant approvedAt, long id) {}

    /** A list's length and its marks: the key of its row number STRIDE, 2 × STRIDE, … */
    public record Listing(int count, List<Mark> marks) {}

    /**
     * A workspace's listings as of one stamp, of all its public rows and of each tag's, each read on first use: a
     * list without a second page never needs its marks, and a tag's count is read once per change instead of once
     * per render. Kept with the stamp's summary. Only tags the caller checked are in use may be asked for: each is
     * held until the stamp moves.
     */
    public static final class Listings {
        private final Function<String, Listing> load;
        private final ConcurrentHashMap<String, Listing> byTag = new ConcurrentHashMap<>();

        /** {@code load}: a tag ("" for all rows) to its list. */
        Listings(Function<String, Listing> load) { this.load = load; }

        /** None: every page is read with OFFSET (a test of that path, or the site index's one read). */
        public static Listings none() { return new Listings(tag -> new Listing(0, List.of())); }

        /** The listing of a tag's list, or of all public rows for a null tag. */
        Listing of(String tag) { return byTag.computeIfAbsent(tag == null ? "" : tag, load); }
    }

    private final Jdbi jdbi;
    private final TaggedRows tagged = new TaggedRows();

    public PublicRows(Jdbi jdbi) { this.jdbi = jdbi; }

    /**
     * One page of the workspace's public testimonials; {@code tag} null and {@code minRating <= 1} for all of them.
     * {@code listings}: the workspace's, as of the stamp the page is rendered for; a page of all of them or of a tag's
     * that starts at or past the list's first mark is read from the mark before it.
     */
    public List<PublicTestimonial> page(long workspaceId, String tag, int minRating, int limit, int offset, Listings listings) {
        boolean all = tag == null && minRating <= 1;
        Mark from = minRating <= 1 && offset >= STRIDE ? markBefore(listings.of(tag).marks(), offset) : null;
        List<TaggedRows.Row> page = jdbi.withHandle(h -> {
            if (from != null) {
                Query q = h.createQuery(after(tag != null, from.approvedAt() == null))
                        .bind("ws", workspaceId).bind("f", from.featured()).bind("a", from.approvedAt()).bind("i", from.id())
                        .bind("limit", limit).bind("offset", offset % STRIDE);
                return (tag == null ? q : q.bind("tag", tag)).map(tagged).list();
            }
            Query q = h.createQuery(all ? PAGE : FILTERED).bind("ws", workspaceId).bind("limit", limit).bind("offset", offset);
            if (!all) q.bind("tag", tag).bind("minRating", minRating);
            return q.map(tagged).list();
        });
        List<TaggedRows.Row> ordered = new ArrayList<>(page);
        if (all && from == null) ordered.sort(Comparator.comparing(TaggedRows.Row::testimonial, PUBLIC_ORDER));
        return TaggedRows.shown(ordered);
    }

    /** The workspace's public list (a tag's, when not null): its length and marks, from one read of its keys. */
    public Listing listing(long workspaceId, String tag) {
        List<Mark> keys = jdbi.withHandle(h -> {
            Query q = h.createQuery(tag == null ? KEYS : KEYS_TAGGED).bind("ws", workspaceId).bind("limit", MAX_LISTED);
            return (tag == null ? q : q.bind("tag", tag)).map((r, ctx) -> {
                Timestamp at = r.getTimestamp("approved_at");
                return new Mark(r.getBoolean("featured"), at == null ? null : at.toInstant(), r.getLong("id"));
            }).list();
        });
        List<Mark> marks = new ArrayList<>(keys.size() / STRIDE);
        for (int i = STRIDE - 1; i < keys.size(); i += STRIDE) marks.add(keys.get(i));
        return new Listing(keys.size(), List.copyOf(marks));
    }

    /** The mark just before {@code offset} (a multiple of STRIDE at or below it), or null when there is none. */
    private static Mark markBefore(List<Mark> marks, int offset) {
        int i = offset / STRIDE - 1;
        return i < marks.size() ? marks.get(i) : null;
    }
}
