package io.goodword;

import io.goodword.account.AccountController;
import io.goodword.account.SettingsController;
import io.goodword.ask.AskAdminController;
import io.goodword.ask.ClientFlowController;
import io.goodword.ask.UnsubscribeController;
import io.goodword.audit.AuditController;
import io.goodword.audit.AuditLog;
import io.goodword.casestudy.CaseStudyControllers;
import io.goodword.client.ClientControllers;
import io.goodword.data.DataController;
import io.goodword.growth.DashboardController;
import io.goodword.mail.OutboxController;
import io.goodword.media.MediaController;
import io.goodword.referral.ReferralAdminController;
import io.goodword.referral.ReferralPipelineController;
import io.goodword.referral.ReferralPublicController;
import io.goodword.security.Auth;
import io.goodword.sitemap.SiteIndexController;
import io.goodword.testimonial.TestimonialControllers;
import io.goodword.web.HealthController;
import io.goodword.web.PrefixFilters;
import io.goodword.web.RouteTable;
import io.goodword.web.SecurityHeaders;
import io.goodword.webhook.WebhookController;
import java.util.List;

import static io.goodword.web.RouteTable.get;
import static io.javalin.apibuilder.ApiBuilder.after;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

/**
 * The whole route table: every URL of the product and its handler, grouped by area, then every filter that reaches
 * across features. A new page is a handler in its feature and a line here; {@link io.goodword.web.WebApp} runs it.
 *
 * <p>Javalin takes the first registered route that matches: fixed segments ({@code /new}) come before a parameter
 * at the same place ({@code /{id}}), and the pages visitors and host sites load most come first, so the hot path
 * matches a handful of patterns instead of a hundred. Every GET also answers HEAD ({@link RouteTable#get}).
 */
