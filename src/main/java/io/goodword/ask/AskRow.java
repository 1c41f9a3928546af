package io.goodword.ask;

import java.time.Instant;

/** An ask in the overview, with its client's name. */
public record AskRow(long id, long clientId, String clientName, String reason, String status, String step,
                     Integer score, String completedSteps, Instant scheduledFor, Instant sentAt, Instant openedAt,
                     Instant answeredAt, int remindersSent, Instant nextReminderAt, String comment) {}
