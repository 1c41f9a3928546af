package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** Clients, their personal links, and the forms that create or email them. */
public record AmbassadorsPage(Shell shell, List<LinkDao.AmbassadorRow> rows, List<Program> programs, String baseUrl, Long currentProgramId) {}
