package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** The pipeline of referred leads. */
public record LeadsPage(Shell shell, List<Lead> leads, String filter, int heldCount, java.util.Map<String, Integer> counts) {}
