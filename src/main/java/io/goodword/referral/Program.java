package io.goodword.referral;

import io.goodword.web.Localizer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A workspace's referral program: what the referrer (and optionally the friend) earns, when, and how often. */
public record Program(long id, long workspaceId, String name, String description, String terms,
                      RewardType referrerRewardType, BigDecimal referrerRewardAmount, String referrerRewardCurrency,
                      String referrerRewardText, RewardType friendRewardType, BigDecimal friendRewardAmount,
                      String friendRewardCurrency, String friendRewardText, Trigger rewardTrigger,
                      BigDecimal minDealValue, Integer capPerReferrer, LocalDate startsOn, LocalDate endsOn,
                      Status status, Instant createdAt, Instant updatedAt, Integer holdDays, boolean holdUntilPaid,
                      String rewardChoices) {

    public enum Status { ACTIVE, PAUSED }

    /** When a reward is earned: the referred lead is qualified, or the deal is won. */
    public enum Trigger { QUALIFIED, WON }

    /** What a reward is. NONE only for the friend's side of a one-sided program. */
    public enum RewardType {
        PERCENT, CREDIT, CASH, GIFT, DONATION, TEXT, NONE,
        /**
         * The referrer earns this percentage of the won deal's value, in the deal's currency. Only a program's
         * setting: the ledger line it creates is money (CASH, or the form the referrer chose), so every total that
         * adds money sees it.
         */
        DEAL_PERCENT;

        public boolean monetary() { return this == CREDIT || this == CASH || this == DONATION; }

        /** The forms a referrer may choose between. */
        public static final java.util.List<RewardType> CHOOSABLE = java.util.List.of(CASH, CREDIT, DONATION);
    }

    /** The forms of reward the referrer may choose between; empty when the program offers no choice. */
    public java.util.List<RewardType> choices() { return Rewards.choices(rewardChoices); }

    /** Whether rewards wait before they can be paid out (a number of days after the deal is won, or the invoice). */
    public boolean holds() { return holdDays != null && holdDays > 0 || holdUntilPaid; }

    /** One side's reward, as configured. */
    public record RewardSpec(RewardType type, BigDecimal amount, String currency, String text) {
        public boolean present() { return type != null && type != RewardType.NONE; }

        /** "10% discount", "EUR 50.00 credit", … in the reader's language. */
        public String describe(Localizer t) { return Rewards.describe(t, type, amount, currency, text); }
    }

    public RewardSpec referrerReward() {
        return new RewardSpec(referrerRewardType, referrerRewardAmount, referrerRewardCurrency, referrerRewardText);
    }

    public RewardSpec friendReward() {
        return new RewardSpec(friendRewardType, friendRewardAmount, friendRewardCurrency, friendRewardText);
    }

    public boolean paused() { return status == Status.PAUSED; }

    /** Active and within its dates: only a running program creates new rewards. */
    public boolean running(LocalDate today) {
        return status == Status.ACTIVE && (startsOn == null || !today.isBefore(startsOn))
                && (endsOn == null || !today.isAfter(endsOn));
    }

    /** Has this lead reached the point where rewards are earned? */
    public boolean triggerReached(Lead.Status leadStatus, BigDecimal dealValue) {
        if (rewardTrigger == Trigger.QUALIFIED) {
            return leadStatus == Lead.Status.QUALIFIED || leadStatus == Lead.Status.WON;
        }
        if (leadStatus != Lead.Status.WON) return false;
        return minDealValue == null || dealValue != null && dealValue.compareTo(minDealValue) >= 0;
    }
}
