package io.goodword.web;

import gg.jte.TemplateEngine;
import io.goodword.Config;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.rendering.template.JavalinJte;
import java.util.Collections;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.server.session.SessionHandler;
import org.slf4j.MDC;

import static io.goodword.web.RouteTable.get;
import static io.javalin.apibuilder.ApiBuilder.after;

/**
 * The web server: Jetty and Javalin set-up, rendering, error pages and the filters every request passes. The routes
 * come from the composition root ({@link RouteTable}, io.goodword.Routes); this package knows no feature.
 */
public final class WebApp {
    public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    private WebApp() {}

    /**
     * An unstarted server for {@code routes}; {@code sessions} keeps the sign-in sessions (security/SessionStorage),
     * {@code siteNotFound} draws the 404 of a freelancer's own site, {@code lane} answers repeated reads of cached
     * bytes before Javalin.
     */
    public static Javalin create(Config config, SessionHandler sessions, I18n i18n, TemplateEngine templates,
                                 RouteTable routes, SiteNotFound siteNotFound, FastLane lane) {
        boolean dev = config.appEnv() == Config.AppEnv.DEV;
        PostGate gate = new PostGate();
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.fileRenderer(new JavalinJte(templates));
            c.http.maxRequestSize = MAX_BODY_BYTES;
            c.jetty.multipartConfig.maxFileSize(MAX_BODY_BYTES, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(MAX_BODY_BYTES, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            c.jetty.modifyServletContextHandler(h -> {
                h.setSessionHandler(sessions);
                h.setMaxFormContentSize((int) MAX_BODY_BYTES);
                if (config.homeSlug() != null) {
                    h.addFilter(new org.eclipse.jetty.servlet.FilterHolder(new HomeRewrite(config.homeSlug())), "/*",
                            java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
                }
            });
            c.jetty.modifyServer(server -> {
                // Graceful stop (Javalin's server already counts requests in a StatisticsHandler): stop
                // accepting, let in-flight requests finish for up to 20 s. App's shutdown hook calls stop.
                server.setStopTimeout(20_000);
                server.setStopAtShutdown(false);
                // A request reaching a stopping server is refused by Jetty itself with a bare 503: say when to retry.
                server.setErrorHandler(new StoppingErrorHandler());
                // Inside the StatisticsHandler (so a graceful stop waits for its answers too), before the session
                // handler and Javalin's servlet, which Javalin then attaches inside it.
                ((HandlerWrapper) server.getHandler()).setHandler(lane);
            });
            ClientIp.Trust trust = config.trustProxy();
            if (trust.enabled()) {
                c.contextResolver.ip = ctx -> ClientIp.resolve(ctx.req().getRemoteAddr(),
                        Collections.list(ctx.req().getHeaders("X-Forwarded-For")), trust);
            }
            c.requestLogger.http(RequestLog::log);
            c.router.apiBuilder(() -> {
                get("/static/<path>", StaticAssets.files(dev, lane));
                get("/favicon.ico", StaticAssets.favicon(dev, lane));
                after(gate::leave); // first of the after-filters: a post's turn ends as soon as it is answered
                routes.endpoints();
            });
        });

        GracefulStop.configure(app);
        PrefixFilters before = new PrefixFilters();
        routes.beforeFilters(before);
        // One before-handler with plain prefix tests instead of one path pattern per filter: JFR showed Javalin's
        // pattern matching of the before/after filters and of the route table as the largest cost of a cached wall.
        app.before(ctx -> {
            prepare(ctx, config, i18n, gate);
            before.run(ctx);
        });
        app.after(ctx -> MDC.remove("requestId"));
        ErrorPages.register(app, siteNotFound);
        return app;
    }

    /** Runs before every request: request id, language, security headers, size limit, a turn for a post, CSRF. */
    private static void prepare(Context ctx, Config config, I18n i18n, PostGate gate) {
        // Only for matching log lines to a report: needs to be unique-ish, not unguessable.
        String requestId = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffffL);
        ctx.attribute(ErrorPages.REQUEST_ID_ATTR, requestId);
        MDC.put("requestId", requestId);
        ctx.attribute(Cookies.SECURE_ATTR, config.secureCookies());
        ctx.attribute(Views.I18N_ATTR, i18n);
        SecurityHeaders.apply(ctx, config.secureCookies());
        if (ctx.path().startsWith("/admin")) ctx.header("Cache-Control", "no-store");
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            ctx.header("Connection", "close");
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "too large");
        }
        gate.enter(ctx); // before the CSRF check, which reads the body
        Csrf.check(ctx);
    }

}
