package io.goodword.referral;

import io.goodword.web.Localizer;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of the rewards ledger. */
public record Reward(long id, long workspaceId, long programId, long leadId, Beneficiary beneficiary, Long clientId,
                     String recipientName, String recipientEmail, Program.RewardType rewardType, BigDecimal amount,
                     String currency, String description, Status status, boolean held, String note,
                     Instant createdAt, Instant approvedAt, Instant fulfilledAt, Instant cancelledAt,
                     String programName, String leadName, Instant payableFrom, boolean awaitingInvoice,
                     String choices, Instant chosenAt) {

    public enum Status { PENDING, APPROVED, FULFILLED, CANCELLED }

    public enum Beneficiary { REFERRER, FRIEND }

    public boolean open() { return status == Status.PENDING || status == Status.APPROVED; }

    public boolean canApprove() { return status == Status.PENDING && !held; }

    public boolean canFulfil() { return open() && !held; }

    /** Still inside the program's hold at {@code now}: not payable yet (the deal may still fall through). */
    public boolean onHold(Instant now) { return awaitingInvoice || payableFrom != null && now.isBefore(payableFrom); }

    /** The forms the referrer may choose between (empty: no choice offered). */
    public java.util.List<Program.RewardType> choiceList() { return Rewards.choices(choices); }

    public String describe(Localizer t) { return Rewards.describe(t, rewardType, amount, currency, description); }
}
