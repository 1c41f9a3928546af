package io.goodword.mail;

import java.time.Instant;

/** A row of the outbox. */
public record OutboxMessage(long id, Long workspaceId, String kind, String toAddress, String replyTo, String subject,
                            String textBody, String htmlBody, String unsubscribeUrl, String status, int attempts,
                            Instant sendAfter, Instant sentAt, String lastError, Instant createdAt) {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
}
