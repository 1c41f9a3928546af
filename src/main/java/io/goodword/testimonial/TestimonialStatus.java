package io.goodword.testimonial;

import io.goodword.db.LowerCaseEnums;

/** Where a testimonial stands in moderation. Only APPROVED (with consent to publish) is ever public. */
public enum TestimonialStatus {
    PENDING, APPROVED, REJECTED, ARCHIVED;

    /** The value stored in the database. */
    public String db() { return LowerCaseEnums.value(this); }

    public static TestimonialStatus parse(String s) {
        if (s == null) return null;
        for (TestimonialStatus v : values()) if (v.db().equalsIgnoreCase(s.strip())) return v;
        return null;
    }
}
