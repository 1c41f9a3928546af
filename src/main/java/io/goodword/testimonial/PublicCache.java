package io.goodword.testimonial;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.zip.GZIPOutputStream;
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

    /**
     * Bytes ready to send (plain and gzipped, so neither is compressed per request), with their validators and the
     * Last-Modified header already formatted.
     */
    public record Rendered(byte[] bytes, byte[] gzipped, String contentType, String etag, Instant lastModified,
                           String lastModifiedHeader, String stamp) {
        public static Rendered notFound(WallState state) {
            return new Rendered(new byte[0], new byte[0], "", "", state.updatedAt(), "", state.stamp());
        }
    }

    /**
     * What every public page of a workspace shows besides its own testimonials: count and average rating and the
     * tags in use. Computed once per stamp and shared by all pages, the widget and the feed (also with
     * PUBLIC_CACHE=false, which bypasses only the page bytes): counting and averaging reads every approved
     * testimonial of the workspace, so done per render it made each render slower the bigger the workspace.
     */
    public record Summary(TestimonialDao.Aggregate aggregate, java.util.List<String> tags, String stamp) {}

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /**
     * A workspace's stamp and when it was read; {@code refreshing} lets exactly one request re-read a stale stamp
     * while the others keep answering from it (JFR under wrk: without it every request that arrived during the
     * re-read queried the database too, one in four requests of the wall).
     */
    private record Checked(WallState state, long checkedAt, java.util.concurrent.atomic.AtomicBoolean refreshing) {
        Checked(WallState state, long checkedAt) { this(state, checkedAt, new java.util.concurrent.atomic.AtomicBoolean()); }
    }

    private final Jdbi jdbi;
    private final AtomicLong invalidations = new AtomicLong();
    private final LongSupplier nanos;
    private final boolean enabled;
    private final Cache<String, Checked> bySlug = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();
    private final Cache<String, Rendered> pages = Caffeine.newBuilder()
            .maximumWeight(128L * 1024 * 1024).weigher((String k, Rendered r) -> r.bytes().length + 200)
            .expireAfterAccess(Duration.ofHours(6)).build();

    private final Cache<Long, Summary> summaries = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    public PublicCache(Jdbi jdbi) { this(jdbi, System::nanoTime, true); }

    /** {@code enabled == false} renders every page afresh: only to measure the uncached path (PUBLIC_CACHE=false). */
    public PublicCache(Jdbi jdbi, boolean enabled) { this(jdbi, System::nanoTime, enabled); }

    PublicCache(Jdbi jdbi, LongSupplier nanos) { this(jdbi, nanos, true); }

    private PublicCache(Jdbi jdbi, LongSupplier nanos, boolean enabled) {
        this.jdbi = jdbi;
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

    /** Builds the cache entry of freshly rendered text. */
    public static Rendered rendered(String text, String contentType, WallState state) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Instant modified = state.updatedAt().truncatedTo(ChronoUnit.SECONDS);
        return new Rendered(bytes, gzip(bytes), contentType, etag(bytes), modified, HTTP_DATE.format(modified), state.stamp());
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
