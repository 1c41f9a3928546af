package io.goodword.web;

import gg.jte.TemplateEngine;
import io.goodword.Config;
import io.goodword.account.AccountController;
import io.goodword.account.SettingsController;
import io.goodword.mail.OutboxController;
import io.goodword.media.MediaController;
import io.goodword.security.Auth;
import io.goodword.security.SessionStorage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.rendering.template.JavalinJte;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static io.javalin.apibuilder.ApiBuilder.after;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

/** The web server and the whole route table, in one place. Returns an unstarted Javalin. */
public final class WebApp {
    private static final Logger log = LoggerFactory.getLogger("goodword.http");
    public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The controllers of every feature, wired in App. */
    public record Features(Auth auth, AccountController accounts, SettingsController settings, OutboxController outbox,
                           MediaController media, HealthController health,
                           io.goodword.testimonial.PublicController testimonialPublic,
                           io.goodword.testimonial.AdminController testimonialAdmin) {}

    private WebApp() {}

    public static Javalin create(Config config, DataSource sessions, I18n i18n, TemplateEngine templates, Features f) {
        boolean dev = config.appEnv() == Config.AppEnv.DEV;
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.fileRenderer(new JavalinJte(templates));
            c.http.maxRequestSize = MAX_BODY_BYTES;
            c.http.defaultContentType = "text/html; charset=utf-8";
            c.jetty.multipartConfig.maxFileSize(MAX_BODY_BYTES, io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(MAX_BODY_BYTES, io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            c.jetty.modifyServletContextHandler(h -> {
                h.setSessionHandler(SessionStorage.handler(sessions, config));
                h.setMaxFormContentSize((int) MAX_BODY_BYTES);
            });
            c.jetty.modifyServer(server -> {
                // Graceful stop: stop accepting, let in-flight requests finish (up to 20 s).
                server.setStopTimeout(20_000);
                server.setStopAtShutdown(false);
                StatisticsHandler stats = new StatisticsHandler();
                stats.setHandler(server.getHandler());
                server.setHandler(stats);
            });
            if (config.trustProxy()) {
                c.contextResolver.ip = ctx -> {
                    String fwd = ctx.header("X-Forwarded-For");
                    return fwd != null && !fwd.isBlank() ? fwd.split(",")[0].strip() : ctx.req().getRemoteAddr();
                };
            }
            c.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = dev ? "static" : "/static";
                sf.location = dev ? Location.EXTERNAL : Location.CLASSPATH;
                sf.headers = Map.of("Cache-Control", dev ? "no-cache" : "public, max-age=86400");
            });
            c.requestLogger.http((ctx, ms) -> log.info("{} {} {} {}ms [request {}]", ctx.method(), ctx.path(),
                    ctx.status().getCode(), Math.round(ms), ctx.attribute(ErrorPages.REQUEST_ID_ATTR)));
            c.router.apiBuilder(() -> routes(f));
        });

        app.before(ctx -> prepare(ctx, config, i18n));
        app.before("/admin", f.auth().requireSignIn());
        app.before("/admin/*", f.auth().requireSignIn());
        app.after(ctx -> MDC.remove("requestId"));
        ErrorPages.register(app);
        return app;
    }

    private static void routes(Features f) {
        get("/", ctx -> ctx.redirect("/admin"));
        get("/healthz", f.health()::health);
        get("/media/{name}", f.media()::show);

        get("/signup", f.accounts()::signupForm);
        post("/signup", f.accounts()::signup);
        get("/login", f.accounts()::loginForm);
        post("/login", f.accounts()::login);
        post("/logout", f.auth().logout());
        get("/password/forgot", f.accounts()::forgotForm);
        post("/password/forgot", f.accounts()::forgot);
        get("/password/reset/{token}", f.accounts()::resetForm);
        post("/password/reset/{token}", f.accounts()::reset);

        get("/admin", f.settings()::home);
        get("/admin/settings", f.settings()::show);
        post("/admin/settings", f.settings()::save);
        post("/admin/settings/logo", f.settings()::uploadLogo);
        post("/admin/settings/logo/remove", f.settings()::removeLogo);
        post("/admin/settings/email", f.settings()::changeEmail);
        post("/admin/settings/password", f.settings()::changePassword);
        get("/admin/outbox", f.outbox()::list);
        get("/admin/outbox/{id}", f.outbox()::show);

        // testimonials: public wall, page, feed, widget, collection form, private edit link
        get("/p/{slug}", f.testimonialPublic()::wall);
        get("/p/{slug}/t/{id}", f.testimonialPublic()::single);
        get("/p/{slug}/testimonials.json", f.testimonialPublic()::feed);
        get("/p/{slug}/theme.css", f.testimonialPublic()::theme);
        get("/p/{slug}/review", f.testimonialPublic()::reviewForm);
        post("/p/{slug}/review", f.testimonialPublic()::submit);
        get("/p/{slug}/review/thanks", f.testimonialPublic()::thanks);
        get("/embed/{slug}", f.testimonialPublic()::embed); // also /embed/{slug}.js, the loader
        get("/testimonial/edit/{token}", f.testimonialPublic()::editForm);
        post("/testimonial/edit/{token}", f.testimonialPublic()::edit);
        post("/testimonial/edit/{token}/withdraw", f.testimonialPublic()::withdraw);
        after("/admin/settings*", f.testimonialPublic()::afterSettings);
        // testimonials: moderation (static paths before /{id})
        get("/admin/testimonials", f.testimonialAdmin()::list);
        post("/admin/testimonials/bulk", f.testimonialAdmin()::bulk);
        get("/admin/testimonials/new", f.testimonialAdmin()::newForm);
        post("/admin/testimonials/new", f.testimonialAdmin()::create);
        get("/admin/testimonials/import", f.testimonialAdmin()::importForm);
        post("/admin/testimonials/import", f.testimonialAdmin()::importUpload);
        post("/admin/testimonials/import/preview", f.testimonialAdmin()::importConfirm);
        get("/admin/testimonials/export.csv", f.testimonialAdmin()::exportCsv);
        get("/admin/testimonials/export.json", f.testimonialAdmin()::exportJson);
        get("/admin/testimonials/embed", f.testimonialAdmin()::embed);
        get("/admin/testimonials/collect", f.testimonialAdmin()::collect);
        post("/admin/testimonials/collect", f.testimonialAdmin()::savePrompt);
        get("/admin/testimonials/{id}", f.testimonialAdmin()::show);
        post("/admin/testimonials/{id}/status", f.testimonialAdmin()::status);
        post("/admin/testimonials/{id}/edit", f.testimonialAdmin()::edit);
        post("/admin/testimonials/{id}/restore-original", f.testimonialAdmin()::restoreOriginal);
        post("/admin/testimonials/{id}/tags", f.testimonialAdmin()::tags);
        post("/admin/testimonials/{id}/reply", f.testimonialAdmin()::reply);
    }

    /** Runs before every request: request id, language, security headers, size limit, CSRF. */
    private static void prepare(Context ctx, Config config, I18n i18n) {
        String requestId = HexFormat.of().formatHex(randomBytes());
        ctx.attribute(ErrorPages.REQUEST_ID_ATTR, requestId);
        MDC.put("requestId", requestId);
        ctx.attribute(Cookies.SECURE_ATTR, config.secureCookies());
        ctx.attribute(Views.LOCALIZER_ATTR, i18n.localizer(i18n.languageOf(ctx)));
        SecurityHeaders.apply(ctx, config.secureCookies());
        if (ctx.path().startsWith("/admin")) ctx.header("Cache-Control", "no-store");
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            ctx.header("Connection", "close");
            throw new io.javalin.http.HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "too large");
        }
        Csrf.check(ctx);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
