package io.goodword.referral;

import io.goodword.db.LowerCaseEnums;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A referred friend (or a direct enquiry) moving through the pipeline. */
public record Lead(long id, long workspaceId, Long programId, Long linkId, Long referrerClientId, Source source,
                   String name, String email, String phone, String message, boolean consent, Status status,
                   BigDecimal dealValue, String lostReason, Review review, String fraudReasons, String submittedIp,
                   Instant contactedAt, Instant qualifiedAt, Instant wonAt, Instant lostAt, Instant createdAt,
                   Instant updatedAt, String referrerName, String referrerEmail, String programName,
                   String dealCurrency, String referrerAnswer, Long suggestedClientId, Instant invoicePaidAt,
                   String suggestedName) {

    public enum Status { NEW, CONTACTED, QUALIFIED, WON, LOST }

    /** Where the lead came from: an ambassador's link, the public contact page, a client's own flow, or added by hand. */
    public enum Source { LINK, CONTACT, CLIENT, MANUAL }

    /** Fraud review: HELD until a person decides (CLEARED releases the rewards, REJECTED cancels them). */
    public enum Review { NONE, HELD, CLEARED, REJECTED }

    public boolean held() { return review == Review.HELD; }

    public boolean referred() { return referrerClientId != null; }

    /** A "who referred you?" answer matched an ambassador that is not (yet) this lead's referrer. */
    public boolean hasSuggestion() {
        return suggestedClientId != null && !suggestedClientId.equals(referrerClientId);
    }

    public List<FraudRules.Reason> reasons() {
        if (fraudReasons == null || fraudReasons.isBlank()) return List.of();
        return Arrays.stream(fraudReasons.split(",")).map(s -> LowerCaseEnums.parse(FraudRules.Reason.class, s))
                .filter(java.util.Objects::nonNull).toList();
    }
}
