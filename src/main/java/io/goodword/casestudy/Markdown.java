package io.goodword.casestudy;

import io.goodword.web.SafeHtml;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to safe HTML, done once when a case study is saved. Two locks: commonmark escapes raw HTML and drops
 * unsafe link destinations, then the allow-list in {@link SafeHtml} removes whatever is not plainly formatting.
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {}

    /** Sanitized HTML for the Markdown source; "" for blank input. */
    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) return "";
        return SafeHtml.sanitize(RENDERER.render(PARSER.parse(markdown))).html();
    }
}
