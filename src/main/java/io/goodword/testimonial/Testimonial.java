package io.goodword.testimonial;

import java.time.Instant;
import java.time.LocalDate;

/** One testimonial row, exactly as stored (including private fields such as the email). */
public record Testimonial(long id, long workspaceId, Long clientId, TestimonialStatus status, TestimonialSource source,
                          boolean verified, int rating, String body, String excerpt, String name, String role,
                          String company, String website, String email, String photoFile, boolean consentPublish,
                          boolean consentShowPhoto, boolean consentShowCompany, boolean featured, String reply,
                          String submittedIp, String originalBody, Instant createdAt, Instant updatedAt,
                          Instant approvedAt, Platform originPlatform, String sourceUrl, LocalDate originalDate,
                          String avatarUrl) {

    /** True only when this testimonial may appear on public pages, widgets and feeds. */
    public boolean isPublic() { return status == TestimonialStatus.APPROVED && consentPublish; }

    /** The client's words were changed by the freelancer. */
    public boolean edited() { return originalBody != null && !originalBody.equals(body); }

    /** The same row with another reply (the detail page shows a too-long reply as typed). */
    public Testimonial withReply(String newReply) {
        return new Testimonial(id, workspaceId, clientId, status, source, verified, rating, body, excerpt, name, role,
                company, website, email, photoFile, consentPublish, consentShowPhoto, consentShowCompany, featured,
                newReply, submittedIp, originalBody, createdAt, updatedAt, approvedAt, originPlatform, sourceUrl,
                originalDate, avatarUrl);
    }

    public String photoUrl() { return photoFile == null ? null : "/media/" + photoFile; }
}
