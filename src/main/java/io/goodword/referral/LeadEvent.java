package io.goodword.referral;

import java.time.Instant;

/** A line of a lead's history: a status change, a note, a review, a change of referrer, the invoice paid. */
public record LeadEvent(long id, long leadId, Kind kind, Lead.Status status, String body, Instant createdAt) {
    public enum Kind { STATUS, NOTE, REVIEW, CREATED, REFERRER, INVOICE }
}
