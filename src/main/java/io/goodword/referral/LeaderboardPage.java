package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** Ambassadors ranked by won deals. */
public record LeaderboardPage(Shell shell, List<LeadDao.LeaderRow> rows) {}
