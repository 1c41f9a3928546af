package io.goodword.testimonial;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tags are short lower-case words: letters, digits and dashes, at most 40 characters, at most 20 per testimonial. */
public final class Tags {
    public static final int MAX_TAGS = 20;

    private Tags() {}

    public static String normalize(String raw) {
        if (raw == null) return "";
        String s = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-").replaceAll("[^\\p{L}\\p{N}-]", "");
        s = s.replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    /** "Design, web  Retainer" becomes [design, web, retainer]. */
    public static List<String> parse(String raw) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null) {
            for (String part : raw.split("[,;\\n]")) {
                String t = normalize(part);
                if (!t.isEmpty() && out.size() < MAX_TAGS) out.add(t);
            }
        }
        return List.copyOf(out);
    }
}
