package io.goodword.account;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** The records the account feature's templates render, one per page (the jte tutorial's shape). */
public final class AccountPages {
    private AccountPages() {}

    public record ForgotPasswordPage(Shell shell, String email, FormErrors errors, boolean sent, String stamp) {}

    /** The sign-in form; {@code notice} is a message key shown above it (signed out, password changed…). */
    public record LoginPage(Shell shell, String email, FormErrors errors, String notice, boolean signupOpen,
                            String stamp) {}

    /** {@code linkValid == false}: the link expired or was used; the page says so and offers a new one. */
    public record ResetPasswordPage(Shell shell, String token, boolean linkValid, FormErrors errors, String stamp) {}

    /** Workspace settings, logo, and the account's email and password, each its own form with its own errors. */
    public record SettingsPage(Shell shell, Workspace workspace, WorkspaceSettingsForm form, FormErrors errors,
                               FormErrors logoErrors, String accountEmail, FormErrors emailErrors, FormErrors passwordErrors,
                               String publicUrl, List<String> timeZones) {}

    public record SignupPage(Shell shell, SignupForm form, FormErrors errors, boolean closed, String stamp) {}
}
