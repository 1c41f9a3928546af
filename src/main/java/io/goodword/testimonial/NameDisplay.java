package io.goodword.testimonial;

import io.goodword.db.LowerCaseEnums;

/** How the author lets their name be shown: in full, as first name and initial ("Ada L."), or not at all. */
public enum NameDisplay {
    FULL, INITIAL, ANONYMOUS;

    public String db() { return LowerCaseEnums.value(this); }

    /** FULL for anything unknown (the column's default, and what every testimonial before the ledger had). */
    public static NameDisplay parse(String s) {
        if (s != null) for (NameDisplay v : values()) if (v.db().equalsIgnoreCase(s.strip())) return v;
        return FULL;
    }

    /** The name as the public may see it; "" when anonymous (pages then say "Anonymous" in their language). */
    public String shown(String name) {
        if (name == null) return "";
        return switch (this) {
            case FULL -> name;
            case ANONYMOUS -> "";
            case INITIAL -> {
                String[] parts = name.strip().split("\\s+");
                if (parts.length < 2) yield parts[0];
                String last = parts[parts.length - 1];
                yield parts[0] + " " + last.substring(0, last.offsetByCodePoints(0, 1)).toUpperCase() + ".";
            }
        };
    }
}
