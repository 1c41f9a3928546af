package io.goodword.testimonial;

import io.goodword.account.Workspace;
import io.goodword.web.Pager;
import io.goodword.web.SafeJson;
import io.javalin.http.Context;
import java.util.List;

/** /p/{slug}/testimonials.json: the wall as JSON for other sites, page by page, served from {@link PublicCache}. */
public final class TestimonialFeedController {
    static final int FEED_PAGE_SIZE = 100;
    private final CachedPages pages;

    public TestimonialFeedController(CachedPages pages) { this.pages = pages; }

    public void feed(Context ctx) {
        int page = Pager.param(ctx.queryParam("page"));
        pages.serve(ctx, "json|" + page, s -> renderFeed(s, page), c -> c.header("Access-Control-Allow-Origin", "*"));
    }

    private PublicCache.Rendered renderFeed(WallState state, int page) {
        PublicCache.Summary summary = pages.summary(state);
        Workspace ws = summary.workspace();
        PublicTestimonials.Aggregate agg = summary.aggregate();
        int count = Pager.counted(page, agg.count(), FEED_PAGE_SIZE, "").pages();
        List<PublicTestimonial> items = pages.page(summary, null, 1, FEED_PAGE_SIZE, (page - 1) * FEED_PAGE_SIZE);
        FeedJson feed = FeedJson.of(CachedPages.brand(ws, state), pages.baseUrl, agg, page, count, items);
        return CachedPages.json(SafeJson.write(feed), state);
    }
}
