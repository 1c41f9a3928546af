package io.goodword.referral;

import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** The rewards ledger with totals; a failed action re-renders with its errors next to that reward. */
public record RewardsPage(Shell shell, List<Reward> rewards, String filter, List<RewardDao.Total> byAmbassador, List<RewardDao.Total> byProgram, long errorRewardId, FormErrors errors, String typedNote, String typedReason, Dates dates) {}
