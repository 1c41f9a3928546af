package io.goodword.web;

/**
 * Text made safe inside HTML or XML, as element content or a quoted attribute value: the one escape for markup built
 * outside a template (templates escape on their own). Numeric references for the quotes, which HTML and XML both read.
 */
public final class Markup {
    private Markup() {}

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
