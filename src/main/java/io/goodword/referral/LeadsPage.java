package io.goodword.referral;

import io.goodword.web.Dates;
import io.goodword.web.Shell;
import java.util.List;

/** The pipeline of referred leads; times in the workspace's zone. */
public record LeadsPage(Shell shell, List<Lead> leads, String filter, int heldCount, java.util.Map<String, Integer> counts,
                        Dates dates) {}
