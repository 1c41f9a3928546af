package io.goodword.casestudy;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.web.SafeHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The allow-list that stands between what a freelancer types and every page that shows it. */
class MarkdownTest {

    /** Nothing executable survives: no script/iframe/object, no on* handlers, no javascript:/data: URLs, no style. */
    static void assertHarmless(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, iframe, object, embed, style, form, input, svg, math, base, link, meta")).isEmpty();
        for (Element el : doc.getAllElements()) {
            el.attributes().forEach(a -> {
                assertThat(a.getKey()).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcdoc");
                String v = a.getValue().strip().toLowerCase(java.util.Locale.ROOT);
                assertThat(v).doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
            });
        }
    }

    @Test
    void markdown_formatting_is_kept() {
        String html = Markdown.toSafeHtml("## Goal\n\n**Bold** and *italic*\n\n- one\n- two\n\n[site](https://example.com)");
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("h2").text()).isEqualTo("Goal");
        assertThat(doc.select("strong").text()).isEqualTo("Bold");
        assertThat(doc.select("em").text()).isEqualTo("italic");
        assertThat(doc.select("li")).hasSize(2);
        Element link = doc.selectFirst("a");
        assertThat(link.attr("href")).isEqualTo("https://example.com");
        assertThat(link.attr("rel")).contains("nofollow").contains("noopener");
    }

    @Test
    void javascript_links_lose_their_target() {
        String html = Markdown.toSafeHtml("[click](javascript:alert(1)) and [x](JaVaScRiPt:alert(document.cookie))");
        assertHarmless(html);
        assertThat(html.toLowerCase()).doesNotContain("javascript");
        assertThat(Jsoup.parseBodyFragment(html).text()).contains("click");
    }

    @Test
    void raw_html_in_markdown_is_shown_as_text_never_run() {
        String html = Markdown.toSafeHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
                + "<iframe src=\"https://evil.example\"></iframe>\n\n<p style=\"background:url(x)\">styled</p>");
        assertHarmless(html);
        assertThat(Jsoup.parseBodyFragment(html).select("img, p[style]")).isEmpty();
    }

    @Test
    void markdown_images_with_data_urls_or_handlers_are_neutralised() {
        String html = Markdown.toSafeHtml("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n\n"
                + "![y](https://example.com/a.png \"t\\\" onerror=\\\"alert(1)\")");
        assertHarmless(html);
    }

    @Test
    void the_sanitizer_itself_strips_what_a_renderer_bug_could_let_through() {
        // SafeHtml is the second lock: feed it hostile HTML directly, as if commonmark had passed it on.
        String html = SafeHtml.sanitize("<p onclick=\"x()\" style=\"color:red\">hi</p>"
                + "<a href=\"javascript:alert(1)\">a</a><a href=\"data:text/html,<script>alert(1)</script>\">b</a>"
                + "<img src=\"https://example.com/x.png\" onerror=\"alert(1)\"><img src=\"data:image/png;base64,AAAA\">"
                + "<script>alert(1)</script><iframe src=\"https://example.com\"></iframe><svg onload=alert(1)></svg>"
                + "<object data=\"x\"></object><style>body{}</style>").html();
        assertHarmless(html);
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("p").text()).isEqualTo("hi");
        assertThat(doc.select("img[src=https://example.com/x.png]")).hasSize(1);
        assertThat(html).doesNotContain("alert");
    }

    @Test
    void blank_markdown_renders_nothing() {
        assertThat(Markdown.toSafeHtml("  \n ")).isEmpty();
        assertThat(Markdown.toSafeHtml(null)).isEmpty();
    }
}
