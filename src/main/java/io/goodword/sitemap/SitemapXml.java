package io.goodword.sitemap;

import io.goodword.web.Markup;

import java.util.List;

/** The sitemaps.org 0.9 document for a list of entries; every address is escaped as XML text. */
final class SitemapXml {
    private SitemapXml() {}

    static String write(String baseUrl, List<SiteIndex.Entry> entries) {
        StringBuilder out = new StringBuilder(128 + entries.size() * 96)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (SiteIndex.Entry e : entries) {
            out.append("  <url><loc>").append(Markup.escape(baseUrl + e.path())).append("</loc>");
            if (e.lastModified() != null) out.append("<lastmod>").append(e.lastModified()).append("</lastmod>");
            out.append("</url>\n");
        }
        return out.append("</urlset>\n").toString();
    }
}
