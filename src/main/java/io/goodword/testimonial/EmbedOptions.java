package io.goodword.testimonial;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The widget's options from its query string, each normalised to a known value so the cache stays small. */
public record EmbedOptions(String layout, String theme, String tag, int limit, int minRating) {
    public static final List<String> LAYOUTS = List.of("list", "grid", "carousel");
    public static final List<String> THEMES = List.of("light", "dark");

    public static EmbedOptions defaults() { return new EmbedOptions("list", "light", "", 6, 1); }

    public static EmbedOptions from(Context ctx) {
        String layout = ctx.queryParam("layout");
        String theme = ctx.queryParam("theme");
        return new EmbedOptions(layout != null && LAYOUTS.contains(layout) ? layout : "list",
                theme != null && THEMES.contains(theme) ? theme : "light",
                Tags.normalize(ctx.queryParam("tag")), clamp(ctx.queryParam("limit"), 1, 50, 6),
                clamp(ctx.queryParam("minRating"), 1, 5, 1));
    }

    private static int clamp(String raw, int min, int max, int fallback) {
        if (raw == null || raw.isBlank()) return fallback;
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(raw.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The cache key of this variant. */
    public String variant() { return "embed|" + layout + "|" + theme + "|" + tag + "|" + limit + "|" + minRating; }

    public String query() {
        return "?layout=" + layout + "&theme=" + theme + (tag.isEmpty() ? "" : "&tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8))
                + "&limit=" + limit + "&minRating=" + minRating;
    }

    /** The data attributes of the copy-paste snippet (the loader turns them back into this query). */
    public String dataAttributes() {
        return "data-layout=\"" + layout + "\" data-theme=\"" + theme + "\"" + (tag.isEmpty() ? "" : " data-tag=\"" + tag + "\"")
                + " data-limit=\"" + limit + "\" data-min-rating=\"" + minRating + "\"";
    }
}
