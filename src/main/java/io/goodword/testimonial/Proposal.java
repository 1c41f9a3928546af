package io.goodword.testimonial;

import java.time.Instant;

/** A new text proposed by one side (freelancer or author) that waits for the other's approval. */
public record Proposal(long id, long testimonialId, String proposedBy, String body, String status, Instant createdAt,
                       Instant decidedAt) {
    public static final String FREELANCER = "freelancer";
    public static final String AUTHOR = "author";
    public static final String PENDING = "pending";

    public boolean pending() { return PENDING.equals(status); }

    public boolean byAuthor() { return AUTHOR.equals(proposedBy); }

    public String byKey() { return "testimonial.proposal.by." + proposedBy; }

    public String statusKey() { return "testimonial.proposal.status." + status; }
}
