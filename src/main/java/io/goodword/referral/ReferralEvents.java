package io.goodword.referral;

import io.goodword.webhook.EventType;
import io.goodword.webhook.WebhookEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The webhook events of referrals, queued in the lead's own transaction (as {@link ReferralMails} queues the
 * freelancer's alert): the lead as the pipeline shows it, so a CRM can call them back; never their IP address,
 * the fraud signals' details or anyone's private link.
 */
final class ReferralEvents {
    private final String baseUrl;

    ReferralEvents(String baseUrl) { this.baseUrl = baseUrl; }

    /** A referred friend (or a visitor of the contact page, or a friend a client named) left their contact. */
    void leadCreated(Handle h, Instant now, Lead lead) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", lead.id());
        v.put("source", lead.source().name().toLowerCase(java.util.Locale.ROOT));
        v.put("status", lead.status().name().toLowerCase(java.util.Locale.ROOT));
        v.put("name", lead.name());
        v.put("email", lead.email());
        v.put("phone", lead.phone());
        v.put("message", lead.message());
        v.put("program", lead.programName());
        v.put("held_for_review", lead.held());
        Map<String, Object> referrer = null;
        if (lead.referred()) {
            referrer = new LinkedHashMap<>();
            referrer.put("client_id", lead.referrerClientId());
            referrer.put("name", lead.referrerName());
        }
        v.put("referrer", referrer);
        v.put("created_at", lead.createdAt() == null ? null : lead.createdAt().toString());
        v.put("admin_url", baseUrl + "/admin/referrals/leads/" + lead.id());
        WebhookEvents.queue(h, now, lead.workspaceId(), EventType.REFERRAL_LEAD_CREATED,
                WebhookEvents.About.lead(lead.id(), lead.referrerClientId()), Map.of("lead", v));
    }
}
