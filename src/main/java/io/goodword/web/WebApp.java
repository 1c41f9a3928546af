package io.goodword.web;

import gg.jte.TemplateEngine;
import io.goodword.Config;
import io.goodword.account.AccountController;
import io.goodword.account.SettingsController;
import io.goodword.ask.AskAdminController;
import io.goodword.ask.ClientFlowController;
import io.goodword.ask.UnsubscribeController;
import io.goodword.client.ClientCsvController;
import io.goodword.client.ClientListController;
import io.goodword.client.ClientPageController;
import io.goodword.client.ClientProjectController;
import io.goodword.casestudy.ApprovalController;
import io.goodword.casestudy.CaseStudyController;
import io.goodword.casestudy.CaseStudyPublicController;
import io.goodword.mail.OutboxController;
import io.goodword.media.MediaController;
import io.goodword.referral.ReferralAdminController;
import io.goodword.referral.ReferralPipelineController;
import io.goodword.referral.ReferralPublicController;
import io.goodword.security.Auth;
import io.goodword.security.SessionStorage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.rendering.template.JavalinJte;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.MDC;

import static io.javalin.apibuilder.ApiBuilder.after;
import static io.javalin.apibuilder.ApiBuilder.post;

/** The web server and the whole route table, in one place. Returns an unstarted Javalin. */
public final class WebApp {
    public static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    /** The controllers of every feature, wired in App. */
    public record Features(Auth auth, AccountController accounts, SettingsController settings, OutboxController outbox,
                           MediaController media, HealthController health, ClientListController clients,
                           ClientPageController clientPage, ClientProjectController clientProjects, ClientCsvController clientCsv,
                           AskAdminController asks, ClientFlowController clientFlow, UnsubscribeController unsubscribe,
                           CaseStudyController caseStudies, CaseStudyPublicController caseStudyPages,
                           ApprovalController caseStudyApprovals,
                           ReferralAdminController referralAdmin, ReferralPipelineController referralPipeline,
                           ReferralPublicController referralPublic,
                           io.goodword.testimonial.TestimonialWallController testimonialWall,
                           io.goodword.testimonial.TestimonialEmbedController testimonialEmbed,
                           io.goodword.testimonial.TestimonialFeedController testimonialFeed,
                           io.goodword.testimonial.TestimonialReviewController testimonialReview,
                           io.goodword.testimonial.TestimonialEditLinkController testimonialEditLink,
                           io.goodword.testimonial.TestimonialModerationController testimonialModeration,
                           io.goodword.testimonial.TestimonialImportController testimonialImport,
                           io.goodword.testimonial.TestimonialSetupController testimonialSetup,
                           io.goodword.testimonial.PublicCache publicCache,
                           io.goodword.audit.AuditLog auditLog, io.goodword.audit.AuditController audit,
                           io.goodword.data.DataController data, io.goodword.growth.DashboardController dashboard) {}

    private WebApp() {}

