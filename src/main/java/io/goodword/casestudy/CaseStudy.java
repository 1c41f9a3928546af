package io.goodword.casestudy;

import java.time.Instant;

/** A case study's identity and life-cycle; its content lives in versions ({@link CaseStudyContent}). */
public record CaseStudy(long id, long workspaceId, String slug, String title, Long clientId, CaseStatus status,
                        Long currentVersionId, Long publishedVersionId, Instant publishedAt, Instant createdAt,
                        Instant updatedAt) {

    /** Published, but the working copy has been edited since. */
    public boolean hasUnpublishedChanges() {
        return status == CaseStatus.PUBLISHED && currentVersionId != null && !currentVersionId.equals(publishedVersionId);
    }
}
