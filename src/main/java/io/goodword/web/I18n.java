package io.goodword.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Translations. Each feature keeps its own message file pair ({@code i18n/{bundle}_{lang}.properties});
 * they are merged per language at start-up. A guard test keeps the key sets of all languages equal.
 */
public final class I18n {
    public static final List<String> LANGUAGES = List.of("en", "de");
    public static final String DEFAULT_LANGUAGE = "en";
    public static final List<String> BUNDLES = List.of("core", "account", "mail", "testimonial", "client", "ask",
            "referral", "casestudy", "growth", "webhook");

    private final Map<String, Localizer> byLanguage = new HashMap<>();

    private I18n() {}

    public static I18n load() {
        I18n i18n = new I18n();
        for (String lang : LANGUAGES) {
            i18n.byLanguage.put(lang, new Localizer(lang, Map.copyOf(messages(lang))));
        }
        return i18n;
    }

    /** All keys of one language, merged from every bundle (used by the key-parity test too). */
    public static Map<String, String> messages(String lang) {
        Map<String, String> merged = new HashMap<>();
        for (String bundle : BUNDLES) {
            String resource = "i18n/" + bundle + "_" + lang + ".properties";
            try (InputStream in = I18n.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) continue;
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String key : p.stringPropertyNames()) {
                    if (merged.put(key, p.getProperty(key)) != null) {
                        throw new IllegalStateException("Message key " + key + " is defined twice (" + resource + ")");
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + resource, e);
            }
        }
        return merged;
    }

    public Localizer localizer(String lang) {
        return byLanguage.getOrDefault(supported(lang), byLanguage.get(DEFAULT_LANGUAGE));
    }

    /** The visitor's language: explicit choice (?lang, cookie), else the browser's Accept-Language, else English. */
    public String languageOf(Context ctx) {
        String chosen = ctx.queryParam("lang");
        if (chosen != null && LANGUAGES.contains(chosen)) {
            Cookies.set(ctx, "gw_lang", chosen, 365 * 24 * 3600);
            return chosen;
        }
        String cookie = ctx.cookie("gw_lang");
        if (cookie != null && LANGUAGES.contains(cookie)) return cookie;
        String header = ctx.header("Accept-Language");
        if (header != null) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                    String l = r.getRange().length() >= 2 ? r.getRange().substring(0, 2) : r.getRange();
                    if (LANGUAGES.contains(l)) return l;
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header falls back to the default
            }
        }
        return DEFAULT_LANGUAGE;
    }

    public static String supported(String lang) {
        return lang != null && LANGUAGES.contains(lang) ? lang : DEFAULT_LANGUAGE;
    }
}
