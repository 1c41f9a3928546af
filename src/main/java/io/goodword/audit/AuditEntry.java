package io.goodword.audit;

import java.time.Instant;

/** One recorded admin action. */
public record AuditEntry(long id, long workspaceId, Long accountId, String actor, String action, String detail,
                         Instant createdAt) {}
