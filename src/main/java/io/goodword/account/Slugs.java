package io.goodword.account;

import java.util.Set;
import java.util.regex.Pattern;

/** Rules for a workspace's public name, e.g. /p/ada-lovelace. */
public final class Slugs {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9-]{3,40}");
    /** Words that are, or may become, paths of the portal itself. */
    static final Set<String> RESERVED = Set.of("admin", "login", "logout", "signup", "api", "static", "embed", "media",
            "healthz", "p", "c", "r", "t", "www", "mail", "help", "support", "settings", "account", "accounts",
            "password", "reset", "assets", "public", "goodword", "root", "system", "about", "terms", "privacy",
            "blog", "docs", "status", "unsubscribe", "null", "undefined", "new", "edit");

    private Slugs() {}

    /** Null when fine, else the message key of the problem. */
    public static String problem(String slug) {
        if (slug == null || slug.isBlank()) return "error.required";
        if (!SHAPE.matcher(slug).matches()) return "error.slug.shape";
        if (slug.startsWith("-") || slug.endsWith("-")) return "error.slug.shape";
        if (RESERVED.contains(slug)) return "error.slug.reserved";
        return null;
    }
}
