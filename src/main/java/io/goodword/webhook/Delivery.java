package io.goodword.webhook;

import java.time.Instant;

/** One event on its way to one endpoint: the body it signs, and how its tries went (the answer itself is not kept). */
public record Delivery(long id, long workspaceId, long endpointId, String eventId, String eventType, String payload,
                       String status, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
                       Instant deliveredAt, Instant createdAt) {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
}
