package io.goodword.account;

import io.goodword.web.SitePaths;
import io.goodword.web.Csrf;
import io.goodword.web.Flash;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import io.goodword.web.Shell;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.goodword.db.NotFound;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one resolver of a freelancer's public site, {@code /p/{slug}/…} (and the widget's {@code /embed/{slug}}): the
 * slug rule, the 301 of a renamed workspace's old slug for every sub-path, the {@link Brand} and the language rule
 * (the workspace's language, with {@code ?lang=} as the visitor's override).
 */
public final class PublicSites {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** A resolved public site: whose it is, how it looks and in which language it speaks. */
    public record Site(Workspace workspace, Brand brand, Localizer t) {
        /** The layout data of a page with forms: the CSRF token on demand and the pending flash message. */
        public Shell shell(Context ctx, String title) {
            return new Shell(title, t, () -> Csrf.token(ctx), Flash.pop(ctx), null, "");
        }
    }

    private final WorkspaceDao workspaces;
    private final I18n i18n;

    public PublicSites(WorkspaceDao workspaces, I18n i18n) {
        this.workspaces = workspaces;
        this.i18n = i18n;
    }

    /** The {slug} path parameter; one that no workspace could have is a 404 before any lookup. */
    public static String slug(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (!isSlug(slug)) throw new NotFound();
        return slug;
    }

    /** Whether a workspace could have this slug at all. */
    public static boolean isSlug(String slug) { return SLUG.matcher(slug).matches(); }

    /** The site behind /p/{slug}; empty when the visitor was sent (301) to a renamed workspace's current slug. */
    public Optional<Site> resolve(Context ctx) {
        String slug = slug(ctx);
        Optional<Workspace> ws = workspaces.findBySlug(slug);
        if (ws.isEmpty()) redirectRenamed(ctx, slug);
        return ws.map(w -> site(ctx, w));
    }

    /** The site of a workspace known by id (the referral landing /r/{code}, the private edit link). */
    public Site site(Context ctx, long workspaceId) {
        return site(ctx, workspaces.findById(workspaceId).orElseThrow(NotFound::new));
    }

    public Site site(Context ctx, Workspace ws) {
        return new Site(ws, Brand.of(ws), localizer(ctx, ws.language()));
    }

    /** The workspace's language unless the visitor asked for another with {@code ?lang=}. */
    public Localizer localizer(Context ctx, String workspaceLanguage) {
        return i18n.localizer(language(ctx, workspaceLanguage));
    }

    public static String language(Context ctx, String workspaceLanguage) {
        String chosen = chosenLanguage(ctx);
        return chosen.isEmpty() ? I18n.supported(workspaceLanguage) : chosen;
    }

    /** The visitor's {@code ?lang=} when it names a language we speak, else "" (part of a cached page's key). */
    public static String chosenLanguage(Context ctx) {
        String chosen = ctx.queryParam("lang");
        return chosen != null && I18n.LANGUAGES.contains(chosen) ? chosen : "";
    }

    /** The 404 page of a freelancer's site (drawn from the cache, see testimonial.CachedPages#notFound). */
    public record SiteNotFoundPage(Shell shell, Brand brand) {}

    /** An old slug answers 301 to the same path and query under the current one; an unknown slug is a 404. */
    public void redirectRenamed(Context ctx, String slug) {
        String current = workspaces.currentSlugFor(slug).orElseThrow(NotFound::new);
        String prefix = ctx.path().startsWith("/embed/") ? "/embed/" : SitePaths.PREFIX;
        String rest = ctx.path().substring(prefix.length() + slug.length());
        String qs = ctx.queryString();
        ctx.redirect(prefix + current + rest + (qs == null ? "" : "?" + qs), HttpStatus.MOVED_PERMANENTLY);
    }
}
