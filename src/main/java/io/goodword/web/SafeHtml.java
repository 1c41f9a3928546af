package io.goodword.web;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The only door through which HTML that did not come from a template reaches a page: it is sanitized with an
 * allow-list (OWASP Java HTML Sanitizer) when the value is made, then written as is.
 */
public final class SafeHtml implements Content {
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowStandardUrlProtocols() // http, https, mailto: never javascript:
                    .allowAttributes("href", "title").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowElements("img")
                    .allowUrlProtocols("https", "http")
                    .allowAttributes("src", "alt", "title", "width", "height").onElements("img")
                    .allowElements("pre", "code", "hr", "br", "ul", "ol", "li", "blockquote", "h2", "h3", "h4")
                    .toFactory());

    private final String html;

    private SafeHtml(String html) { this.html = html; }

    /** Sanitizes untrusted HTML (e.g. rendered Markdown). */
    public static SafeHtml sanitize(String untrustedHtml) {
        return new SafeHtml(POLICY.sanitize(untrustedHtml == null ? "" : untrustedHtml));
    }

    /** Wraps HTML that was sanitized earlier by {@link #sanitize} and stored (e.g. at save time). */
    public static SafeHtml alreadySanitized(String html) {
        return new SafeHtml(html == null ? "" : html);
    }

    public String html() { return html; }

    @Override
    public void writeTo(TemplateOutput output) { output.writeContent(html); }

    @Override
    public String toString() { return html; }
}
