package io.goodword.ask;

import io.goodword.account.WorkspaceDao;
import io.goodword.db.NotFound;
import io.goodword.mail.Email;
import io.goodword.security.CurrentUser;
import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import io.goodword.web.Pager;
import io.goodword.web.Params;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** /admin/asks (what was asked, what is scheduled next) and /admin/settings/asking (rules and email wording). */
public final class AskAdminController {
    private static final int PAGE_SIZE = 50;

    private final AskService service;
    private final AskDao asks;
    private final AskSettingsDao settings;
    private final WorkspaceDao workspaces;
    private final I18n i18n;
    private final String baseUrl;

    public AskAdminController(AskService service, AskDao asks, AskSettingsDao settings, WorkspaceDao workspaces, I18n i18n,
                              String baseUrl) {
        this.service = service;
        this.asks = asks;
        this.settings = settings;
        this.workspaces = workspaces;
        this.i18n = i18n;
        this.baseUrl = baseUrl;
    }

    public void overview(Context ctx) {
        CurrentUser user = CurrentUser.require(ctx);
        Dates zone = CurrentUser.dates(ctx);
        String status = ctx.queryParam("status");
        if (status == null || AskStatus.parse(status) == null) status = "";
        int page = Pager.param(ctx.queryParam("page"));
        List<AskRow> rows = asks.list(user.workspaceId(), status, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        boolean hasNext = rows.size() > PAGE_SIZE;
        List<String> statuses = Arrays.stream(AskStatus.values()).map(AskStatus::db).toList();
        Views.render(ctx, "ask/overview.jte", new AskPages.OverviewPage(Views.shell(ctx, "ask.overview.title", "asks"),
                rows(asks.scheduledNext(user.workspaceId(), 20), zone), rows(asks.remindersNext(user.workspaceId(), 20), zone),
                rows(hasNext ? rows.subList(0, PAGE_SIZE) : rows, zone), status,
                Pager.open(page, hasNext, "/admin/asks?status=" + status), statuses));
    }

    public void cancel(Context ctx) {
        long ws = CurrentUser.require(ctx).workspaceId();
        long id = Params.id(ctx, "id");
        asks.findById(ws, id).orElseThrow(NotFound::new);
        Views.redirectWithFlash(ctx, "/admin/asks", service.cancel(ws, id) ? "ask.flash.cancelled" : "ask.flash.notOpen");
    }

    private static List<AskPages.Row> rows(List<AskRow> rows, Dates d) {
        return rows.stream().map(r -> new AskPages.Row(r, d.when(r.scheduledFor()), d.when(r.sentAt()),
                d.when(r.openedAt()), d.when(r.answeredAt()), d.when(r.nextReminderAt()))).toList();
    }

    // ---------------------------------------------------------------- settings

    public void showSettings(Context ctx) {
        long ws = CurrentUser.require(ctx).workspaceId();
        render(ctx, AskSettingsForm.of(settings.get(ws)), FormErrors.none(), null, null, FormErrors.none(), false);
    }

    public void saveSettings(Context ctx) {
        long ws = CurrentUser.require(ctx).workspaceId();
        AskSettingsForm form = AskSettingsForm.from(ctx);
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, form, errors, null, null, FormErrors.none(), false);
            return;
        }
        settings.save(form.toSettings(ws));
        Views.redirectWithFlash(ctx, "/admin/settings/asking", "ask.flash.settingsSaved");
    }

    /** Saves one email's wording, previews it unsaved (action=preview), or goes back to the default (action=reset). */
    public void saveTemplate(Context ctx) {
        long ws = CurrentUser.require(ctx).workspaceId();
        AskTemplate.Kind kind = AskTemplate.Kind.parse(ctx.pathParam("kind"));
        if (kind == null) throw new NotFound();
        String action = ctx.formParam("action");
        if ("reset".equals(action)) {
            settings.resetTemplate(ws, kind.db());
            Views.redirectWithFlash(ctx, "/admin/settings/asking#t-" + kind.db(), "ask.flash.templateReset");
            return;
        }
        TemplateForm form = TemplateForm.from(ctx);
        FormErrors errors = form.validate(kind);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, AskSettingsForm.of(settings.get(ws)), FormErrors.none(), kind, form, errors, false);
            return;
        }
        if ("preview".equals(action)) {
            render(ctx, AskSettingsForm.of(settings.get(ws)), FormErrors.none(), kind, form, errors, true);
            return;
        }
        settings.saveTemplate(ws, kind.db(), form.subject(), form.body());
        Views.redirectWithFlash(ctx, "/admin/settings/asking#t-" + kind.db(), "ask.flash.templateSaved");
    }

    private void render(Context ctx, AskSettingsForm form, FormErrors errors, AskTemplate.Kind editedKind,
                        TemplateForm edited, FormErrors editedErrors, boolean preview) {
        CurrentUser user = CurrentUser.require(ctx);
        long ws = user.workspaceId();
        String wsLanguage = workspaces.findById(ws).map(w -> w.language()).orElse("en");
        Localizer t = i18n.localizer(wsLanguage);
        List<AskPages.TemplateView> views = new ArrayList<>();
        for (AskTemplate.Kind kind : AskTemplate.Kind.values()) {
            var custom = settings.template(ws, kind.db());
            AskMails.Wording w = AskMails.wording(custom, kind, t);
            TemplateForm f = kind == editedKind ? edited : new TemplateForm(w.subject(), w.body());
            Email shown = kind == editedKind && preview ? sample(kind, f, user, t) : null;
            views.add(new AskPages.TemplateView(kind.db(), f, kind == editedKind ? editedErrors : FormErrors.none(),
                    custom.isPresent(), shown));
        }
        Views.render(ctx, "ask/settings.jte", new AskPages.SettingsPage(Views.shell(ctx, "ask.settings.title", "asking"), form, errors,
                views, AskMails.PLACEHOLDERS));
    }

    /** The email as a client would get it, with sample values. */
    private Email sample(AskTemplate.Kind kind, TemplateForm f, CurrentUser user, Localizer t) {
        AskMails.Values v = new AskMails.Values(t.text("ask.sample.firstName"), t.text("ask.sample.name"),
                t.text("ask.sample.project"), user.workspaceName(), baseUrl + "/c/…", "9", t.text("ask.sample.feedback"));
        return AskMails.build(kind, new AskMails.Wording(f.subject(), f.body()), v, "client@example.com", user.email(),
                kind == AskTemplate.Kind.ALERT ? null : baseUrl + "/u/…", t);
    }
}
