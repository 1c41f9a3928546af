package io.goodword.growth;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** The dashboard (/admin): figures for the chosen period, and the set-up checklist of the start page. */
public record DashboardPage(Shell shell, String displayName, String publicUrl, FirstRun firstRun,
                            DashboardQuery query, FormErrors errors, String periodText, String previousText,
                            String timeZone, Dashboard.Figures figures, List<String> presets) {}
