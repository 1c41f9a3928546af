package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;

/** "Direct add": a lead typed in by hand, with its referrer (an ambassador's code, email or name) when there is one. */
public record NewLeadPage(Shell shell, FriendForm form, String referrer, FormErrors errors) {}
