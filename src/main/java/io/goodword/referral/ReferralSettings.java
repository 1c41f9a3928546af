package io.goodword.referral;

/** Per-workspace referral settings. */
public record ReferralSettings(long workspaceId, int attributionDays, boolean notifyReferrer, boolean notifyFreelancer) {
    public static final int DEFAULT_ATTRIBUTION_DAYS = 90;

    public static ReferralSettings defaults(long workspaceId) {
        return new ReferralSettings(workspaceId, DEFAULT_ATTRIBUTION_DAYS, true, true);
    }
}
