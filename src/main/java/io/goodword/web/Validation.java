package io.goodword.web;

import java.net.URI;
import java.util.regex.Pattern;

/** Small pure checks shared by every form. */
public final class Validation {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    private Validation() {}

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s.trim()).matches();
    }

    public static boolean isHttpUrl(String s) {
        if (s == null || s.length() > 300) return false;
        try {
            URI u = new URI(s.trim());
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    public static boolean isColor(String s) { return s != null && COLOR.matcher(s).matches(); }

    /** Trimmed value, or "" for null; form records keep what the user typed. */
    public static String clean(String s) { return s == null ? "" : s.strip(); }

    public static String normalizeEmail(String s) { return clean(s).toLowerCase(java.util.Locale.ROOT); }
}
