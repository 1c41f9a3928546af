package io.goodword.account;

import io.goodword.web.SitePaths;
import io.goodword.media.ImageStore;
import io.goodword.security.Auth;
import io.goodword.security.CurrentUser;
import io.goodword.security.Passwords;
import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.goodword.web.Uploads;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;

/** /admin/settings: the workspace's public identity, its logo, and the account's email and password. */
public final class SettingsController {

    private final AccountService service;
    private final WorkspaceDao workspaces;
    private final AccountDao accounts;
    private final ImageStore images;
    private final String baseUrl;
    private final Auth auth;

    public SettingsController(AccountService service, WorkspaceDao workspaces, AccountDao accounts, ImageStore images,
                              String baseUrl, Auth auth) {
        this.auth = auth;
        this.service = service;
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.images = images;
        this.baseUrl = baseUrl;
    }

    public void show(Context ctx) {
        Workspace ws = workspace(ctx);
        render(ctx, ws, WorkspaceSettingsForm.of(ws), FormErrors.none(), FormErrors.none(), FormErrors.none(), FormErrors.none(), null);
    }

    /**
     * The profile form, which carries the logo too (a file, or "remove the logo"): one form and one button, so a
     * headline typed before choosing a logo is saved with it, and an error in either keeps everything typed. Saving
     * an unchanged form says so instead of "Saved."
     */
    public void save(Context ctx) {
        Workspace ws = workspace(ctx);
        WorkspaceSettingsForm form = WorkspaceSettingsForm.from(ctx);
        boolean removeLogo = ctx.formParam("removeLogo") != null;
        FormErrors errors = form.validate();
        StoredLogo logo = logoWithProfile(Uploads.read(ctx, "logo", ImageStore.MAX_BYTES), errors.isEmpty());
        if (errors.isEmpty() && logo.name() == null && logo.errorKey() == null && !removeLogo && form.sameAs(ws)) {
            Views.redirectWithFlash(ctx, "/admin/settings", "flash.nothingChanged");
            return;
        }
        if (errors.isEmpty() && logo.errorKey() == null) errors = service.saveSettings(ws, form);
        if (!errors.isEmpty() || logo.errorKey() != null) {
            if (logo.name() != null) images.deleteIfUnreferenced(logo.name()); // stored, but not saved with the profile
            ctx.status(errors.isEmpty() ? logo.status() : HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, ws, form, errors, logo.errors(), FormErrors.none(), FormErrors.none(), null);
            return;
        }
        if (logo.name() != null || removeLogo) {
            workspaces.updateLogo(ws.id(), logo.name());
            if (ws.logoFile() != null) images.deleteIfUnreferenced(ws.logoFile());
        }
        Views.redirectWithFlash(ctx, "/admin/settings", "flash.settingsSaved");
    }

    /** A checked and re-encoded logo's stored name, or why it was refused (with the status to answer). */
    private record StoredLogo(String name, String errorKey, HttpStatus status) {
        static final StoredLogo NONE = new StoredLogo(null, null, null);

        FormErrors errors() { return errorKey == null ? FormErrors.none() : FormErrors.of("logo", errorKey); }
    }

    /** The logo sent with the profile: stored only when the profile is valid (else "choose it again"); none if none. */
    private StoredLogo logoWithProfile(Uploads.Upload upload, boolean profileValid) {
        if (upload instanceof Uploads.None) return StoredLogo.NONE;
        if (profileValid || upload instanceof Uploads.TooLarge) return storeLogo(upload);
        return new StoredLogo(null, "error.image.chooseAgain", HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private StoredLogo storeLogo(Uploads.Upload upload) {
        if (upload instanceof Uploads.File file) {
            try {
                return new StoredLogo(images.store(file.bytes(), 512, ImageStore.Fit.WITHIN), null, null);
            } catch (ImageStore.Rejected r) {
                return new StoredLogo(null, r.messageKey(), HttpStatus.forStatus(r.status()));
            }
        }
        String key = upload instanceof Uploads.TooLarge ? "error.image.tooLarge" : "error.image.empty";
        return new StoredLogo(null, key, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** The logo alone (kept for scripts and older pages; the settings page sends the logo with its profile form). */
    public void uploadLogo(Context ctx) throws IOException {
        Workspace ws = workspace(ctx);
        StoredLogo logo = storeLogo(Uploads.read(ctx, "logo", ImageStore.MAX_BYTES));
        if (logo.name() != null) {
            workspaces.updateLogo(ws.id(), logo.name());
            if (ws.logoFile() != null) images.deleteIfUnreferenced(ws.logoFile());
            Views.redirectWithFlash(ctx, "/admin/settings", "flash.logoSaved");
            return;
        }
        ctx.status(logo.status());
        render(ctx, ws, WorkspaceSettingsForm.of(ws), FormErrors.none(), logo.errors(), FormErrors.none(), FormErrors.none(), null);
    }

    public void changeEmail(Context ctx) {
        CurrentUser user = CurrentUser.require(ctx);
        String email = Validation.clean(ctx.formParam("email"));
        FormErrors errors;
        try {
            errors = service.changeEmail(user.accountId(), ctx.formParam("currentPassword"), email);
        } catch (Passwords.Busy e) { // every hashing slot taken: try again in a moment, the typed address kept
            AccountController.busy(ctx);
            render(ctx, workspace(ctx), null, FormErrors.none(), FormErrors.none(), FormErrors.of("", "error.busy"),
                    FormErrors.none(), email);
            return;
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, workspace(ctx), null, FormErrors.none(), FormErrors.none(), errors, FormErrors.none(), email);
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/settings", "flash.emailChanged");
    }

    public void changePassword(Context ctx) {
        CurrentUser user = CurrentUser.require(ctx);
        FormErrors errors;
        try {
            errors = service.changePassword(user.accountId(), ctx.formParam("currentPassword"), ctx.formParam("newPassword"));
        } catch (Passwords.Busy e) { // every hashing slot taken: try again in a moment (passwords are never shown again)
            AccountController.busy(ctx);
            render(ctx, workspace(ctx), null, FormErrors.none(), FormErrors.none(), FormErrors.none(),
                    FormErrors.of("", "error.busy"), null);
            return;
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, workspace(ctx), null, FormErrors.none(), FormErrors.none(), FormErrors.none(), errors, null);
            return;
        }
        Account account = accounts.findById(user.accountId()).orElseThrow();
        auth.renewAfterPasswordChange(ctx, AccountAuthenticator.profileOf(account));
        Views.redirectWithFlash(ctx, "/admin/settings", "flash.passwordChanged");
    }

    private void render(Context ctx, Workspace ws, WorkspaceSettingsForm form, FormErrors errors, FormErrors logoErrors,
                        FormErrors emailErrors, FormErrors passwordErrors, String typedEmail) {
        CurrentUser user = CurrentUser.require(ctx);
        String email = typedEmail != null ? typedEmail : accounts.findById(user.accountId()).map(Account::email).orElse("");
        Views.render(ctx, "account/settings.jte", new AccountPages.SettingsPage(Views.shell(ctx, "settings.title", "settings"), ws,
                form != null ? form : WorkspaceSettingsForm.of(ws), errors, logoErrors, email, emailErrors,
                passwordErrors, publicUrl(ws), Dates.ZONE_IDS));
    }

    private Workspace workspace(Context ctx) {
        return workspaces.findById(CurrentUser.require(ctx).workspaceId()).orElseThrow();
    }

    private String publicUrl(Workspace ws) { return baseUrl + SitePaths.wall(ws.slug()); }
}
