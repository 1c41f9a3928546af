package io.goodword.testimonial;

import io.goodword.web.SitePaths;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.goodword.account.Brand;
import io.goodword.account.PublicSites;
import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.db.NotFound;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import io.goodword.web.Shell;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the cached public pages (wall, single, widget, feed) share: the slug → {@link WallState} lookup that keeps the
 * hot path to one in-memory lookup and a byte copy, the per-stamp summary, and rendering a template to bytes.
 */
public final class CachedPages {
    private final PublicCache cache;
    private final PublicTestimonials testimonials;
    private final PublicRows rows;
    private final WorkspaceDao workspaces;
    private final PublicSites sites;
    private final TemplateEngine templates;
    private final I18n i18n;
    final String baseUrl;
    private final String homeSlug;

    /** {@code homeSlug}: the workspace whose wall is served at {@code /} (HOME_SLUG), or null. */
    public CachedPages(PublicCache cache, PublicTestimonials testimonials, PublicRows rows, WorkspaceDao workspaces,
                PublicSites sites, TemplateEngine templates, I18n i18n, String baseUrl, String homeSlug) {
        this.cache = cache;
        this.testimonials = testimonials;
        this.rows = rows;
        this.workspaces = workspaces;
        this.sites = sites;
        this.templates = templates;
        this.i18n = i18n;
        this.baseUrl = baseUrl;
        this.homeSlug = homeSlug;
    }

    /** The wall's one address for search engines and shares: the root of the site under HOME_SLUG. */
    String wallAddress(Brand brand) {
        return baseUrl + (brand.slug().equals(homeSlug) ? "/" : brand.wallUrl());
    }

    PublicTestimonials testimonials() { return testimonials; }

    /** One page of the workspace's public list as of the summary's stamp (see {@link PublicRows#page}). */
    List<PublicTestimonial> page(PublicCache.Summary summary, String tag, int minRating, int limit, int offset) {
        return rows.page(summary.workspace().id(), tag, minRating, limit, offset, summary.listings());
    }

    /** Sends one variant of the workspace's page behind {slug}, rendering it only when its stamp moved. */
    void serve(Context ctx, String variant, Function<WallState, PublicCache.Rendered> render) {
        serve(ctx, variant, render, c -> {});
    }

    /** The same, with headers of this kind of page set once the workspace is known (not on a 301 or 404). */
    void serve(Context ctx, String variant, Function<WallState, PublicCache.Rendered> render, Consumer<Context> headers) {
        String slug = PublicSites.slug(ctx);
        Optional<WallState> state = cache.state(slug);
        if (state.isEmpty()) {
            sites.redirectRenamed(ctx, slug);
            return;
        }
        PublicCache.Rendered r = cache.page(state.get(), variant, render);
        headers.accept(ctx);
        cache.send(ctx, slug, state.get(), variant, r);
    }

    /**
     * The 404 of a broken link into an existing site ({@code /p/{slug}/…}: an unknown testimonial, page or case study,
     * a path no route matches), drawn under the freelancer's name, colours and navigation ({@link
     * io.goodword.web.SiteNotFound}). Like the site's pages it is rendered once per stamp and language and then sent
     * from memory, so a crawler or a scanner probing a site costs no query and no render. False for anything else (an
     * unknown slug, or a failing lookup): the generic page answers, which needs no database.
     */
    public boolean notFound(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith(SitePaths.PREFIX)) return false;
        int start = SitePaths.PREFIX.length();
        int end = path.indexOf('/', start);
        String slug = path.substring(start, end < 0 ? path.length() : end);
        if (!PublicSites.isSlug(slug)) return false;
        try {
            Optional<WallState> state = cache.state(slug);
            if (state.isEmpty()) return false;
            String chosen = PublicSites.chosenLanguage(ctx);
            String variant = "404|" + chosen;
            PublicCache.Rendered r = cache.page(state.get(), variant, s -> {
                Workspace ws = summary(s).workspace();
                Localizer t = localizer(ws, chosen);
                return html("account/siteNotFound.jte", new PublicSites.SiteNotFoundPage(
                        shell(t, t.text("error.notFound.title")), brand(ws, s)), s);
            });
            cache.sendNotFound(ctx, slug, state.get(), variant, r);
            return true;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CachedPages.class).warn("The site's 404 page failed; the generic one answers", e);
            return false;
        }
    }

    static Brand brand(Workspace ws, WallState state) { return Brand.of(ws, state.stamp()); }

    /** {@code chosen} is the visitor's ?lang= ("" for none), part of the page's cache key. */
    Localizer localizer(Workspace ws, String chosen) { return i18n.localizer(chosen.isEmpty() ? ws.language() : chosen); }

    /** The workspace, count, average, tags and listings of its public testimonials, once per stamp (see PublicCache.Summary). */
    PublicCache.Summary summary(WallState state) {
        return cache.summary(state, s -> new PublicCache.Summary(workspaces.findById(s.id()).orElseThrow(NotFound::new),
                testimonials.aggregate(s.id()), List.copyOf(testimonials.tags(s.id())),
                new PublicRows.Listings(tag -> rows.listing(s.id(), tag.isEmpty() ? null : tag)), s.stamp()));
    }

    /** A shell for cached pages: no flash, no user, no CSRF cookie (these pages have no forms). */
    static Shell shell(Localizer t, String title) { return new Shell(title, t, () -> "", null, null, ""); }

    /**
     * Renders straight to UTF-8: into a StringOutput, one star (★) on the wall made the whole 31 KB builder UTF-16,
     * so the final getBytes took the slow per-character path over all of it (JFR on the uncached wall: 62 % of the
     * portal's samples in String.encodeUTF8_UTF16); here each piece is encoded as it is written, the template's
     * Latin-1 text on the fast path.
     */
    PublicCache.Rendered html(String template, Object page, WallState state) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        templates.render(template, Map.of("page", page), out);
        return PublicCache.rendered(out.toByteArray(), "text/html; charset=utf-8", state);
    }

    static PublicCache.Rendered json(String json, WallState state) {
        return PublicCache.rendered(json, "application/json; charset=utf-8", state);
    }
}
