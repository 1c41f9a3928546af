package io.goodword.account;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;

/** The sign-in form; {@code notice} is a message key shown above it (signed out, password changed…). */
public record LoginPage(Shell shell, String email, FormErrors errors, String notice, boolean signupOpen,
                        String stamp) {}
