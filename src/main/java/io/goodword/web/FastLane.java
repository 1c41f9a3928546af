package io.goodword.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Answers a repeated read of cached bytes (the public wall, single, widget and feed, static files, a site's 404
 * page for a broken link) in Jetty, before
 * the session handler and Javalin: no routing, no filters, no context. JFR of the cached wall under wrk put Javalin's
 * path matching of routes and after-filters, its context and the session handler at more than half of the portal's
 * CPU for a request whose answer was already a byte array (bench/PROFILE.md section 9).
 *
 * <p>Only what Javalin already answered goes this way. A handler sending cached bytes {@link #remember remembers} the
 * request (its path and query exactly as they arrived) with a way to get the bytes while they are still current
 * and the headers the full path gave it (security headers and the page's own). A later GET or HEAD of the very same
 * request is then answered from here while {@code current} gives bytes; when it gives none (the data changed, the
 * stamp is due for a re-read) the request takes the full path, which renders and remembers again. So this lane
 * never queries, renders or decides anything the full path did not decide first.
 */
public final class FastLane extends HandlerWrapper {
    /** Headers {@link CachedResponse} sets itself on every answer, and those of the exchange: never replayed. */
    private static final Set<String> OWN = Set.of("etag", "last-modified", "cache-control", "vary", "content-type",
            "content-encoding", "content-length", "date", "server", "transfer-encoding", "connection", "keep-alive");

    /** {@code status} 200 (sent with validators, or 304) or 404 (a site's page for a broken link, sent as it is). */
    private record Entry(Supplier<CachedResponse> current, int status, String cacheControl, List<HttpField> headers) {}

    private final LongAdder answered = new LongAdder();
    /** Bounded: a visitor making up queries can only push older entries out, which then take the full path. */
    private final Cache<String, Entry> byRequest = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    /**
     * Called by a handler about to send {@code response}'s bytes for this GET: later reads of the same path and query
     * get the bytes {@code current} gives (null once they are no longer current), with the headers set so far.
     * Nothing is remembered for a response that sets a cookie or for any other method.
     */
    public void remember(Context ctx, String cacheControl, Supplier<CachedResponse> current) {
        remember(ctx, 200, cacheControl, current);
    }

    /**
     * The same for a 404 page about to be sent as it is (no validators, no compression, as the full path sends it):
     * only for a 404 that {@code current} guards, one that lasts exactly as long as the bytes it gives (no route has
     * the path, or the page was looked up in the very data the bytes were rendered from). A scanner probing a site
     * then costs no routing, no exception and no render.
     */
    public void rememberNotFound(Context ctx, Supplier<CachedResponse> current) { remember(ctx, 404, null, current); }

    private void remember(Context ctx, int status, String cacheControl, Supplier<CachedResponse> current) {
        if (ctx.statusCode() != status) return;
        Request base = Request.getBaseRequest(ctx.req());
        Response res = base == null ? null : base.getResponse();
        if (res == null || !"GET".equals(base.getMethod())) return;
        List<HttpField> headers = new ArrayList<>();
        for (HttpField f : res.getHttpFields()) {
            if (f.getHeader() == HttpHeader.SET_COOKIE) return;
            if (!OWN.contains(f.getLowerCaseName())) headers.add(new PreEncodedHttpField(f.getName(), f.getValue()));
        }
        // The request as it arrived (not as HomeRewrite showed it to Javalin), so / and /p/{slug} stay apart.
        byRequest.put(key(base), new Entry(current, status, cacheControl, List.copyOf(headers)));
    }

    /** How many requests this lane answered (tests tell by it which path a request took). */
    public long answered() { return answered.sum(); }

    @Override
    public void handle(String target, Request base, HttpServletRequest req, HttpServletResponse res)
            throws IOException, jakarta.servlet.ServletException {
        Entry e = readWithoutBody(base) ? byRequest.getIfPresent(key(base)) : null;
        CachedResponse current = e == null ? null : e.current().get();
        if (current == null) {
            super.handle(target, base, req, res);
            return;
        }
        long started = System.nanoTime();
        base.setHandled(true);
        answered.increment();
        HttpFields.Mutable fields = base.getResponse().getHttpFields();
        for (HttpField f : e.headers()) fields.add(f); // a fresh response holds none yet: no search needed
        try {
            if (e.status() == 200) current.writeTo(req, res, e.cacheControl());
            else current.writePlain(req, res, e.status());
        } catch (IOException gone) {
            // the visitor went away mid-answer: nothing to tell anyone
        }
        // "-": an answer from here has no request id (only the full path's filters give one); a 404 is logged at INFO.
        RequestLog.log(base.getMethod(), base.getRequestURI(), res.getStatus(), (System.nanoTime() - started) / 1e6f, "-");
    }

    private static boolean readWithoutBody(Request base) {
        String m = base.getMethod();
        return ("GET".equals(m) || "HEAD".equals(m)) && base.getContentLengthLong() <= 0
                && base.getHeader("Transfer-Encoding") == null;
    }

    private static String key(Request base) {
        String query = base.getQueryString();
        return query == null ? base.getRequestURI() : base.getRequestURI() + "?" + query;
    }
}
