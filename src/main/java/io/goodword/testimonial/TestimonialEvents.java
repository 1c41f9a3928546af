package io.goodword.testimonial;

import io.goodword.webhook.EventType;
import io.goodword.webhook.WebhookEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The webhook events of testimonials, queued in the transaction of the change (as {@link TestimonialMails} queues the
 * freelancer's alert): what the moderation page shows, never the author's email, IP address or private links.
 */
final class TestimonialEvents {
    private final String baseUrl;

    TestimonialEvents(String baseUrl) { this.baseUrl = baseUrl; }

    /** A client sent one: the open review form, a personal link or a check-in. */
    void submitted(Handle h, Instant now, Testimonial t) { queue(h, now, EventType.TESTIMONIAL_SUBMITTED, t); }

    /** The freelancer approved one (it is public now if its author consented). */
    void approved(Handle h, Instant now, Testimonial t) { queue(h, now, EventType.TESTIMONIAL_APPROVED, t); }

    private void queue(Handle h, Instant now, EventType type, Testimonial t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", t.id());
        v.put("status", t.status().db());
        v.put("source", t.source().db());
        v.put("verified", t.verified());
        v.put("rating", t.rating());
        v.put("body", t.body());
        v.put("name", t.name());
        v.put("role", t.role());
        v.put("company", t.company());
        v.put("consent_publish", t.consentPublish());
        v.put("client_id", t.clientId());
        v.put("project_id", t.projectId());
        v.put("created_at", t.createdAt() == null ? null : t.createdAt().toString());
        v.put("admin_url", baseUrl + "/admin/testimonials/" + t.id());
        WebhookEvents.queue(h, now, t.workspaceId(), type, WebhookEvents.About.testimonial(t.id(), t.clientId()),
                Map.of("testimonial", v));
    }
}
