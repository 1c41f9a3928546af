package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** Creating or editing a program. */
public record ProgramFormPage(Shell shell, Long programId, Program program, ProgramForm form, FormErrors errors) {}
