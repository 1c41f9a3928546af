package io.goodword.referral;

import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.time.LocalDate;
import java.util.List;

/** The programs list and the workspace's referral settings. */
public record ProgramsPage(Shell shell, List<Program> programs, LocalDate today, SettingsForm settings, FormErrors settingsErrors,
                           Dates dates) {}
