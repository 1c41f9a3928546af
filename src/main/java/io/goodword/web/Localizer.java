package io.goodword.web;

import gg.jte.support.LocalizationSupport;
import java.util.Map;

/** One language's messages; templates call {@code t.localize("key", args)} and arguments are escaped there. */
public record Localizer(String lang, Map<String, String> messages) implements LocalizationSupport {

    /**
     * The message for a template. jte outputs it as trusted markup, so a key that is not a message (e.g. built from a
     * status column holding something unexpected) comes back HTML-escaped: visible as a bug, never as markup.
     */
    @Override
    public String lookup(String key) {
        String message = messages.get(key);
        return message != null ? message : escape(key);
    }

    /** A message as plain text with {0}, {1}… replaced, for Java-side use (emails, JSON, headers). */
    public String text(String key, Object... args) {
        String s = messages.getOrDefault(key, key);
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    static String escape(String s) {
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
