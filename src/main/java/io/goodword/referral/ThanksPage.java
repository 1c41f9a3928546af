package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** After a friend's form was sent. */
public record ThanksPage(Shell shell, WorkspaceRef workspace, String referrerFirstName) {}
