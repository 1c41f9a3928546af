package io.goodword.account;

import io.goodword.db.DuplicateKey;
import io.goodword.mail.Email;
import io.goodword.mail.Outbox;
import io.goodword.security.Passwords;
import io.goodword.security.Tokens;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import io.goodword.web.Validation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The rules of accounts: sign-up, password reset, changing email and password, workspace settings. */
public final class AccountService {
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final I18n i18n;
    private final Clock clock;
    private final String baseUrl;

    public AccountService(Jdbi jdbi, Outbox outbox, I18n i18n, Clock clock, String baseUrl) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.i18n = i18n;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** Either the new account, or the errors to show on the form. */
    public record SignupResult(Account account, FormErrors errors) {}

    public SignupResult signup(SignupForm form, String language) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new SignupResult(null, errors);
        String email = Validation.normalizeEmail(form.email());
        String hash = Passwords.hash(form.password());
        try {
            Account account = jdbi.inTransaction(h -> {
                WorkspaceDao workspaces = h.attach(WorkspaceDao.class);
                if (workspaces.slugHeldByOther(form.slug(), -1) > 0) throw new SlugTaken();
                long wsId = workspaces.insert(form.slug(), form.displayName(), I18n.supported(language), form.timeZone());
                AccountDao accounts = h.attach(AccountDao.class);
                long id = accounts.insert(wsId, email, hash, form.displayName());
                return accounts.findById(id).orElseThrow();
            });
            return new SignupResult(account, FormErrors.none());
        } catch (SlugTaken e) {
            return new SignupResult(null, FormErrors.of("slug", "error.slug.taken"));
        } catch (DuplicateKey e) {
            return new SignupResult(null, e.is("uq_workspace_slug")
                    ? FormErrors.of("slug", "error.slug.taken")
                    : FormErrors.of("email", "error.email.taken"));
        }
    }

    /** Sends a reset link when the email belongs to an account; says nothing about whether it does. */
    public void requestPasswordReset(String rawEmail) {
        String email = Validation.normalizeEmail(rawEmail);
        jdbi.useTransaction(h -> {
            AccountDao accounts = h.attach(AccountDao.class);
            Optional<Account> account = accounts.findByEmail(email);
            if (account.isEmpty()) return;
            String token = Tokens.random();
            accounts.insertReset(Tokens.sha256(token), account.get().id(), clock.instant().plus(RESET_VALIDITY));
            String lang = h.attach(WorkspaceDao.class).findById(account.get().workspaceId()).map(Workspace::language).orElse("en");
            Localizer t = i18n.localizer(lang);
            // To the address on file, never the typed one: they are equal (exact lookup), and must stay so.
            Email mail = Email.of(account.get().email(), t.text("mail.reset.subject"), t.text("mail.greeting", account.get().displayName()),
                            List.of(t.text("mail.reset.body"), t.text("mail.reset.ignore")))
                    .withAction(t.text("mail.reset.action"), baseUrl + "/password/reset/" + token);
            outbox.enqueue(h, account.get().workspaceId(), "password-reset", mail);
        });
    }

    public boolean resetTokenValid(String token) {
        return token != null && jdbi.onDemand(AccountDao.class).findValidReset(Tokens.sha256(token), clock.instant()).isPresent();
    }

    /**
     * Sets the new password if the token is valid and unused; the token is spent in the same transaction. Every
     * other reset link of the account dies with it, and every session is signed out (a thief's too).
     */
    public boolean resetPassword(String token, String newPassword) {
        // The token first: a made-up token must cost a lookup, not an argon2 hash (19 MiB, ~100 ms).
        if (!resetTokenValid(token)) return false;
        String hash = Passwords.hash(newPassword); // outside the transaction: no row lock held while hashing
        return jdbi.inTransaction(h -> {
            AccountDao accounts = h.attach(AccountDao.class);
            Optional<Long> accountId = accounts.findValidReset(Tokens.sha256(token), clock.instant());
            if (accountId.isEmpty() || accounts.useReset(Tokens.sha256(token), clock.instant()) != 1) return false;
            accounts.updatePassword(accountId.get(), hash); // raises the session epoch: everyone is signed out
            accounts.deleteResets(accountId.get());
            return true;
        });
    }

    /** Changes the sign-in email after checking the current password. */
    public FormErrors changeEmail(long accountId, String currentPassword, String newEmail) {
        FormErrors e = FormErrors.none().required("email", newEmail).maxLength("email", newEmail, 254).email("email", newEmail);
        AccountDao accounts = jdbi.onDemand(AccountDao.class);
        Account account = accounts.findById(accountId).orElseThrow();
        if (!Passwords.matches(currentPassword, account.passwordHash())) e.add("currentPassword", "error.password.current");
        if (!e.isEmpty()) return e;
        String email = Validation.normalizeEmail(newEmail);
        if (email.equals(account.email())) return e;
        try {
            jdbi.useTransaction(h -> {
                h.attach(AccountDao.class).updateEmail(accountId, email);
                // The old address hears of it, so an owner whose session was taken learns in time.
                String lang = h.attach(WorkspaceDao.class).findById(account.workspaceId()).map(Workspace::language).orElse("en");
                Localizer t = i18n.localizer(lang);
                outbox.enqueue(h, account.workspaceId(), "email-changed", Email.of(account.email(),
                        t.text("mail.emailChanged.subject"), t.text("mail.greeting", account.displayName()),
                        List.of(t.text("mail.emailChanged.body", email), t.text("mail.emailChanged.notYou"))));
            });
        } catch (DuplicateKey ex) {
            return FormErrors.of("email", "error.email.taken");
        }
        return e;
    }

    public FormErrors changePassword(long accountId, String currentPassword, String newPassword) {
        FormErrors e = FormErrors.none();
        AccountDao accounts = jdbi.onDemand(AccountDao.class);
        Account account = accounts.findById(accountId).orElseThrow();
        if (!Passwords.matches(currentPassword, account.passwordHash())) e.add("currentPassword", "error.password.current");
        String problem = PasswordPolicy.problem(newPassword);
        if (problem != null) e.add("newPassword", problem, PasswordPolicy.MIN_LENGTH);
        // Raises the session epoch: every session is signed out; the controller renews the one that asked.
        if (e.isEmpty()) accounts.updatePassword(accountId, Passwords.hash(newPassword));
        return e;
    }

    /** Saves workspace settings; a changed slug keeps the old public URL redirecting. */
    public FormErrors saveSettings(Workspace current, WorkspaceSettingsForm form) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return errors;
        try {
            jdbi.useTransaction(h -> {
                WorkspaceDao dao = h.attach(WorkspaceDao.class);
                if (!form.slug().equals(current.slug())) {
                    if (dao.slugHeldByOther(form.slug(), current.id()) > 0) throw new SlugTaken();
                    dao.forgetOldSlug(form.slug(), current.id());
                    dao.rememberOldSlug(current.slug(), current.id());
                }
                dao.updateSettings(current.id(), form);
            });
        } catch (SlugTaken e) {
            return FormErrors.of("slug", "error.slug.taken");
        } catch (DuplicateKey e) {
            return FormErrors.of("slug", "error.slug.taken");
        }
        return errors;
    }

    private static final class SlugTaken extends RuntimeException {
        SlugTaken() { super(null, null, false, false); }
    }
}
