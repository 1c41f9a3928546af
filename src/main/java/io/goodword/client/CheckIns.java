package io.goodword.client;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the client feature needs from check-ins, in its own terms: a completed project or a reached milestone schedules
 * one, the client page sends one or makes a personal link, and shows the client's check-ins. The ask feature
 * implements it (ask/ClientCheckIns) and the composition root wires that in, so client never imports ask (ask reads
 * clients; the arrow only goes that way).
 */
public interface CheckIns {
    /** What asking did, as the key of the flash message that tells the freelancer. */
    record Outcome(String flashKey) {}

    /** A personal link made for the client, or none (url null) and why. */
    record PersonalLink(Outcome outcome, String url) {}

    /** One check-in as the client page shows it; status is its stored name ("scheduled", "sent", "answered"…). */
    record CheckIn(String status, boolean open, Instant createdAt, Instant scheduledFor, Instant sentAt, Instant openedAt,
                   Instant answeredAt, Integer score, String comment) {}

    /**
     * In the caller's transaction, a check-in for a moment of satisfaction: the completed project, or the reached
     * milestone of it when {@code milestoneId} is given.
     */
    Outcome schedule(Handle h, long ws, long clientId, long projectId, Long milestoneId);

    /** A check-in sent to the client now, from the client page; when the rules hold it back, the outcome says why. */
    Outcome sendNow(long ws, long clientId);

    /** The message key saying why {@link #sendNow} would send nothing, or null when it would send. */
    String sendNowBlocked(long ws, long clientId);

    PersonalLink personalLink(long ws, long clientId);

    /** The client's check-ins, newest first. */
    List<CheckIn> forClient(long ws, long clientId);
}
