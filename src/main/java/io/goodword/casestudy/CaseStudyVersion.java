package io.goodword.casestudy;

import java.time.Instant;

/** One saved state of a case study; never changed once written. */
public record CaseStudyVersion(long id, long workspaceId, long caseStudyId, int number, String content,
                               String contentHash, String note, Instant createdAt) {}
