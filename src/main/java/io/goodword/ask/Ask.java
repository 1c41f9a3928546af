package io.goodword.ask;

import io.goodword.db.LowerCaseEnums;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One check-in of one client, with what happened to it. */
public record Ask(long id, long workspaceId, long clientId, Long projectId, Long milestoneId, String reason, String status,
                  String step, Integer score, String comment, String feedback, String completedSteps,
                  String skippedSteps, Instant scheduledFor, Instant sentAt, Instant openedAt, Instant answeredAt,
                  Instant finishedAt, Instant expiresAt, int remindersSent, Instant nextReminderAt, Instant createdAt) {

    public AskStatus statusEnum() { return AskStatus.parse(status); }

    public Step stepEnum() { return Step.parse(step); }

    public Segment segment() { return score == null ? null : Segment.of(score); }

    public List<String> completed() { return completedSteps.isEmpty() ? List.of() : Arrays.asList(completedSteps.split(",")); }

    public List<String> skipped() { return skippedSteps.isEmpty() ? List.of() : Arrays.asList(skippedSteps.split(",")); }

    /** Why an ask was made. */
    public enum Reason { PROJECT, MILESTONE, MANUAL, LINK;
        public String db() { return LowerCaseEnums.value(this); }
    }
}
