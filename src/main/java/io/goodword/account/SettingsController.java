package io.goodword.account;

import io.goodword.media.ImageStore;
import io.goodword.security.Auth;
import io.goodword.security.CurrentUser;
import io.goodword.security.Passwords;
import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.goodword.web.Uploads;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;

/** /admin/settings: the workspace's public identity, its logo, and the account's email and password. */
public final class SettingsController {
    private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

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

    public void save(Context ctx) {
        Workspace ws = workspace(ctx);
        WorkspaceSettingsForm form = WorkspaceSettingsForm.from(ctx);
        FormErrors errors = service.saveSettings(ws, form);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, ws, form, errors, FormErrors.none(), FormErrors.none(), FormErrors.none(), null);
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/settings", "flash.settingsSaved");
    }

    public void uploadLogo(Context ctx) throws IOException {
        Workspace ws = workspace(ctx);
        Uploads.Upload upload = Uploads.read(ctx, "logo", ImageStore.MAX_BYTES);
        FormErrors errors = FormErrors.none();
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        if (upload instanceof Uploads.None) {
            errors.add("logo", "error.image.empty");
        } else if (upload instanceof Uploads.TooLarge) {
            errors.add("logo", "error.image.tooLarge");
        } else if (upload instanceof Uploads.File file) {
            try {
                String name = images.store(file.bytes(), 512, ImageStore.Fit.WITHIN);
                workspaces.updateLogo(ws.id(), name);
                if (ws.logoFile() != null) images.deleteIfUnreferenced(ws.logoFile());
                Views.redirectWithFlash(ctx, "/admin/settings", "flash.logoSaved");
                return;
            } catch (ImageStore.Rejected r) {
                errors.add("logo", r.messageKey());
                status = HttpStatus.forStatus(r.status());
            }
        }
        ctx.status(status);
        render(ctx, ws, WorkspaceSettingsForm.of(ws), FormErrors.none(), errors, FormErrors.none(), FormErrors.none(), null);
    }

    public void removeLogo(Context ctx) {
        Workspace ws = workspace(ctx);
        if (ws.logoFile() != null) {
            workspaces.updateLogo(ws.id(), null);
            images.deleteIfUnreferenced(ws.logoFile());
        }
        Views.redirectWithFlash(ctx, "/admin/settings", "flash.logoRemoved");
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
        Views.render(ctx, "account/settings.jte", new SettingsPage(Views.shell(ctx, "settings.title", "settings"), ws,
                form != null ? form : WorkspaceSettingsForm.of(ws), errors, logoErrors, email, emailErrors,
                passwordErrors, publicUrl(ws), TIME_ZONES));
    }

    private Workspace workspace(Context ctx) {
        return workspaces.findById(CurrentUser.require(ctx).workspaceId()).orElseThrow();
    }

    private String publicUrl(Workspace ws) { return baseUrl + "/p/" + ws.slug(); }
}
