package io.goodword.client;

import java.time.Instant;

/** Something the freelancer should follow up on, e.g. the private feedback of an unhappy client. */
public record ClientTask(long id, long workspaceId, long clientId, Long askId, Integer score, String body,
                         Instant doneAt, Instant createdAt) {
    public boolean done() { return doneAt != null; }
}
