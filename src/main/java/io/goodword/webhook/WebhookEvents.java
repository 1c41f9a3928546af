package io.goodword.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.goodword.web.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Queues events for a workspace's webhooks inside the caller's transaction (pass its Handle), as {@code Outbox} does
 * for mail: a delivery exists exactly when the change that causes it was committed; the worker sends it later.
 * The body is fixed here, so every retry sends (and signs) the same bytes, and {@code id} is the same for every
 * endpoint the event goes to: a receiver dedupes on it.
 */
public final class WebhookEvents {
    /**
     * The rows an event is about, so a client's erasure finds and scrubs its deliveries and a deleted testimonial or
     * lead takes them along (each may be null).
     */
    public record About(Long clientId, Long testimonialId, Long leadId) {
        public static About testimonial(long id, Long clientId) { return new About(clientId, id, null); }

        public static About lead(long id, Long referrerClientId) { return new About(referrerClientId, null, id); }
    }

    private WebhookEvents() {}

    /**
     * Queues {@code type} for every endpoint of the workspace that wants it and is not paused; returns how many.
     * {@code data} is what the freelancer sees in the admin anyway: never a client's token link, password or session.
     */
    public static int queue(Handle h, Instant now, long workspaceId, EventType type, About about, Map<String, Object> data) {
        WebhookDao dao = h.attach(WebhookDao.class);
        List<Long> endpoints = dao.subscribed(workspaceId, type.wire());
        if (endpoints.isEmpty()) return 0;
        String eventId = UUID.randomUUID().toString();
        String body = body(eventId, type, now, dao.workspaceSlug(workspaceId), data);
        for (long endpoint : endpoints) {
            dao.insertDelivery(workspaceId, endpoint, eventId, type.wire(), about.clientId(), about.testimonialId(),
                    about.leadId(), body, now);
        }
        return endpoints.size();
    }

    /** The test event, to one endpoint whether or not it chose any event. */
    static long ping(Handle h, Instant now, Endpoint endpoint) {
        WebhookDao dao = h.attach(WebhookDao.class);
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", "A test event from Goodword: this endpoint is set up.");
        data.put("endpoint_id", endpoint.id());
        String body = body(eventId, EventType.PING, now, dao.workspaceSlug(endpoint.workspaceId()), data);
        return dao.insertDelivery(endpoint.workspaceId(), endpoint.id(), eventId, EventType.PING.wire(), null, null, null,
                body, now);
    }

    static String body(String eventId, EventType type, Instant now, String workspaceSlug, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("type", type.wire());
        event.put("created_at", now.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("workspace", workspaceSlug);
        event.put("data", data);
        try {
            return Json.WRITE.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook data that is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