record Routes(Auth auth, AuditLog auditLog, HealthController health, MediaController media,
              AccountController accounts, SettingsController settings, OutboxController outbox,
              TestimonialControllers testimonials, CaseStudyControllers caseStudies,
              ReferralPublicController referralPublic, ReferralPipelineController referralPipeline,
              ReferralAdminController referralAdmin, ClientControllers clients, AskAdminController asks,
              ClientFlowController clientFlow, UnsubscribeController unsubscribe, AuditController audit,
              DataController data, DashboardController dashboard, SiteIndexController siteIndex,
              WebhookController webhooks) implements RouteTable {

    @Override
    public void endpoints() {
        publicSite();
        accountPages();
        clientLinks();
        path("/admin", () -> {
            get("", dashboard::show);
            clientsAdmin();
            testimonialsAdmin();
            caseStudiesAdmin();
            referralsAdmin();
            get("/outbox", outbox::list); get("/outbox/{id}", outbox::show);
            path("/settings", this::settingsAdmin);
        });
        crossFeatureAfterFilters();
    }

    /** A freelancer's public site, the widget host sites embed, and what every visitor may load. */
    private void publicSite() {
        var wall = testimonials.wall();
        var review = testimonials.review();
        path("/p/{slug}", () -> {
            get("", wall::wall); // the hot path: wall, single, feed, theme, widget
            get("/t/{id}", wall::single); get("/t/{id}/card.png", wall::card);
            get("/testimonials.json", testimonials.feed()::feed);
            get("/theme.css", wall::theme);
            get("/review", review::reviewForm); post("/review", review::submit); get("/review/thanks", review::thanks);
            get("/case-studies", caseStudies.pages()::list); get("/case-studies/{caseSlug}", caseStudies.pages()::show);
            get("/contact", referralPublic::contact); post("/contact", referralPublic::submitContact);
            get("/contact/thanks", referralPublic::contactThanks);
        });
        get("/embed/{slug}.js", testimonials.embed()::loader); // before /embed/{slug}, which would match it too
        get("/embed/{slug}", testimonials.embed()::widget);
        get("/", ctx -> ctx.redirect("/admin"));
        get("/healthz", health::health);
        get("/robots.txt", siteIndex::robots); get("/sitemap.xml", siteIndex::sitemap);
        get("/media/{name}", media::show);
        path("/r/{code}", () -> { // a referrer's link: the friend's landing page
            get("", referralPublic::landing); post("", referralPublic::submitLanding);
            get("/thanks", referralPublic::landingThanks);
        });
    }

    private void accountPages() {
        get("/signup", accounts::signupForm); post("/signup", accounts::signup);
        get("/login", accounts::loginForm); post("/login", accounts::login);
        post("/logout", auth.logout());
        path("/password", () -> {
            get("/forgot", accounts::forgotForm); post("/forgot", accounts::forgot);
            get("/reset/{token}", accounts::resetForm); post("/reset/{token}", accounts::reset);
        });
    }

    /** Pages behind a secret link sent by email: no account, the token is the key (see the token filters below). */
    private void clientLinks() {
        path("/c/{token}", () -> { // a client's check-in
            get("", clientFlow::show); post("/score", clientFlow::score);
            post("/feedback", clientFlow::feedback); post("/step", clientFlow::next);
        });
        get("/u/{token}", unsubscribe::confirm); post("/u/{token}", unsubscribe::unsubscribe);
        get("/approve/{token}", caseStudies.approval()::show); // a case study's client
        post("/approve/{token}", caseStudies.approval()::answer);
        path("/testimonial/edit/{token}", () -> { // the author's private link, before and after publication
            get("", testimonials.editLink()::editForm); post("", testimonials.editLink()::edit);
            post("/withdraw", testimonials.editLink()::withdraw); post("/consents", testimonials.author()::consents);
            post("/propose", testimonials.author()::propose); post("/proposals/{proposalId}", testimonials.author()::decide);
        });
        get("/testimonial/confirm/{token}", testimonials.confirm()::show); post("/testimonial/confirm/{token}", testimonials.confirm()::confirm);
        get("/reward/{token}", referralPublic::rewardChoice); post("/reward/{token}", referralPublic::chooseReward); // a referrer's choice
    }

    private void clientsAdmin() {
        var list = clients.list();
        var page = clients.page();
        var projects = clients.projects();
        path("/clients", () -> {
            get("", list::list); post("", list::create);
            get("/new", list::newForm);
            get("/export.csv", clients.csv()::export);
            get("/import", clients.csv()::importForm); post("/import", clients.csv()::importPreview);
            post("/import/confirm", clients.csv()::importConfirm);
            path("/{id}", () -> {
                get("", page::show); post("", list::update);
                get("/edit", list::editForm);
                post("/check-in", page::sendCheckIn); post("/link", page::personalLink);
                post("/tasks/{taskId}/done", page::completeTask);
                post("/projects", page::createProject);
                get("/projects/{projectId}", projects::showProject);
                post("/projects/{projectId}", projects::updateProject);
                post("/projects/{projectId}/milestones", projects::addMilestone);
                post("/projects/{projectId}/milestones/{milestoneId}/reached", projects::reachMilestone);
                get("/privacy", data::privacyPage);
                post("/privacy/export", data::privacyExport); post("/privacy/erase", data::erase);
            });
        });
        get("/asks", asks::overview);
        post("/asks/{id}/cancel", asks::cancel);
    }

    private void testimonialsAdmin() {
        var moderation = testimonials.moderation();
        var imports = testimonials.imports();
        var setup = testimonials.setup();
        path("/testimonials", () -> { // moderation; fixed paths before /{id}
            get("", moderation::list);
            post("/bulk", moderation::bulk);
            get("/new", imports::newForm); post("/new", imports::create);
            get("/import", imports::importForm); post("/import", imports::importUpload);
            post("/import/preview", imports::importPreview);
            get("/paste", imports::pasteForm); post("/paste", imports::paste);
            get("/export.csv", imports::exportCsv); get("/export.json", imports::exportJson);
            get("/embed", setup::embed); get("/collect", setup::collect); post("/collect", setup::savePrompt);
            get("/collect/qr.svg", setup::qr); get("/collect/qr.png", setup::qr);
            get("/{id}", moderation::show);
            post("/{id}/status", moderation::status);
            post("/{id}/edit", moderation::edit); post("/{id}/restore-original", moderation::restoreOriginal);
            post("/{id}/tags", moderation::tags); post("/{id}/reply", moderation::reply);
            post("/{id}/proposals/{proposalId}", moderation::decide); post("/{id}/confirmation", moderation::requestConfirmation);
        });
    }

    private void caseStudiesAdmin() {
        var editor = caseStudies.editor();
        path("/case-studies", () -> {
            get("", editor::list); post("", editor::create);
            get("/new", editor::newForm);
            get("/{id}", editor::edit); post("/{id}", editor::update);
            get("/{id}/preview", editor::preview);
            post("/{id}/publish", editor::publish); post("/{id}/unpublish", editor::unpublish);
            post("/{id}/archive", editor::archive);
            post("/{id}/approval", editor::requestApproval);
            post("/{id}/versions/{versionId}/restore", editor::restore);
        });
    }

    private void referralsAdmin() {
        path("/referrals", () -> {
            get("", referralPipeline::leads);
            get("/leads/new", referralPipeline::newLead); post("/leads", referralPipeline::createLead);
            path("/leads/{id}", () -> {
                get("", referralPipeline::lead);
                post("/referrer", referralPipeline::changeReferrer); post("/suggestion", referralPipeline::suggestion);
                post("/invoice", referralPipeline::invoicePaid); post("/status", referralPipeline::changeStatus);
                post("/note", referralPipeline::addNote);
                post("/review", referralPipeline::review); post("/client", referralPipeline::convertToClient);
            });
            get("/rewards", referralPipeline::rewards); get("/rewards.csv", referralPipeline::rewardsCsv);
            post("/rewards/{id}/approve", referralPipeline::approve); post("/rewards/{id}/fulfil", referralPipeline::fulfil);
            post("/rewards/{id}/cancel", referralPipeline::cancel);
            get("/leaderboard", referralPipeline::leaderboard);
            get("/program", ctx -> ctx.redirect("/admin/referrals/programs"));
            get("/programs", referralAdmin::programs); post("/programs", referralAdmin::createProgram);
            get("/programs/new", referralAdmin::newProgram);
            get("/programs/{id}", referralAdmin::editProgram); post("/programs/{id}", referralAdmin::updateProgram);
            post("/programs/{id}/pause", referralAdmin::pauseProgram); post("/programs/{id}/resume", referralAdmin::resumeProgram);
            post("/settings", referralAdmin::saveSettings); get("/ambassadors", referralAdmin::ambassadors);
            post("/ambassadors/{clientId}/link", referralAdmin::createLink);
            post("/ambassadors/{clientId}/email", referralAdmin::emailLink);
            get("/links/{code}/qr.svg", referralAdmin::qr); get("/links/{code}/qr.png", referralAdmin::qr);
        });
    }

    /** /admin/settings: the workspace and account, asking, the audit log, export and import, webhooks. */
    private void settingsAdmin() {
        get("", settings::show); post("", settings::save); post("/logo", settings::uploadLogo);
        post("/email", settings::changeEmail); post("/password", settings::changePassword);
        get("/asking", asks::showSettings); post("/asking", asks::saveSettings);
        post("/asking/templates/{kind}", asks::saveTemplate);
        get("/audit", audit::list);
        get("/export", data::show); post("/export", data::download); post("/import", data::importArchive);
        get("/webhooks", webhooks::list); post("/webhooks", webhooks::create); get("/webhooks/{id}", webhooks::show);
        post("/webhooks/{id}/pause", webhooks::pause); post("/webhooks/{id}/resume", webhooks::resume);
        post("/webhooks/{id}/secret", webhooks::rotate); post("/webhooks/{id}/test", webhooks::test);
        post("/webhooks/{id}/delete", webhooks::delete);
    }

    // ------------------------------------------------------------------ filters that reach across features

    /** Run in this order before the handler, by plain prefix tests (see {@link PrefixFilters}). */
    @Override
    public void beforeFilters(PrefixFilters before) {
        // Token links: the secret in the URL must not leak through the Referer header or a shared cache.
        for (String tokenLink : List.of("/c/", "/u/", "/approve/", "/testimonial/", "/reward/", "/password/reset/")) {
            before.on(tokenLink, SecurityHeaders::tokenPage);
        }
        // The whole admin needs a signed-in user; last, since it may send the visitor to /login.
        before.on("/admin", auth.requireSignIn());
    }

    /**
     * After the handler, as Javalin path patterns ({@code countVisit} reads the {@code {code}} it counts): the audit
     * of every admin change its handler did not record, a referral link's visits for the dashboard, and the public
     * pages' cache, stale after a new name, logo or colour.
     */
    private void crossFeatureAfterFilters() {
        after("/admin/*", auditLog::afterAdminRequest);
        after("/r/{code}", dashboard::countVisit);
        after("/admin/settings*", testimonials.cache()::afterSettings);
    }
}
