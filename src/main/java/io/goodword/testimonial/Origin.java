package io.goodword.testimonial;

/**
 * Where a submission comes from. The open form is anonymous; a personal request link ties the testimonial to a
 * client and marks it verified; the freelancer adds some by hand or imports them.
 */
public record Origin(TestimonialSource source, Long clientId, String ip) {

    public static Origin publicForm(String ip) { return new Origin(TestimonialSource.FORM, null, ip); }

    /** A client who opened their own token link: the testimonial is theirs, hence verified. */
    public static Origin personalLink(long clientId, String ip) { return new Origin(TestimonialSource.LINK, clientId, ip); }

    public static Origin manual() { return new Origin(TestimonialSource.MANUAL, null, null); }

    public boolean verified() { return source == TestimonialSource.LINK && clientId != null; }
}
