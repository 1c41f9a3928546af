package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;

/** The referrer's private page at /reward/{token}: how they would like their reward. */
public record RewardChoicePage(Shell shell, WorkspaceRef workspace, Reward reward, String amount, String choice,
                               String cause, FormErrors errors, boolean saved) {}
