package io.goodword.account;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;

public record SignupPage(Shell shell, SignupForm form, FormErrors errors, boolean closed, String stamp) {}
