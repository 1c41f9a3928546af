package io.goodword.sitemap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code /robots.txt} and {@code /sitemap.xml}: crawlers are pointed at the walls, testimonials and case studies, and
 * kept out of the admin, the forms and every private link (which also answer {@code noindex}, see SecurityHeaders).
 * The sitemap is built at most every few minutes, whatever the crawlers do: one build reads every public row.
 */
public final class SiteIndexController {
    private static final Duration REBUILD_AFTER = Duration.ofMinutes(10);
    /** Paths no crawler needs: the admin, sign-in, forms, private links (tokens), the widget's frame. */
    private static final List<String> DISALLOWED = List.of("/admin", "/login", "/signup", "/password/", "/c/", "/u/",
            "/r/", "/approve/", "/testimonial/edit/", "/reward/", "/embed/", "/p/*/review", "/p/*/contact");

    private final SiteIndex index;
    private final String baseUrl;
    private final Cache<String, byte[]> built = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(REBUILD_AFTER).build();

    public SiteIndexController(SiteIndex index, String baseUrl) {
        this.index = index;
        this.baseUrl = baseUrl;
    }

    public void robots(Context ctx) {
        StringBuilder out = new StringBuilder("User-agent: *\n");
        for (String path : DISALLOWED) out.append("Disallow: ").append(path).append('\n');
        out.append("Allow: /\n\nSitemap: ").append(baseUrl).append("/sitemap.xml\n");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(out.toString());
    }

    public void sitemap(Context ctx) {
        byte[] xml = built.get("sitemap", k -> SitemapXml.write(baseUrl, index.entries()).getBytes(StandardCharsets.UTF_8));
        ctx.header("Cache-Control", "public, max-age=600");
        ctx.contentType("application/xml; charset=utf-8");
        ctx.result(xml);
    }
}
