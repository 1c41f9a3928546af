package io.goodword.web;

import io.goodword.db.NotFound;
import io.goodword.db.Sql;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to a friendly page; the log gets method, route (never a token-bearing path, see LogPaths)
 * and request id, never a stack trace in a page. A database that cannot be reached is a 503 with Retry-After, logged
 * in one line: it is an outage to wait out, not a bug.
 */
public final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    static final String REQUEST_ID_ATTR = "gw.requestId";
    /** Seconds a client (or a proxy) should wait before retrying while the database is away. */
    static final int RETRY_AFTER_SECONDS = 5;

    private ErrorPages() {}

    public static void register(Javalin app, SiteNotFound siteNotFound) {
        app.exception(PostGate.Busy.class, (e, ctx) -> {
            ctx.status(429);
            ctx.header("Retry-After", String.valueOf(PostGate.RETRY_AFTER_SECONDS));
            ctx.header("Cache-Control", "no-store");
            render(ctx, 429, "overloaded");
        });
        app.exception(NotFound.class, (e, ctx) -> {
            ctx.status(HttpStatus.NOT_FOUND);
            render(ctx, 404, siteNotFound);
        });
        app.exception(HttpResponseException.class, (e, ctx) -> { // Javalin's own, e.g. for a path no route matches
            if (e instanceof EndpointNotFound) ctx.attribute(SiteNotFound.NO_ROUTE, Boolean.TRUE);
            ctx.status(e.getStatus());
            render(ctx, e.getStatus(), siteNotFound);
        });
        app.exception(Exception.class, (e, ctx) -> {
            if (isTooLarge(e)) {
                ctx.status(HttpStatus.CONTENT_TOO_LARGE);
                render(ctx, 413);
                return;
            }
            if (Sql.isUnavailable(e)) {
                log.warn("{} {} answered 503, the database is unavailable: {} [request {}]", ctx.method(), LogPaths.of(ctx),
                        Sql.rootCause(e), ctx.attribute(REQUEST_ID_ATTR));
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
                ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                ctx.header("Cache-Control", "no-store");
                render(ctx, 503);
                return;
            }
            log.error("{} {} failed [request {}]", ctx.method(), LogPaths.of(ctx), ctx.attribute(REQUEST_ID_ATTR), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
            render(ctx, 500);
        });
        for (int status : new int[] {400, 403, 404, 405, 413, 429}) {
            app.error(status, ctx -> {
                if (ctx.result() != null && !ctx.result().isEmpty() && isHtml(ctx)) return;
                render(ctx, status, siteNotFound);
            });
        }
    }

    private static boolean isHtml(Context ctx) {
        String ct = ctx.res().getContentType();
        return ct != null && ct.startsWith("text/html");
    }

    /** Multipart and form parsing report an oversized body in different exception types; all say so. */
    private static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds") && (m.contains("size") || m.contains("max")) || m.contains("too large")) return true;
        }
        return false;
    }

    public static void render(Context ctx, int status) { render(ctx, status, key(status)); }

    /** The error page, except a 404 that the freelancer's site draws itself (see {@link SiteNotFound}). */
    private static void render(Context ctx, int status, SiteNotFound siteNotFound) {
        if (status != 404 || !siteNotFound.render(ctx)) render(ctx, status);
    }

    private static String key(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 405 -> "notAllowed";
            case 413 -> "tooLarge";
            case 429 -> "tooMany";
            case 503 -> "unavailable";
            default -> "serverError";
        };
    }

    /** The error page for {@code status}, worded by {@code error.<key>.title} and {@code .body}. */
    static void render(Context ctx, int status, String key) {
        Localizer t = Views.t(ctx);
        if (t == null) { // failure before the request was set up
            ctx.contentType("text/plain; charset=utf-8").result("Error " + status);
            return;
        }
        SignedIn user = ctx.attribute(SignedIn.ATTR);
        Shell shell = new Shell(t.lookup("error." + key + ".title"), t, () -> Csrf.token(ctx), null, user, "");
        // a freelancer who followed a stale admin link stays in their admin, menu and all
        boolean admin = user != null && ctx.path().startsWith("/admin");
        ctx.render("error/error.jte", Map.of("page", new ErrorPage(shell, status, "error." + key + ".title",
                "error." + key + ".body", ctx.attribute(REQUEST_ID_ATTR), admin)));
    }
}
