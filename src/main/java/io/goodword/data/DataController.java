package io.goodword.data;

import io.goodword.audit.AuditLog;
import io.goodword.client.ClientDao;
import io.goodword.db.DuplicateKey;
import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.Params;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.goodword.db.NotFound;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * /admin/settings/export and /admin/settings/import (the whole workspace as a ZIP, and back into a fresh workspace),
 * /admin/clients/{id}/privacy (one client's data export and erasure).
 */
public final class DataController {
    private final WorkspaceExport export;
    private final WorkspaceImport importer;
    private final PrivacyService privacy;
    private final ClientDao clients;
    private final PrivacyDao privacyDao;
    private final AuditLog audit;
    private final Clock clock;

    public DataController(WorkspaceExport export, WorkspaceImport importer, PrivacyService privacy, ClientDao clients,
                          PrivacyDao privacyDao, AuditLog audit, Clock clock) {
        this.export = export;
        this.importer = importer;
        this.privacy = privacy;
        this.clients = clients;
        this.privacyDao = privacyDao;
        this.audit = audit;
        this.clock = clock;
    }

    public void show(Context ctx) {
        Views.render(ctx, "data/export.jte", new DataPages.DataPage(Views.shell(ctx, "data.title", "data"), FormErrors.none()));
    }

    /** POST, so the download is CSRF-protected and recorded. Streams the ZIP straight into the response. */
    public void download(Context ctx) throws IOException {
        CurrentUser user = CurrentUser.require(ctx);
        audit.record(ctx, "data.export", "");
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"goodword-" + user.workspaceSlug() + "-"
                + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".zip\"");
        export.write(user.workspaceId(), ctx.outputStream());
    }

    public void importArchive(Context ctx) throws IOException {
        CurrentUser user = CurrentUser.require(ctx);
        UploadedFile file = ctx.uploadedFile("archive");
        FormErrors errors = FormErrors.none();
        if (file == null || file.size() == 0) {
            errors.add("archive", "data.import.empty");
        } else {
            try (InputStream in = file.content()) {
                WorkspaceImport.Result result = importer.importInto(user.workspaceId(), user.accountId(), in);
                ctx.attribute(AuditLog.RECORDED_ATTR, Boolean.TRUE); // recorded inside the import's transaction
                Views.redirectWithFlash(ctx, "/admin/settings/export", result.messageKey());
                return;
            } catch (WorkspaceImport.Rejected r) {
                errors.add("archive", r.messageKey(), r.args());
            } catch (DuplicateKey e) {
                errors.add("archive", "data.import.conflict");
            }
        }
        Views.invalid(ctx, "data/export.jte", new DataPages.DataPage(Views.shell(ctx, "data.title", "data"), errors));
    }

    public void privacyPage(Context ctx) {
        long id = Params.id(ctx, "id");
        render(ctx, id, EraseForm.empty(), FormErrors.none());
    }

    public void privacyExport(Context ctx) {
        CurrentUser user = CurrentUser.require(ctx);
        long id = Params.id(ctx, "id");
        byte[] json = privacy.export(user.workspaceId(), user.accountId(), id).orElseThrow(NotFound::new);
        ctx.attribute(AuditLog.RECORDED_ATTR, Boolean.TRUE);
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"client-" + id + ".json\"");
        ctx.result(json);
    }

    public void erase(Context ctx) {
        CurrentUser user = CurrentUser.require(ctx);
        long id = Params.id(ctx, "id");
        EraseForm form = EraseForm.from(ctx);
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, id, form, errors);
            return;
        }
        var t = Views.t(ctx);
        privacy.erase(user.workspaceId(), user.accountId(), id, form.choice(), t.text("privacy.erasedName"),
                t.text("privacy.anonymousName")).orElseThrow(NotFound::new);
        ctx.attribute(AuditLog.RECORDED_ATTR, Boolean.TRUE);
        Views.redirectWithFlash(ctx, "/admin/clients/" + id + "/privacy", "privacy.erased");
    }

    private void render(Context ctx, long id, EraseForm form, FormErrors errors) {
        CurrentUser user = CurrentUser.require(ctx);
        var client = clients.findById(user.workspaceId(), id).orElseThrow(NotFound::new);
        boolean erased = privacyDao.isErased(user.workspaceId(), id).orElse(false);
        Views.render(ctx, "data/privacy.jte", new DataPages.PrivacyPage(Views.shellWithTitle(ctx,
                Views.t(ctx).text("privacy.title", client.name()), "clients"), client, erased, form, errors));
    }
}
