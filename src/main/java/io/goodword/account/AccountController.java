package io.goodword.account;

import io.goodword.security.Auth;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Passwords;
import io.goodword.security.Throttle;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import io.goodword.web.Validation;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.pac4j.core.exception.CredentialsException;
import org.pac4j.core.profile.UserProfile;

/** Sign-up, sign-in and password reset: the pages a freelancer sees before the admin. */
public final class AccountController {
    private final AccountService service;
    private final AccountDao accounts;
    private final Auth auth;
    private final FormGuard guard;
    private final I18n i18n;
    private final boolean signupOpen;

    public AccountController(AccountService service, AccountDao accounts, Auth auth, FormGuard guard, I18n i18n,
                             boolean signupOpen) {
        this.service = service;
        this.accounts = accounts;
        this.auth = auth;
        this.guard = guard;
        this.i18n = i18n;
        this.signupOpen = signupOpen;
    }

    /** SIGNUP=closed still lets the very first freelancer in, so a self-hoster can create their own account. */
    private boolean signupAllowed() { return signupOpen || accounts.count() == 0; }

    public void signupForm(Context ctx) {
        boolean closed = !signupAllowed();
        if (closed) ctx.status(HttpStatus.FORBIDDEN);
        Views.render(ctx, "account/signup.jte", new AccountPages.SignupPage(Views.shell(ctx, "signup.title"), SignupForm.empty(), FormErrors.none(), closed,
                guard.stamp(FormGuard.Form.SIGNUP)));
    }

