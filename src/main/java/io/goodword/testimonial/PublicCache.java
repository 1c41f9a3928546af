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

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private record Checked(WallState state, long checkedAt) {}

    private final Jdbi jdbi;
    private final AtomicLong invalidations = new AtomicLong();
    private final LongSupplier nanos;
    private final boolean enabled;
    private final Cache<String, Checked> bySlug = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();
    private final Cache<String, Rendered> pages = Caffeine.newBuilder()
            .maximumWeight(128L * 1024 * 1024).weigher((String k, Rendered r) -> r.bytes().length + 200)
            .expireAfterAccess(Duration.ofHours(6)).build();

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
        long generation = invalidations.get();
        Optional<WallState> fresh = jdbi.withExtension(TestimonialDao.class, dao -> dao.wallState(slug));
        if (fresh.isEmpty()) {
            bySlug.invalidate(slug);
            return fresh;
        }
        // A change committed while we were reading must not be hidden behind what we read before it.
        if (invalidations.get() == generation) bySlug.put(slug, new Checked(fresh.get(), now));
        return fresh;
    }

    /** The cached bytes of one variant of a workspace's page, rendered afresh when the stamp moved. */
    public Rendered page(WallState state, String variant, Function<WallState, Rendered> render) {
        if (!enabled) return render.apply(state);
        String key = state.id() + "|" + variant;
        Rendered r = pages.getIfPresent(key);
        if (r != null && r.stamp().equals(state.stamp())) return r;
        r = render.apply(state);
        pages.put(key, r);
        return r;
    }

    /** Forgets everything of one workspace (after a change in this process). */
    public void invalidate(long workspaceId) {
        invalidations.incrementAndGet();
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
