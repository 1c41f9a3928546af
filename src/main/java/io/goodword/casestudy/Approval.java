package io.goodword.casestudy;

import java.time.Instant;

/** An approval request sent to the linked client, and the client's answer. */
public record Approval(long id, long workspaceId, long caseStudyId, long versionId, Long clientId, String sentTo,
                       ApprovalStatus status, String comment, Instant requestedAt, Instant expiresAt,
                       Instant answeredAt) {

    public boolean expired(Instant now) { return now.isAfter(expiresAt); }
}
