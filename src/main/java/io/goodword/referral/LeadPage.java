package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** One lead: details, fraud review, status form, notes and rewards. */
public record LeadPage(Shell shell, Lead lead, List<LeadEvent> events, List<Reward> rewards, StatusForm statusForm, FormErrors statusErrors, String note, FormErrors noteErrors) {}
