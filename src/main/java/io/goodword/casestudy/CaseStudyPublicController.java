package io.goodword.casestudy;

import io.goodword.account.AccountDao;
import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.security.Auth;
import io.goodword.security.CurrentUser;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /p/{slug}/case-studies and /p/{slug}/case-studies/{caseSlug}: only published case studies, in the version that
 * was published. An unpublished one is a 404, except for a signed-in member of the same workspace, who sees the
 * current version marked as a draft (never cached, never indexed).
 */
public final class CaseStudyPublicController {
    private final CaseStudyDao dao;
    private final CaseStudyService service;
    private final WorkspaceDao workspaces;
    private final AccountDao accounts;
    private final Auth auth;
    private final String baseUrl;

    public CaseStudyPublicController(CaseStudyDao dao, CaseStudyService service, WorkspaceDao workspaces,
                                     AccountDao accounts, Auth auth, String baseUrl) {
        this.dao = dao;
        this.service = service;
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.auth = auth;
        this.baseUrl = baseUrl;
    }

    public void list(Context ctx) {
        Optional<Workspace> found = workspaces.findBySlug(ctx.pathParam("slug"));
        if (found.isEmpty()) {
            redirectRenamed(ctx, "/case-studies");
            return;
        }
        Workspace ws = found.get();
        String base = "/p/" + ws.slug() + "/case-studies";
        List<CaseStudyPages.PublicItem> items = dao.listPublished(ws.id()).stream().map(cs -> {
            CaseStudyContent c = service.content(ws.id(), cs.publishedVersionId());
            return new CaseStudyPages.PublicItem(base + "/" + cs.slug(), c.title(), c.summary(), c.clientShown(), c.coverUrl(),
                    c.headlineResult());
        }).toList();
        Views.render(ctx, "casestudy/publicList.jte", new CaseStudyPages.PublicListPage(
                Views.shellWithTitle(ctx, Views.t(ctx).text("casestudy.public.listTitle", ws.displayName()), ""),
                ws, items, baseUrl + base, "/p/" + ws.slug()));
    }

    public void show(Context ctx) {
        Optional<Workspace> found = workspaces.findBySlug(ctx.pathParam("slug"));
        if (found.isEmpty()) {
            redirectRenamed(ctx, "/case-studies/" + ctx.pathParam("caseSlug"));
            return;
        }
        Workspace ws = found.get();
        CaseStudy cs = dao.findBySlug(ws.id(), ctx.pathParam("caseSlug")).orElseThrow(NotFoundResponse::new);
        if (cs.status() == CaseStatus.PUBLISHED && cs.publishedVersionId() != null) {
            render(ctx, ws, cs, service.content(ws.id(), cs.publishedVersionId()), false);
            return;
        }
        if (viewerWorkspace(ctx).filter(id -> id == ws.id()).isEmpty()) throw new NotFoundResponse();
        renderDraft(ctx, cs, service.currentContent(cs));
    }

    /** The current version as the public page would show it, for the workspace only. */
    void renderDraft(Context ctx, CaseStudy cs, CaseStudyContent content) {
        Workspace ws = workspaces.findById(cs.workspaceId()).orElseThrow();
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        render(ctx, ws, cs, content, true);
    }

    private void render(Context ctx, Workspace ws, CaseStudy cs, CaseStudyContent c, boolean draft) {
        String wall = "/p/" + ws.slug();
        String list = wall + "/case-studies";
        String canonical = baseUrl + list + "/" + c.slug();
        String image = c.coverUrl() == null ? null : baseUrl + c.coverUrl();
        CaseStudyView view = CaseStudyView.of(c, c.testimonialIds().isEmpty() ? List.of()
                : dao.publishableTestimonials(ws.id(), c.testimonialIds()));
        Views.render(ctx, "casestudy/public.jte", new CaseStudyPages.PublicPage(Views.shellWithTitle(ctx, c.title(), ""), ws, view,
                canonical, image, jsonLd(ws, cs, c, canonical, image), list, wall, draft));
    }

    private JsonLd jsonLd(Workspace ws, CaseStudy cs, CaseStudyContent c, String canonical, String image) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("@type", "Person");
        author.put("name", ws.displayName());
        author.put("url", baseUrl + "/p/" + ws.slug());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Article");
        data.put("headline", c.title());
        if (!c.summary().isBlank()) data.put("description", c.summary());
        data.put("author", author);
        Instant published = cs.publishedAt() != null ? cs.publishedAt() : cs.createdAt();
        data.put("datePublished", published.toString());
        data.put("dateModified", cs.updatedAt().toString());
        data.put("mainEntityOfPage", canonical);
        data.put("url", canonical);
        if (image != null) data.put("image", image);
        return JsonLd.of(data);
    }

    /** A renamed workspace keeps its old case-study URLs working. */
    private void redirectRenamed(Context ctx, String rest) {
        String current = workspaces.currentSlugFor(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        ctx.redirect("/p/" + current + rest, HttpStatus.MOVED_PERMANENTLY);
    }

    private Optional<Long> viewerWorkspace(Context ctx) {
        try {
            return auth.currentUser(ctx).map(CurrentUser::workspaceId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
