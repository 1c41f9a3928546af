package io.goodword.account;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;

public record ForgotPasswordPage(Shell shell, String email, FormErrors errors, boolean sent, String stamp) {}