    public void signup(Context ctx) {
        if (!signupAllowed()) {
            signupForm(ctx);
            return;
        }
        SignupForm form = SignupForm.from(ctx);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.SIGNUP, Throttle.key(Limit.SIGNUP_IP, ctx.ip()));
        if (!g.passed()) {
            g.refuse(ctx);
            Views.render(ctx, "account/signup.jte", signupPage(ctx, form, g.errors()));
            return;
        }
        createAccount(ctx, form);
    }

    /** Past the guard: the account is created and its owner signed in, or the form comes back with what to fix. */
    private void createAccount(Context ctx, SignupForm form) {
        AccountService.SignupResult result;
        try {
            result = service.signup(form, i18n.languageOf(ctx));
        } catch (Passwords.Busy e) {
            busy(ctx);
            Views.render(ctx, "account/signup.jte", signupPage(ctx, form, FormErrors.of("", "error.busy")));
            return;
        }
        if (!result.errors().isEmpty()) {
            Views.invalid(ctx, "account/signup.jte", signupPage(ctx, form, result.errors()));
            return;
        }
        auth.signIn(ctx, AccountAuthenticator.profileOf(result.account()));
        Views.redirectWithFlash(ctx, "/admin", "flash.welcome");
    }

    /** The sign-up form again after a POST, as typed but without the password. */
    private AccountPages.SignupPage signupPage(Context ctx, SignupForm form, FormErrors errors) {
        return new AccountPages.SignupPage(Views.shell(ctx, "signup.title"), form.withoutPassword(), errors, false,
                guard.stamp(FormGuard.Form.SIGNUP));
    }

    public void loginForm(Context ctx) {
        String notice = ctx.queryParam("signedOut") != null ? "login.signedOut" : null;
        Views.render(ctx, "account/login.jte",
                new AccountPages.LoginPage(Views.shell(ctx, "login.title"), "", FormErrors.none(), notice, signupAllowed(),
                        guard.stamp(FormGuard.Form.LOGIN)));
    }

    public void login(Context ctx) {
        LoginForm form = LoginForm.from(ctx);
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderLogin(ctx, form.email(), errors);
            return;
        }
        // L1/M8: the attempt is counted before the password is hashed; the tight limit is per account and IP
        // pair, so nobody elsewhere can lock the owner out (see Limit.LOGIN_*)
        String ip = ctx.ip();
        Throttle.Key pair = Throttle.key(Limit.LOGIN_PAIR, form.account() + "|" + ip);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.LOGIN, pair, Throttle.key(Limit.LOGIN_IP, ip),
                Throttle.key(Limit.LOGIN_ACCOUNT, form.account()));
        if (!g.passed()) {
            g.refuse(ctx);
            renderLogin(ctx, form.email(), g.errors());
            return;
        }
        authenticate(ctx, form, g, pair);
    }

    /** Past the guard: signed in and sent where they were going, or the form again (only failures count). */
    private void authenticate(Context ctx, LoginForm form, FormGuard.Verdict g, Throttle.Key pair) {
        try {
            UserProfile profile = auth.authenticate(ctx, form.email(), form.password());
            g.release();
            guard.throttle().clear(pair);
            String target = auth.takeRequestedPath(ctx);
            auth.signIn(ctx, profile);
            ctx.redirect(target, HttpStatus.SEE_OTHER);
        } catch (CredentialsException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderLogin(ctx, form.email(), FormErrors.of("", "login.failed"));
        } catch (Passwords.Busy e) {
            busy(ctx);
            renderLogin(ctx, form.email(), FormErrors.of("", "error.busy"));
        }
    }

    private void renderLogin(Context ctx, String email, FormErrors errors) {
        Views.render(ctx, "account/login.jte", new AccountPages.LoginPage(Views.shell(ctx, "login.title"), email, errors, null, signupAllowed(),
                guard.stamp(FormGuard.Form.LOGIN)));
    }

    public void forgotForm(Context ctx) {
        Views.render(ctx, "account/forgotPassword.jte",
                new AccountPages.ForgotPasswordPage(Views.shell(ctx, "forgot.title"), "", FormErrors.none(), false, guard.stamp(FormGuard.Form.FORGOT)));
    }

    public void forgot(Context ctx) {
        String email = Validation.clean(ctx.formParam("email"));
        FormErrors errors = FormErrors.none().required("email", email).email("email", email);
        if (!errors.isEmpty()) {
            Views.invalid(ctx, "account/forgotPassword.jte", new AccountPages.ForgotPasswordPage(Views.shell(ctx, "forgot.title"), email, errors, false,
                    guard.stamp(FormGuard.Form.FORGOT)));
            return;
        }
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.FORGOT, Throttle.key(Limit.FORGOT_IP, ctx.ip()),
                Throttle.key(Limit.FORGOT_EMAIL, Validation.normalizeEmail(email)));
        if (g.status() == 422) { // the honeypot: say so, keep the address
            g.refuse(ctx);
            Views.render(ctx, "account/forgotPassword.jte", new AccountPages.ForgotPasswordPage(Views.shell(ctx, "forgot.title"), email,
                    g.errors(), false, guard.stamp(FormGuard.Form.FORGOT)));
            return;
        }
        if (g.passed()) service.requestPasswordReset(email);
        // Same answer whether or not the address has an account, so the form cannot be used to find accounts.
        Views.render(ctx, "account/forgotPassword.jte", new AccountPages.ForgotPasswordPage(Views.shell(ctx, "forgot.title"), email, FormErrors.none(), true,
                guard.stamp(FormGuard.Form.FORGOT)));
    }

    public void resetForm(Context ctx) {
        String token = ctx.pathParam("token");
        boolean valid = service.resetTokenValid(token);
        if (!valid) ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        Views.render(ctx, "account/resetPassword.jte", resetPage(ctx, token, valid, FormErrors.none()));
    }

    public void reset(Context ctx) {
        String token = ctx.pathParam("token");
        String password = ctx.formParam("password");
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.RESET, Throttle.key(Limit.RESET_IP, ctx.ip()));
        if (!g.passed()) {
            g.refuse(ctx);
            Views.render(ctx, "account/resetPassword.jte", resetPage(ctx, token, true, g.errors()));
            return;
        }
        String problem = PasswordPolicy.problem(password);
        if (problem != null) {
            Views.invalid(ctx, "account/resetPassword.jte", resetPage(ctx, token, service.resetTokenValid(token),
                    FormErrors.of("password", problem, PasswordPolicy.MIN_LENGTH)));
            return;
        }
        setPassword(ctx, token, password);
    }

    /** Past the guard and the policy: the password is changed and the link used up, or the link no longer works. */
    private void setPassword(Context ctx, String token, String password) {
        boolean reset;
        try {
            reset = service.resetPassword(token, password);
        } catch (Passwords.Busy e) {
            busy(ctx);
            Views.render(ctx, "account/resetPassword.jte", resetPage(ctx, token, true, FormErrors.of("", "error.busy")));
            return;
        }
        if (!reset) {
            Views.invalid(ctx, "account/resetPassword.jte", resetPage(ctx, token, false, FormErrors.none()));
            return;
        }
        Views.redirectWithFlash(ctx, "/login", "flash.passwordReset");
    }

    private AccountPages.ResetPasswordPage resetPage(Context ctx, String token, boolean linkValid, FormErrors errors) {
        return new AccountPages.ResetPasswordPage(Views.shell(ctx, "reset.title"), token, linkValid, errors,
                guard.stamp(FormGuard.Form.RESET));
    }

    /** Every password-hashing slot is taken (a burst of sign-ins): 503 and when to come back, the form kept. */
    static void busy(Context ctx) {
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        ctx.header("Retry-After", String.valueOf(Passwords.Busy.RETRY_AFTER_SECONDS));
    }
}
