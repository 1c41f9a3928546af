package io.goodword.testimonial;

import gg.jte.TemplateEngine;
import io.goodword.account.PublicSites;
import io.goodword.account.WorkspaceDao;
import io.goodword.security.FormGuard;
import io.goodword.web.I18n;
import io.goodword.web.SiteNotFound;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The testimonial feature's controllers, wired once: the public site's cached pages (wall, single, feed, widget),
 * the collection form and edit link, and the admin's moderation, import/export and set-up. {@code cache} is the
 * public cache, which the route table invalidates after a settings change; {@code siteNotFound} draws a site's 404
 * from it.
 */
public record TestimonialControllers(TestimonialWallController wall, TestimonialEmbedController embed,
                                     TestimonialFeedController feed, TestimonialReviewController review,
                                     TestimonialEditLinkController editLink, TestimonialModerationController moderation,
                                     TestimonialImportController imports, TestimonialSetupController setup,
                                     AuthorLinkController author, ConfirmLinkController confirm, PublicCache cache,
                                     SiteNotFound siteNotFound) {

    public static TestimonialControllers wire(Jdbi jdbi, TestimonialService service, PublicCache cache, PublicSites sites,
                                              WorkspaceDao workspaces, FormGuard guard, TemplateEngine templates,
                                              I18n i18n, Clock clock, String baseUrl, String homeSlug) {
        TestimonialDao dao = jdbi.onDemand(TestimonialDao.class);
        PublicChanges changes = new PublicChanges(jdbi, cache);
        AuthorControl author = new AuthorControl(changes, service.mails(), workspaces, clock);
        ClientConfirmation confirmations = new ClientConfirmation(changes, service.mails(), workspaces, clock);
        TestimonialModeration moderation = new TestimonialModeration(changes, author, clock, service.events());
        AuthorLinkController authorPage = new AuthorLinkController(sites, author, guard);
        CachedPages pages = new CachedPages(cache, jdbi.onDemand(PublicTestimonials.class), new PublicRows(jdbi), workspaces,
                sites, templates, i18n, baseUrl, homeSlug);
        return new TestimonialControllers(new TestimonialWallController(pages, sites), new TestimonialEmbedController(pages),
                new TestimonialFeedController(pages), new TestimonialReviewController(sites, service, dao, guard),
                new TestimonialEditLinkController(sites, service, author, authorPage, guard),
                new TestimonialModerationController(dao, workspaces, moderation, author, confirmations),
                new TestimonialImportController(dao, workspaces, service),
                new TestimonialSetupController(dao, workspaces, moderation, baseUrl), authorPage,
                new ConfirmLinkController(sites, confirmations, guard), cache, pages::notFound);
    }
}
