package io.goodword.testimonial;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.goodword.db.NotFound;
import io.goodword.security.CurrentUser;
import io.goodword.web.CachedResponse;
import io.goodword.web.FastLane;
import io.goodword.web.SiteNotFound;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Public pages (wall, widget, JSON feed) are rendered once and their bytes reused until the workspace's public data
 * changes. Freshness:
 * <ul>
 *   <li>this process: every change calls {@link #invalidate}, so the next request renders afresh;</li>
 *   <li>other processes sharing the database: the (wall_version, updated_at) stamp of a workspace is re-read at most
 *       once per {@link #REVALIDATE}, so a page is never stale for longer than that, without a query per request.</li>
 * </ul>
 */
public final class PublicCache {
    static final Duration REVALIDATE = Duration.ofMillis(900);
    /** Request attribute: {@link #send} answered 404 because the stamp's data has no such page. */
    private static final String DECIDED_BY_STAMP = "gw.notFoundAtStamp";

    /**
     * A rendered page as of a stamp: the bytes to send (see {@link CachedResponse}), or none when the page does not
     * exist (a page number past the end, an unknown tag), which is cached too so probing costs no render.
     */
    public record Rendered(CachedResponse response, String stamp) {
        public static Rendered notFound(WallState state) { return new Rendered(null, state.stamp()); }

        public boolean found() { return response != null; }

        int weight() { return (found() ? response.bytes().length : 0) + 200; }
    }

    /**
     * What every public page of a workspace shows besides its own testimonials: the workspace itself (name, brand,
     * language), count and average rating and the tags in use. Computed once per stamp and shared by all pages, the
     * widget and the feed (also with PUBLIC_CACHE=false, which bypasses only the page bytes): counting and averaging
     * reads every approved testimonial of the workspace, so done per render it made each render slower the bigger the
     * workspace. The workspace row may ride here because the stamp moves with it: {@code updated_at} is
     * {@code ON UPDATE CURRENT_TIMESTAMP(6)}, so every change of a setting moves it, and an archive import (which may
     * write {@code updated_at} itself) bumps {@code wall_version}; the cached pages' bytes rely on the same. The
     * {@code listings} hold a tag's count and where each page of a list starts (read when first needed).
     */
    public record Summary(io.goodword.account.Workspace workspace, PublicTestimonials.Aggregate aggregate,
                          java.util.List<String> tags, PublicRows.Listings listings, String stamp) {}

    /**
     * A workspace's stamp and when it was read; {@code refreshing} lets exactly one request re-read a stale stamp
     * while the others keep answering from it (JFR under wrk: without it every request that arrived during the
     * re-read queried the database too, one in four requests of the wall).
     */
    private record Checked(WallState state, long checkedAt, java.util.concurrent.atomic.AtomicBoolean refreshing) {
        Checked(WallState state, long checkedAt) { this(state, checkedAt, new java.util.concurrent.atomic.AtomicBoolean()); }
    }

    private final Jdbi jdbi;
    private final FastLane lane;
    private final AtomicLong invalidations = new AtomicLong();
    private final LongSupplier nanos;
    private final boolean enabled;
    private final Cache<String, Checked> bySlug = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();
    private final Cache<String, Rendered> pages = Caffeine.newBuilder()
            .maximumWeight(128L * 1024 * 1024).weigher((String k, Rendered r) -> r.weight())
            .expireAfterAccess(Duration.ofHours(6)).build();

    private final Cache<Long, Summary> summaries = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    /** A cache whose pages only Javalin's handlers send (no fast lane installed): for tests of the cache itself. */
    public PublicCache(Jdbi jdbi) { this(jdbi, new FastLane(), System::nanoTime, true); }

    /**
     * {@code lane}: the web server's, which answers repeated reads of a cached page before Javalin;
     * {@code enabled == false} renders every page afresh: only to measure the uncached path (PUBLIC_CACHE=false).
     */
    public PublicCache(Jdbi jdbi, FastLane lane, boolean enabled) { this(jdbi, lane, System::nanoTime, enabled); }

    PublicCache(Jdbi jdbi, LongSupplier nanos) { this(jdbi, new FastLane(), nanos, true); }

    private PublicCache(Jdbi jdbi, FastLane lane, LongSupplier nanos, boolean enabled) {
        this.jdbi = jdbi;
        this.lane = lane;
        this.nanos = nanos;
        this.enabled = enabled;
    }

    /** The workspace behind a public slug and its current stamp, at most {@link #REVALIDATE} old. */
    public Optional<WallState> state(String slug) {
        long now = nanos.getAsLong();
        Checked c = bySlug.getIfPresent(slug);
        if (c != null && now - c.checkedAt() < REVALIDATE.toNanos()) return Optional.of(c.state());
        // Stale: one request re-reads, the others answer from the stamp it replaces (older by one query at most).
        if (c != null && !c.refreshing().compareAndSet(false, true)) return Optional.of(c.state());
        long generation = invalidations.get();
        try {
            Optional<WallState> fresh = jdbi.withExtension(TestimonialDao.class, dao -> dao.wallState(slug));
            if (fresh.isEmpty()) {
                bySlug.invalidate(slug);
                return fresh;
            }
            // A change committed while we were reading must not be hidden behind what we read before it.
            if (invalidations.get() == generation) bySlug.put(slug, new Checked(fresh.get(), now));
            return fresh;
        } finally {
            // Not replaced (the read failed, or raced with a change): the next request tries again.
            if (c != null) c.refreshing().set(false);
        }
    }

    /** The cached bytes of one variant of a workspace's page, rendered afresh when the stamp moved. */
    public Rendered page(WallState state, String variant, Function<WallState, Rendered> render) {
        if (!enabled) return render.apply(state);
        String key = state.id() + "|" + variant;
        Rendered r = pages.getIfPresent(key);
        if (r != null && r.stamp().equals(state.stamp())) return r;
        // One render per key and stamp: requests arriving meanwhile wait for it instead of rendering it too.
        return pages.asMap().compute(key, (k, old) -> old != null && old.stamp().equals(state.stamp()) ? old : render.apply(state));
    }

    /**
     * The hot path: sends the page's bytes (or 304), or a 404 for a page that does not exist. The fast lane may answer
     * the same request again, for as long as {@link #current} finds this page at the workspace's fresh stamp.
     */
    public void send(Context ctx, String slug, WallState state, String variant, Rendered r) {
        if (!r.found()) {
            ctx.attribute(DECIDED_BY_STAMP, Boolean.TRUE); // this data said "none": see sendNotFound
            throw new NotFound();
        }
        if (enabled) {
            long id = state.id();
            String key = id + "|" + variant;
            lane.remember(ctx, CachedResponse.REVALIDATED, () -> current(slug, id, key));
        }
        r.response().writeTo(ctx);
    }

    /**
     * Sends a site's 404 page, rendered at {@code state} as the {@code variant} page. The fast lane may answer the same
     * request again while that page stays current, but only for a 404 that lasts as long: no route has the path
     * ({@link SiteNotFound#NO_ROUTE}), or {@link #send} found no such page in the data of a stamp. Any other 404 (an
     * unknown referral code, a case study) is decided by data the stamp does not cover, so it takes the full path.
     */
    public void sendNotFound(Context ctx, String slug, WallState state, String variant, Rendered page) {
        ctx.status(404).contentType(page.response().contentType()).result(page.response().bytes());
        boolean lasting = Boolean.TRUE.equals(ctx.attribute(SiteNotFound.NO_ROUTE))
                || Boolean.TRUE.equals(ctx.attribute(DECIDED_BY_STAMP));
        if (enabled && lasting) {
            long id = state.id();
            String key = id + "|" + variant;
            lane.rememberNotFound(ctx, () -> current(slug, id, key));
        }
    }

    /**
     * The cached bytes of a page while its workspace's stamp needs no re-read and the page was rendered at that stamp
     * for the same workspace (a slug may pass to another one); else null, and the full path decides. Never queries.
     */
    private CachedResponse current(String slug, long id, String key) {
        Checked c = bySlug.getIfPresent(slug);
        if (c == null || c.state().id() != id || nanos.getAsLong() - c.checkedAt() >= REVALIDATE.toNanos()) return null;
        Rendered r = pages.getIfPresent(key);
        return r != null && r.found() && r.stamp().equals(c.state().stamp()) ? r.response() : null;
    }

    /** The workspace's summary as of this stamp, computed by {@code load} when the stamp moved. */
    public Summary summary(WallState state, Function<WallState, Summary> load) {
        Summary s = summaries.getIfPresent(state.id());
        if (s != null && s.stamp().equals(state.stamp())) return s;
        return summaries.asMap().compute(state.id(), (k, old) -> old != null && old.stamp().equals(state.stamp()) ? old : load.apply(state));
    }

    /** Forgets everything of one workspace (after a change in this process). */
    public void invalidate(long workspaceId) {
        invalidations.incrementAndGet();
        summaries.invalidate(workspaceId);
        bySlug.asMap().values().removeIf(c -> c.state().id() == workspaceId);
        String prefix = workspaceId + "|";
        pages.asMap().keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** After a settings change in this process the wall must show it at once (other processes: within a second). */
    public void afterSettings(Context ctx) {
        CurrentUser u = CurrentUser.of(ctx);
        if (u != null && "POST".equals(ctx.method().name())) invalidate(u.workspaceId());
    }

    /** Builds the cache entry of freshly rendered text. */
    public static Rendered rendered(String text, String contentType, WallState state) {
        return rendered(text.getBytes(StandardCharsets.UTF_8), contentType, state);
    }

    /** Builds the cache entry of freshly rendered bytes. */
    public static Rendered rendered(byte[] bytes, String contentType, WallState state) {
        Instant modified = state.updatedAt().truncatedTo(ChronoUnit.SECONDS);
        return new Rendered(CachedResponse.of(bytes, contentType, modified), state.stamp());
    }
}
