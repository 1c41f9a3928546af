package io.goodword.web;

import gg.jte.support.LocalizationSupport;
import java.util.Map;

/** One language's messages; templates call {@code t.localize("key", args)} and arguments are escaped there. */
public record Localizer(String lang, Map<String, String> messages) implements LocalizationSupport {

    @Override
    public String lookup(String key) {
        return messages.getOrDefault(key, key);
    }

    /** A message as plain text with {0}, {1}… replaced, for Java-side use (emails, JSON, headers). */
    public String text(String key, Object... args) {
        String s = lookup(key);
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }
}
