package io.goodword.testimonial;

import io.goodword.web.SitePaths;
import io.goodword.account.Workspace;
import io.goodword.web.Localizer;
import io.goodword.web.SecurityHeaders;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The embeddable widget: /embed/{slug} (the framed page, served from {@link PublicCache}, the one page other sites
 * may frame) and /embed/{slug}.js (its loader, the same script for every workspace).
 */
public final class TestimonialEmbedController {
    private final CachedPages pages;
    private final byte[] loaderScript = resource("/static/js/goodword-embed.js");

    public TestimonialEmbedController(CachedPages pages) { this.pages = pages; }

    public void widget(Context ctx) {
        EmbedOptions o = EmbedOptions.from(ctx);
        pages.serve(ctx, o.variant(), s -> renderWidget(s, o), c -> {
            SecurityHeaders.allowFramingBy(c, "*");
            c.header("Cross-Origin-Resource-Policy", "cross-origin");
            c.res().setHeader("Cross-Origin-Opener-Policy", null);
        });
    }

    public void loader(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
        ctx.contentType("text/javascript; charset=utf-8");
        ctx.result(loaderScript);
    }

    private PublicCache.Rendered renderWidget(WallState state, EmbedOptions o) {
        PublicCache.Summary summary = pages.summary(state);
        Workspace ws = summary.workspace();
        Localizer t = pages.localizer(ws, "");
        String tag = o.tag().isEmpty() ? null : o.tag();
        List<PublicTestimonial> items = pages.page(summary, tag, o.minRating(), o.limit(), 0);
        PublicTestimonials.Aggregate agg = summary.aggregate();
        return pages.html("testimonial/embed.jte", new TestimonialPages.EmbedPage(t, t.lang(), CachedPages.brand(ws, state),
                items, o, agg.count(), agg.shown(t), pages.baseUrl + SitePaths.wall(ws.slug())), state);
    }

    private static byte[] resource(String path) {
        try (InputStream in = TestimonialEmbedController.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
