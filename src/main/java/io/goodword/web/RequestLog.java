package io.goodword.web;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log, cheap enough for the hot path: a request that went well is a DEBUG event, so by default (logger
 * {@code goodword.http} at INFO, see logback.xml and {@code GOODWORD_HTTP_LOG}) only client errors, server errors and
 * slow requests are formatted at all; everything goes through the asynchronous appender. Paths pass through
 * {@link LogPaths}, so no token link ever reaches the log.
 */
public final class RequestLog {
    /** A request slower than this is worth a line whatever its status. */
    public static final long SLOW_MS = 1000;
    private static final Logger log = LoggerFactory.getLogger("goodword.http");

    private RequestLog() {}

    public static void log(Context ctx, float ms) {
        log(ctx.method().name(), ctx.path(), ctx.status().getCode(), ms, ctx.attribute(ErrorPages.REQUEST_ID_ATTR));
    }

    /** The one place a request becomes a log line (Javalin's request logger and {@link FastLane} both end here). */
    static void log(String method, String rawPath, int status, float ms, Object requestId) {
        boolean slow = ms >= SLOW_MS;
        if (status >= 500) {
            log.warn("{} {} {} {}ms [request {}]", method, path(rawPath), status, Math.round(ms), requestId);
        } else if (status >= 400 || slow) {
            if (log.isInfoEnabled()) log.info("{} {} {} {}ms{} [request {}]", method, path(rawPath),
                    status, Math.round(ms), slow ? " slow" : "", requestId);
        } else if (log.isDebugEnabled()) {
            log.debug("{} {} {} {}ms [request {}]", method, path(rawPath), status, Math.round(ms), requestId);
        }
    }

    /** The path as the log may hold it: token links masked (see LogPaths). */
    private static String path(String path) { return LogPaths.mask(path); }
}
