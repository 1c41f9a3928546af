package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** The public contact page at /p/{slug}/contact. */
public record ContactPage(Shell shell, WorkspaceRef workspace, String referrerFirstName, FriendForm form, FormErrors errors) {}
