package io.goodword.testimonial;

import io.goodword.db.LowerCaseEnums;

/** How a testimonial arrived: the open form, a personal request link (verified), by hand, or a CSV import. */
public enum TestimonialSource {
    FORM, LINK, MANUAL, IMPORT;

    public String db() { return LowerCaseEnums.value(this); }

    public static TestimonialSource parse(String s) {
        if (s == null) return null;
        for (TestimonialSource v : values()) if (v.db().equalsIgnoreCase(s.strip())) return v;
        return null;
    }
}
