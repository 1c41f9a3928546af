package io.goodword.testimonial;

import io.goodword.account.Brand;
import io.goodword.account.BrandColors;
import io.goodword.account.PublicSites;
import io.goodword.account.Workspace;
import io.goodword.web.Localizer;
import io.goodword.web.Pager;
import io.goodword.web.Params;
import io.goodword.web.SafeJson;
import io.goodword.web.SocialMeta;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wall of love /p/{slug}, a page per testimonial /p/{slug}/t/{id} and the brand colour /p/{slug}/theme.css.
 * Wall and single are served from {@link PublicCache}: one lookup and the bytes, per request.
 */
public final class TestimonialWallController {
    static final int WALL_PAGE_SIZE = 24;

    private final CachedPages pages;
    private final PublicSites sites;

    public TestimonialWallController(CachedPages pages, PublicSites sites) {
        this.pages = pages;
        this.sites = sites;
    }

    public void wall(Context ctx) {
        int page = Pager.param(ctx.queryParam("page"));
        String tag = Tags.normalize(ctx.queryParam("tag"));
        String lang = PublicSites.chosenLanguage(ctx);
        pages.serve(ctx, "wall|" + page + "|" + tag + "|" + lang, s -> renderWall(s, page, tag, lang));
    }

    public void single(Context ctx) {
        long id = Params.id(ctx, "id");
        String lang = PublicSites.chosenLanguage(ctx);
        // Cached like the wall (issue 15): rendered once per workspace stamp, not on every visit.
        pages.serve(ctx, "single|" + id + "|" + lang, s -> renderSingle(s, id, lang));
    }

    /**
     * /p/{slug}/t/{id}/card.png: the testimonial as a picture for link previews and social posts ({@link ShareCard}),
     * drawn once per stamp like the page; a testimonial the public may not see is a 404 here too.
     */
    public void card(Context ctx) {
        long id = Params.id(ctx, "id");
        // one variant per testimonial (in the workspace's language): a picture costs ~20 ms to draw, so no ?lang= copies
        pages.serve(ctx, "card|" + id, s -> renderCard(s, id));
    }

    /** /p/{slug}/theme.css: the brand colour as a CSS variable (CSP allows no inline style). */
    public void theme(Context ctx) {
        sites.resolve(ctx).ifPresent(site -> {
            // A versioned link (?v=) changes with the brand, so it may be cached for good; an unversioned one is revalidated.
            ctx.header("Cache-Control", ctx.queryParam("v") != null ? "public, max-age=31536000, immutable" : "no-cache");
            ctx.contentType("text/css; charset=utf-8");
            ctx.result(BrandColors.css(site.workspace().brandColor()));
        });
    }

    private PublicCache.Rendered renderWall(WallState state, int page, String tag, String lang) {
        PublicCache.Summary summary = pages.summary(state);
        Workspace ws = summary.workspace();
        Localizer t = pages.localizer(ws, lang);
        String tagOrNull = tag.isEmpty() ? null : tag;
        PublicTestimonials.Aggregate agg = summary.aggregate();
        // an unknown tag is a 404 before its list is read: only tags in use are held in the summary's listings
        if (tagOrNull != null && !summary.tags().contains(tagOrNull)) return PublicCache.Rendered.notFound(state);
        long total = tagOrNull == null ? agg.count() : summary.listings().of(tagOrNull).count();
        Pager pager = Pager.counted(page, total, WALL_PAGE_SIZE, tagOrNull == null ? "" : "?tag=" + tagOrNull);
        if (page > pager.pages()) return PublicCache.Rendered.notFound(state);
        List<PublicTestimonial> items = pages.page(summary, tagOrNull, 1, WALL_PAGE_SIZE, (page - 1) * WALL_PAGE_SIZE);
        Brand brand = CachedPages.brand(ws, state);
        String title = t.text("testimonial.wall.title", ws.displayName());
        String description = !ws.headline().isBlank() ? ws.headline()
                : t.text("testimonial.wall.description", ws.displayName(), agg.shown(t), agg.count());
        // a link to the wall previews as its first testimonial's picture (words say more than a logo cropped square)
        boolean card = ShareCard.AVAILABLE && !items.isEmpty();
        String image = card ? ShareCard.path(single(brand, items.get(0).id())) : brand.logoUrl();
        SocialMeta meta = SocialMeta.website(title, description, pages.wallAddress(brand) + query(tagOrNull, page),
                image == null ? null : pages.baseUrl + image);
        if (card) meta = meta.withLargeImage();
        return pages.html("testimonial/wall.jte", new TestimonialPages.WallPage(CachedPages.shell(t, title), brand, items,
                agg.count(), agg.shown(t), summary.tags(), tagOrNull,
                pager, meta,
                SafeJson.scriptBody(StructuredData.wall(brand, pages.baseUrl, agg, items))), state);
    }

    private PublicCache.Rendered renderSingle(WallState state, long id, String lang) {
        Workspace ws = pages.summary(state).workspace();
        Localizer t = pages.localizer(ws, lang);
        Optional<PublicTestimonial> found = pages.testimonials().one(ws.id(), id);
        if (found.isEmpty()) return PublicCache.Rendered.notFound(state);
        PublicTestimonial item = found.get();
        Brand brand = CachedPages.brand(ws, state);
        String title = t.text("testimonial.single.title", item.shownName(t), ws.displayName());
        // the card shows the words themselves in a preview; without fonts to draw it, the photo or the logo
        String image = ShareCard.AVAILABLE ? ShareCard.path(single(brand, id))
                : item.photoUrl() != null ? item.photoUrl() : brand.logoUrl();
        SocialMeta meta = SocialMeta.article(title, shortened(item.text()), pages.baseUrl + single(brand, id),
                image == null ? null : pages.baseUrl + image);
        if (ShareCard.AVAILABLE) {
            meta = meta.withLargeImage().withImageFacts(ShareCard.WIDTH, ShareCard.HEIGHT,
                    t.text("testimonial.card.alt", item.shownName(t), item.rating(), shortened(item.text())));
        }
        return pages.html("testimonial/single.jte", new TestimonialPages.SinglePage(CachedPages.shell(t, title), brand, item,
                meta, SafeJson.scriptBody(StructuredData.review(brand, pages.baseUrl, item, true))), state);
    }

    private PublicCache.Rendered renderCard(WallState state, long id) {
        Workspace ws = pages.summary(state).workspace();
        Optional<PublicTestimonial> found = ShareCard.AVAILABLE ? pages.testimonials().one(ws.id(), id) : Optional.empty();
        if (found.isEmpty()) return PublicCache.Rendered.notFound(state);
        Localizer t = pages.localizer(ws, "");
        byte[] png = ShareCard.png(found.get(), found.get().shownName(t), ws.displayName(), ws.brandColor());
        return PublicCache.rendered(png, "image/png", state);
    }

    /** A testimonial's own page, {@code /p/{slug}/t/{id}}. */
    private static String single(Brand brand, long id) { return brand.testimonialUrl(id); }

    /** A search-result description: at most 200 characters, never cutting a character in two. */
    static String shortened(String text) {
        if (text.codePointCount(0, text.length()) <= 200) return text;
        return text.substring(0, text.offsetByCodePoints(0, 200)) + "…";
    }

    private static String query(String tag, int page) {
        List<String> q = new ArrayList<>();
        if (tag != null) q.add("tag=" + tag);
        if (page > 1) q.add("page=" + page);
        return q.isEmpty() ? "" : "?" + String.join("&", q);
    }
}
