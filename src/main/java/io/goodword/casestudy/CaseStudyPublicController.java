package io.goodword.casestudy;

import io.goodword.account.Brand;
import io.goodword.account.PublicSites;
import io.goodword.security.Auth;
import io.goodword.security.CurrentUser;
import io.goodword.web.SafeJson;
import io.goodword.web.SocialMeta;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.goodword.db.NotFound;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * /p/{slug}/case-studies and /p/{slug}/case-studies/{caseSlug}, in the freelancer's public site: only published case
 * studies, in the version that was published. An unpublished one is a 404, except for a signed-in member of the same
 * workspace, who sees the current version marked as a draft (never cached, never indexed).
 */
public final class CaseStudyPublicController {
    private final CaseStudyDao dao;
    private final CaseStudyService service;
    private final PublicSites sites;
    private final Auth auth;
    private final String baseUrl;

    public CaseStudyPublicController(CaseStudyDao dao, CaseStudyService service, PublicSites sites, Auth auth,
                                     String baseUrl) {
        this.dao = dao;
        this.service = service;
        this.sites = sites;
        this.auth = auth;
        this.baseUrl = baseUrl;
    }

    public void list(Context ctx) {
        sites.resolve(ctx).ifPresent(site -> {
            String base = site.brand().caseStudiesUrl();
            List<CaseStudyPublicPages.Item> items = dao.listPublished(site.workspace().id()).stream().map(cs -> {
                CaseStudyContent c = service.content(site.workspace().id(), cs.publishedVersionId());
                return new CaseStudyPublicPages.Item(base + "/" + cs.slug(), c.title(), c.summary(), c.clientShown(),
                        c.coverUrl(), c.headlineResult());
            }).toList();
            String title = site.t().text("casestudy.public.listTitle", site.brand().name());
            Views.render(ctx, "casestudy/publicList.jte", new CaseStudyPublicPages.ListPage(site.shell(ctx, title),
                    site.brand(), items, SocialMeta.website(title,
                    site.t().text("casestudy.public.listDescription", site.brand().name()), baseUrl + base, null)));
        });
    }

    public void show(Context ctx) {
        sites.resolve(ctx).ifPresent(site -> {
            long ws = site.workspace().id();
            CaseStudy cs = dao.findBySlug(ws, ctx.pathParam("caseSlug")).orElseThrow(NotFound::new);
            if (cs.status() == CaseStatus.PUBLISHED && cs.publishedVersionId() != null) {
                render(ctx, site, cs, service.content(ws, cs.publishedVersionId()), false);
            } else if (viewerWorkspace(ctx).filter(id -> id == ws).isPresent()) {
                renderDraft(ctx, cs, service.currentContent(cs));
            } else {
                throw new NotFound();
            }
        });
    }

    /** The current version as the public page would show it, for the workspace only. */
    void renderDraft(Context ctx, CaseStudy cs, CaseStudyContent content) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        render(ctx, sites.site(ctx, cs.workspaceId()), cs, content, true);
    }

    private void render(Context ctx, PublicSites.Site site, CaseStudy cs, CaseStudyContent c, boolean draft) {
        Brand b = site.brand();
        String list = b.caseStudiesUrl();
        String canonical = baseUrl + list + "/" + c.slug();
        String image = c.coverUrl() == null ? null : baseUrl + c.coverUrl();
        CaseStudyView view = CaseStudyView.of(c, dao.publishableTestimonials(b.workspaceId(), c.testimonialIds()));
        SocialMeta meta = SocialMeta.article(c.title(), c.summary(), canonical, image).withSiteName(b.name()).withLargeImage();
        Views.render(ctx, "casestudy/public.jte", new CaseStudyPublicPages.ShowPage(site.shell(ctx, c.title()), b, view, meta,
                SafeJson.scriptBody(article(b, cs, c, canonical, image)), list, draft));
    }

    private CaseStudyPublicPages.Article article(Brand b, CaseStudy cs, CaseStudyContent c, String canonical, String image) {
        Instant published = cs.publishedAt() != null ? cs.publishedAt() : cs.createdAt();
        return new CaseStudyPublicPages.Article("https://schema.org", "Article", c.title(),
                c.summary().isBlank() ? null : c.summary(),
                new CaseStudyPublicPages.Author("Person", b.name(), baseUrl + b.wallUrl()), published.toString(),
                cs.updatedAt().toString(), canonical, canonical, image);
    }

    private Optional<Long> viewerWorkspace(Context ctx) {
        try {
            return auth.currentUser(ctx).map(CurrentUser::workspaceId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
