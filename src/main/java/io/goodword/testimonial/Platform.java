package io.goodword.testimonial;

import io.goodword.db.LowerCaseEnums;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Where an imported review was first published. Not the channel it reached us by ({@link TestimonialSource}): a
 * LinkedIn recommendation pasted by hand and one from a Senja CSV are both IMPORT, from LinkedIn. Public pages label
 * such proof with its platform, never as verified.
 */
public enum Platform {
    GOOGLE, LINKEDIN, CLUTCH, UPWORK, TRUSTPILOT, SENJA, TESTIMONIAL_TO, EMAIL, OTHER;

    /** Host suffix → platform, for a review's link. */
    private static final Map<String, Platform> HOSTS = Map.of("google.com", GOOGLE, "g.page", GOOGLE,
            "goo.gl", GOOGLE, "linkedin.com", LINKEDIN, "clutch.co", CLUTCH, "upwork.com", UPWORK,
            "trustpilot.com", TRUSTPILOT, "senja.io", SENJA, "testimonial.to", TESTIMONIAL_TO);

    public String db() { return LowerCaseEnums.value(this); }

    /** The platform's own name ("LinkedIn", "Testimonial.to"), or null for email and "other", which are none. */
    public String brand() {
        return switch (this) {
            case GOOGLE -> "Google";
            case LINKEDIN -> "LinkedIn";
            case CLUTCH -> "Clutch";
            case UPWORK -> "Upwork";
            case TRUSTPILOT -> "Trustpilot";
            case SENJA -> "Senja";
            case TESTIMONIAL_TO -> "Testimonial.to";
            case EMAIL, OTHER -> null;
        };
    }

    /** The i18n key of the label ("From LinkedIn"). */
    public String labelKey() { return "testimonial.platform." + db(); }

    /**
     * A platform named in a cell ("LinkedIn", "testimonial.to", "google_reviews", "E-Mail"), or null when the text
     * names none of ours. Spaces, dots, dashes and underscores are ignored.
     */
    public static Platform named(String s) {
        if (s == null || s.isBlank()) return null;
        String t = s.toLowerCase(Locale.ROOT).replaceAll("[\\s._-]+", "");
        if (t.startsWith("testimonialto")) return TESTIMONIAL_TO;
        if (t.equals("mail") || t.equals("email")) return EMAIL;
        for (Platform p : values()) {
            if (p != TESTIMONIAL_TO && p != EMAIL && t.startsWith(p.name().toLowerCase(Locale.ROOT))) return p;
        }
        return t.equals("other") ? OTHER : null;
    }

    /** The platform a review's http(s) link points to, or null (another site, or not a link). */
    public static Platform ofUrl(String url) {
        if (url == null || url.isBlank()) return null;
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) return null;
        String h = host.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Platform> e : HOSTS.entrySet()) {
            if (h.equals(e.getKey()) || h.endsWith("." + e.getKey())) return e.getValue();
        }
        return null;
    }

    /** The stored value, or null. */
    public static Platform parse(String s) { return LowerCaseEnums.parse(Platform.class, s); }
}
