package io.goodword.testimonial;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * One testimonial row, exactly as stored (including private fields such as the email). {@code projectTitle} is read
 * with it: the engagement a verified testimonial was given for.
 */
public record Testimonial(long id, long workspaceId, Long clientId, TestimonialStatus status, TestimonialSource source,
                          boolean verified, int rating, String body, String excerpt, String name, String role,
                          String company, String website, String email, String photoFile, boolean consentPublish,
                          boolean consentShowPhoto, boolean consentShowCompany, boolean featured, String reply,
                          String submittedIp, String originalBody, Instant createdAt, Instant updatedAt,
                          Instant approvedAt, String nameDisplay, boolean consentCaseStudy, boolean consentReference,
                          Long projectId, Long milestoneId, String projectTitle, Instant verifiedAt, Instant withdrawnAt,
                          Platform originPlatform, String sourceUrl, LocalDate originalDate, String avatarUrl) {

    @JdbiConstructor
    public Testimonial {}

    /** A row as it was before the consent ledger and imported proof (tests and callers that know nothing of them). */
    public Testimonial(long id, long workspaceId, Long clientId, TestimonialStatus status, TestimonialSource source,
                       boolean verified, int rating, String body, String excerpt, String name, String role,
                       String company, String website, String email, String photoFile, boolean consentPublish,
                       boolean consentShowPhoto, boolean consentShowCompany, boolean featured, String reply,
                       String submittedIp, String originalBody, Instant createdAt, Instant updatedAt, Instant approvedAt) {
        this(id, workspaceId, clientId, status, source, verified, rating, body, excerpt, name, role, company, website, email,
                photoFile, consentPublish, consentShowPhoto, consentShowCompany, featured, reply, submittedIp, originalBody,
                createdAt, updatedAt, approvedAt, "full", false, false, null, null, null, null, null, null, null, null, null);
    }

    /** True only when this testimonial may appear on public pages, widgets and feeds. */
    public boolean isPublic() { return status == TestimonialStatus.APPROVED && consentPublish; }

    /** The client's words were changed by the freelancer. */
    public boolean edited() { return originalBody != null && !originalBody.equals(body); }

    /**
     * The month a verified testimonial's badge names: when the client proved it theirs (rows verified before the
     * ledger: when it came in). Null when not verified.
     */
    public YearMonth verifiedOn() {
        Instant at = verifiedAt != null ? verifiedAt : createdAt;
        return verified && at != null ? YearMonth.from(at.atZone(ZoneOffset.UTC)) : null;
    }

    /** Taken back by its author through their private link. */
    public boolean withdrawn() { return withdrawnAt != null; }

    /** The same row with another reply (the detail page shows a too-long reply as typed). */
    public Testimonial withReply(String newReply) {
        return new Testimonial(id, workspaceId, clientId, status, source, verified, rating, body, excerpt, name, role,
                company, website, email, photoFile, consentPublish, consentShowPhoto, consentShowCompany, featured,
                newReply, submittedIp, originalBody, createdAt, updatedAt, approvedAt, nameDisplay, consentCaseStudy,
                consentReference, projectId, milestoneId, projectTitle, verifiedAt, withdrawnAt, originPlatform, sourceUrl,
                originalDate, avatarUrl);
    }

    public String photoUrl() { return photoFile == null ? null : "/media/" + photoFile; }
}