    public static Javalin create(Config config, DataSource sessions, I18n i18n, TemplateEngine templates, Features f) {
        boolean dev = config.appEnv() == Config.AppEnv.DEV;
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.fileRenderer(new JavalinJte(templates));
            c.http.maxRequestSize = MAX_BODY_BYTES;
            c.jetty.multipartConfig.maxFileSize(MAX_BODY_BYTES, io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(MAX_BODY_BYTES, io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            c.jetty.modifyServletContextHandler(h -> {
                h.setSessionHandler(SessionStorage.handler(sessions, config));
                h.setMaxFormContentSize((int) MAX_BODY_BYTES);
            });
            c.jetty.modifyServer(server -> {
                // Graceful stop (Javalin's server already counts requests in a StatisticsHandler): stop
                // accepting, let in-flight requests finish for up to 20 s. App's shutdown hook calls stop.
                server.setStopTimeout(20_000);
                server.setStopAtShutdown(false);
                // A request reaching a stopping server is refused by Jetty itself with a bare 503: say when to retry.
                server.setErrorHandler(new StoppingErrorHandler());
            });
            ClientIp.Trust trust = config.trustProxy();
            if (trust.enabled()) {
                c.contextResolver.ip = ctx -> ClientIp.resolve(ctx.req().getRemoteAddr(),
                        java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")), trust);
            }
            c.requestLogger.http(RequestLog::log);
            c.router.apiBuilder(() -> {
                get("/static/<path>", StaticAssets.files(dev));
                get("/favicon.ico", StaticAssets.favicon(dev));
                routes(f);
            });
        });

        // Jetty cuts every connection that is idle for 1 s once a stop begins, so a visitor whose form body is still
        // arriving (a phone on a slow network) would get a 500. 5 s covers such pauses, and still closes idle
        // keep-alive connections soon enough to exit well within Docker's default 10 s stop grace (F8 measures it).
        app.events(e -> e.serverStarted(() -> {
            for (org.eclipse.jetty.server.Connector connector : app.jettyServer().server().getConnectors()) {
                if (connector instanceof org.eclipse.jetty.server.AbstractConnector ac) ac.setShutdownIdleTimeout(5_000);
            }
        }));
        PostGate gate = new PostGate();
        // One before-handler with plain prefix tests instead of one path pattern per area: JFR showed Javalin's
        // pattern matching of the before/after filters and of the route table as the largest cost of a cached wall.
        io.javalin.http.Handler signIn = f.auth().requireSignIn();
        app.before(ctx -> {
            prepare(ctx, config, i18n, gate);
            String path = ctx.path();
            // Token links: the secret in the URL must not leak through the Referer header or a shared cache.
            if (isTokenPage(path)) tokenPage(ctx);
            if (path.equals("/admin") || path.startsWith("/admin/")) signIn.handle(ctx);
        });
        app.after(gate::leave);
        app.after("/admin/*", f.auditLog()::afterAdminRequest);
        app.after("/r/{code}", f.dashboard()::countVisit);
        app.after(ctx -> MDC.remove("requestId"));
        ErrorPages.register(app);
        return app;
    }

    private static void routes(Features f) {
        // The pages visitors and host sites load most come first: Javalin tries the routes in this order, so each
        // request of the hot path matches against a handful of patterns instead of a hundred.
        get("/p/{slug}", f.testimonialWall()::wall);
        get("/p/{slug}/t/{id}", f.testimonialWall()::single);
        get("/p/{slug}/testimonials.json", f.testimonialFeed()::feed);
        get("/p/{slug}/theme.css", f.testimonialWall()::theme);
        get("/embed/{slug}.js", f.testimonialEmbed()::loader); // before /embed/{slug}, which would match it too
        get("/embed/{slug}", f.testimonialEmbed()::widget);
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

        get("/admin", f.dashboard()::show);
        get("/admin/settings", f.settings()::show);
        post("/admin/settings", f.settings()::save);
        post("/admin/settings/logo", f.settings()::uploadLogo);
        post("/admin/settings/logo/remove", f.settings()::removeLogo);
        post("/admin/settings/email", f.settings()::changeEmail);
        post("/admin/settings/password", f.settings()::changePassword);
        get("/admin/outbox", f.outbox()::list);
        get("/admin/outbox/{id}", f.outbox()::show);

        get("/admin/clients", f.clients()::list);
        get("/admin/clients/new", f.clients()::newForm);
        post("/admin/clients", f.clients()::create);
        get("/admin/clients/export.csv", f.clientCsv()::export);
        get("/admin/clients/import", f.clientCsv()::importForm);
        post("/admin/clients/import", f.clientCsv()::importPreview);
        post("/admin/clients/import/confirm", f.clientCsv()::importConfirm);
        get("/admin/clients/{id}", f.clientPage()::show);
        get("/admin/clients/{id}/edit", f.clients()::editForm);
        post("/admin/clients/{id}", f.clients()::update);
        post("/admin/clients/{id}/check-in", f.clientPage()::sendCheckIn);
        post("/admin/clients/{id}/link", f.clientPage()::personalLink);
        post("/admin/clients/{id}/tasks/{taskId}/done", f.clientPage()::completeTask);
        post("/admin/clients/{id}/projects", f.clientPage()::createProject);
        get("/admin/clients/{id}/projects/{projectId}", f.clientProjects()::showProject);
        post("/admin/clients/{id}/projects/{projectId}", f.clientProjects()::updateProject);
        post("/admin/clients/{id}/projects/{projectId}/milestones", f.clientProjects()::addMilestone);
        post("/admin/clients/{id}/projects/{projectId}/milestones/{milestoneId}/reached", f.clientProjects()::reachMilestone);
        get("/admin/asks", f.asks()::overview);
        post("/admin/asks/{id}/cancel", f.asks()::cancel);
        get("/admin/settings/asking", f.asks()::showSettings);
        post("/admin/settings/asking", f.asks()::saveSettings);
        post("/admin/settings/asking/templates/{kind}", f.asks()::saveTemplate);
        get("/c/{token}", f.clientFlow()::show);
        post("/c/{token}/score", f.clientFlow()::score);
        post("/c/{token}/feedback", f.clientFlow()::feedback);
        post("/c/{token}/step", f.clientFlow()::next);
        get("/u/{token}", f.unsubscribe()::confirm);
        post("/u/{token}", f.unsubscribe()::unsubscribe);
        get("/admin/case-studies", f.caseStudies()::list);
        get("/admin/case-studies/new", f.caseStudies()::newForm);
        post("/admin/case-studies", f.caseStudies()::create);
        get("/admin/case-studies/{id}", f.caseStudies()::edit);
        post("/admin/case-studies/{id}", f.caseStudies()::update);
        get("/admin/case-studies/{id}/preview", f.caseStudies()::preview);
        post("/admin/case-studies/{id}/publish", f.caseStudies()::publish);
        post("/admin/case-studies/{id}/unpublish", f.caseStudies()::unpublish);
        post("/admin/case-studies/{id}/archive", f.caseStudies()::archive);
        post("/admin/case-studies/{id}/approval", f.caseStudies()::requestApproval);
        post("/admin/case-studies/{id}/versions/{versionId}/restore", f.caseStudies()::restore);
        get("/approve/{token}", f.caseStudyApprovals()::show);
        post("/approve/{token}", f.caseStudyApprovals()::answer);
        get("/p/{slug}/case-studies", f.caseStudyPages()::list);
        get("/p/{slug}/case-studies/{caseSlug}", f.caseStudyPages()::show);
        // referrals (issue 5): public landing and contact pages, then the admin
        get("/r/{code}", f.referralPublic()::landing);
        post("/r/{code}", f.referralPublic()::submitLanding);
        get("/r/{code}/thanks", f.referralPublic()::landingThanks);
        get("/p/{slug}/contact", f.referralPublic()::contact);
        post("/p/{slug}/contact", f.referralPublic()::submitContact);
        get("/p/{slug}/contact/thanks", f.referralPublic()::contactThanks);
        get("/admin/referrals", f.referralPipeline()::leads);
        get("/admin/referrals/leads/new", f.referralPipeline()::newLead);
        post("/admin/referrals/leads", f.referralPipeline()::createLead);
        get("/admin/referrals/leads/{id}", f.referralPipeline()::lead);
        post("/admin/referrals/leads/{id}/referrer", f.referralPipeline()::changeReferrer);
        post("/admin/referrals/leads/{id}/suggestion", f.referralPipeline()::suggestion);
        post("/admin/referrals/leads/{id}/invoice", f.referralPipeline()::invoicePaid);
        get("/reward/{token}", f.referralPublic()::rewardChoice);
        post("/reward/{token}", f.referralPublic()::chooseReward);
        post("/admin/referrals/leads/{id}/status", f.referralPipeline()::changeStatus);
        post("/admin/referrals/leads/{id}/note", f.referralPipeline()::addNote);
        post("/admin/referrals/leads/{id}/review", f.referralPipeline()::review);
        get("/admin/referrals/rewards", f.referralPipeline()::rewards);
        get("/admin/referrals/rewards.csv", f.referralPipeline()::rewardsCsv);
        post("/admin/referrals/rewards/{id}/approve", f.referralPipeline()::approve);
        post("/admin/referrals/rewards/{id}/fulfil", f.referralPipeline()::fulfil);
        post("/admin/referrals/rewards/{id}/cancel", f.referralPipeline()::cancel);
        get("/admin/referrals/leaderboard", f.referralPipeline()::leaderboard);
        get("/admin/referrals/program", ctx -> ctx.redirect("/admin/referrals/programs"));
        get("/admin/referrals/programs", f.referralAdmin()::programs);
        get("/admin/referrals/programs/new", f.referralAdmin()::newProgram);
        post("/admin/referrals/programs", f.referralAdmin()::createProgram);
        get("/admin/referrals/programs/{id}", f.referralAdmin()::editProgram);
        post("/admin/referrals/programs/{id}", f.referralAdmin()::updateProgram);
        post("/admin/referrals/programs/{id}/pause", f.referralAdmin()::pauseProgram);
        post("/admin/referrals/programs/{id}/resume", f.referralAdmin()::resumeProgram);
        post("/admin/referrals/settings", f.referralAdmin()::saveSettings);
        get("/admin/referrals/ambassadors", f.referralAdmin()::ambassadors);
        post("/admin/referrals/ambassadors/{clientId}/link", f.referralAdmin()::createLink);
        post("/admin/referrals/ambassadors/{clientId}/email", f.referralAdmin()::emailLink);
        // testimonials: collection form, private edit link (the public wall, page, feed and widget come first)
        get("/p/{slug}/review", f.testimonialReview()::reviewForm);
        post("/p/{slug}/review", f.testimonialReview()::submit);
        get("/p/{slug}/review/thanks", f.testimonialReview()::thanks);
        get("/testimonial/edit/{token}", f.testimonialEditLink()::editForm);
        post("/testimonial/edit/{token}", f.testimonialEditLink()::edit);
        post("/testimonial/edit/{token}/withdraw", f.testimonialEditLink()::withdraw);
        after("/admin/settings*", f.publicCache()::afterSettings);
        // testimonials: moderation (static paths before /{id})
        get("/admin/testimonials", f.testimonialModeration()::list);
        post("/admin/testimonials/bulk", f.testimonialModeration()::bulk);
        get("/admin/testimonials/new", f.testimonialImport()::newForm);
        post("/admin/testimonials/new", f.testimonialImport()::create);
        get("/admin/testimonials/import", f.testimonialImport()::importForm);
        post("/admin/testimonials/import", f.testimonialImport()::importUpload);
        post("/admin/testimonials/import/preview", f.testimonialImport()::importPreview);
        get("/admin/testimonials/export.csv", f.testimonialImport()::exportCsv);
        get("/admin/testimonials/export.json", f.testimonialImport()::exportJson);
        get("/admin/testimonials/embed", f.testimonialSetup()::embed);
        get("/admin/testimonials/collect", f.testimonialSetup()::collect);
        post("/admin/testimonials/collect", f.testimonialSetup()::savePrompt);
        get("/admin/testimonials/{id}", f.testimonialModeration()::show);
        post("/admin/testimonials/{id}/status", f.testimonialModeration()::status);
        post("/admin/testimonials/{id}/edit", f.testimonialModeration()::edit);
        post("/admin/testimonials/{id}/restore-original", f.testimonialModeration()::restoreOriginal);
        post("/admin/testimonials/{id}/tags", f.testimonialModeration()::tags);
        post("/admin/testimonials/{id}/reply", f.testimonialModeration()::reply);

        get("/admin/settings/audit", f.audit()::list);
        get("/admin/settings/export", f.data()::show);
        post("/admin/settings/export", f.data()::download);
        post("/admin/settings/import", f.data()::importArchive);
        get("/admin/clients/{id}/privacy", f.data()::privacyPage);
        post("/admin/clients/{id}/privacy/export", f.data()::privacyExport);
        post("/admin/clients/{id}/privacy/erase", f.data()::erase);
    }

    /**
     * Every GET route also answers HEAD through the same handler. Left alone, Javalin answers HEAD with 200 for any
     * path a GET route pattern matches, without running the handler, so HEAD of an unknown wall said 200.
     */
    private static void get(String path, io.javalin.http.Handler handler) {
        io.javalin.apibuilder.ApiBuilder.get(path, handler);
        io.javalin.apibuilder.ApiBuilder.head(path, handler);
    }

    static boolean isTokenPage(String path) {
        for (String prefix : LogPaths.TOKEN_PREFIXES) if (path.startsWith(prefix)) return true;
        return false;
    }

    private static void tokenPage(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
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
            throw new io.javalin.http.HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "too large");
        }
        gate.enter(ctx); // before the CSRF check, which reads the body
        Csrf.check(ctx);
    }

}
