package io.goodword.account;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;

/** {@code linkValid == false}: the link expired or was used; the page says so and offers a new one. */
public record ResetPasswordPage(Shell shell, String token, boolean linkValid, FormErrors errors, String stamp) {}
