package io.goodword.client;

import java.time.Instant;
import java.time.LocalDate;

/** A step of a project; reaching one is a moment to check in with the client. */
public record Milestone(long id, long workspaceId, long projectId, String name, LocalDate dueDate, LocalDate reachedOn,
                        Instant reachedAt, Instant createdAt) {
    public boolean reached() { return reachedOn != null; }
}
