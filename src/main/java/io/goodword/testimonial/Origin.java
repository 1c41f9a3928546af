package io.goodword.testimonial;

/**
 * Where a submission comes from. The open form is anonymous; a personal request link ties the testimonial to a
 * client and marks it verified (through a check-in, also to the project and milestone it was asked for); the
 * freelancer adds some by hand or imports them.
 */
public record Origin(TestimonialSource source, Long clientId, String ip, Long projectId, Long milestoneId) {

    public Origin(TestimonialSource source, Long clientId, String ip) { this(source, clientId, ip, null, null); }

    public static Origin publicForm(String ip) { return new Origin(TestimonialSource.FORM, null, ip); }

    /** A client who opened their own token link: the testimonial is theirs, hence verified. */
    public static Origin personalLink(long clientId, String ip) { return new Origin(TestimonialSource.LINK, clientId, ip); }

    /** A client's check-in link, sent for a project (and milestone): the badge names that engagement. */
    public static Origin checkIn(long clientId, Long projectId, Long milestoneId, String ip) {
        return new Origin(TestimonialSource.LINK, clientId, ip, projectId, milestoneId);
    }

    public static Origin manual() { return new Origin(TestimonialSource.MANUAL, null, null); }

    public boolean verified() { return source == TestimonialSource.LINK && clientId != null; }

    public ConsentChannel channel() { return ConsentChannel.of(source); }
}
