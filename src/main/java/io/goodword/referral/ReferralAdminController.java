package io.goodword.referral;

import io.goodword.client.ClientDao;
import io.goodword.client.ClientQuery;
import io.goodword.db.NotFound;
import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.Params;
import io.goodword.web.QrCode;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** /admin/referrals/programs, settings and ambassadors' links. */
public final class ReferralAdminController {
    private final Referrals service;
    private final ProgramDao programs;
    private final LinkDao links;
    private final String baseUrl;

    public ReferralAdminController(Referrals service, ProgramDao programs, LinkDao links, String baseUrl) {
        this.service = service;
        this.programs = programs;
        this.links = links;
        this.baseUrl = baseUrl;
    }

    public void programs(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        renderPrograms(ctx, SettingsForm.of(programs.settingsOrDefault(ws)), FormErrors.none());
    }

    private void renderPrograms(Context ctx, SettingsForm settings, FormErrors errors) {
        Views.render(ctx, "referral/programs.jte", new ReferralPages.ProgramsPage(Views.shell(ctx, "referral.programs.title", "referrals"),
                programs.list(CurrentUser.workspaceId(ctx)), service.programs().today(), settings, errors,
                CurrentUser.dates(ctx)));
    }

    public void saveSettings(Context ctx) {
        SettingsForm form = SettingsForm.from(ctx);
        FormErrors errors = service.programs().saveSettings(CurrentUser.workspaceId(ctx), form);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderPrograms(ctx, form, errors);
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/referrals/programs", "referral.flash.settingsSaved");
    }

    public void newProgram(Context ctx) {
        Views.render(ctx, "referral/programForm.jte", new ReferralPages.ProgramFormPage(Views.shell(ctx, "referral.program.newTitle", "referrals"),
                null, null, ProgramForm.empty(), FormErrors.none()));
    }

    public void createProgram(Context ctx) {
        ProgramForm form = ProgramForm.from(ctx);
        Saved saved = service.programs().createProgram(CurrentUser.workspaceId(ctx), form);
        if (!saved.errors().isEmpty()) {
            Views.invalid(ctx, "referral/programForm.jte", new ReferralPages.ProgramFormPage(
                    Views.shell(ctx, "referral.program.newTitle", "referrals"), null, null, form, saved.errors()));
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/referrals/programs", "referral.flash.programCreated");
    }

    public void editProgram(Context ctx) {
        Program p = programs.findById(CurrentUser.workspaceId(ctx), Params.id(ctx, "id")).orElseThrow(NotFound::new);
        Views.render(ctx, "referral/programForm.jte", new ReferralPages.ProgramFormPage(Views.shellWithTitle(ctx, p.name(), "referrals"),
                p.id(), p, ProgramForm.of(p), FormErrors.none()));
    }

    public void updateProgram(Context ctx) {
        Program p = programs.findById(CurrentUser.workspaceId(ctx), Params.id(ctx, "id")).orElseThrow(NotFound::new);
        ProgramForm form = ProgramForm.from(ctx);
        FormErrors errors = service.programs().updateProgram(CurrentUser.workspaceId(ctx), p.id(), form);
        if (!errors.isEmpty()) {
            Views.invalid(ctx, "referral/programForm.jte", new ReferralPages.ProgramFormPage(Views.shellWithTitle(ctx, p.name(), "referrals"),
                    p.id(), p, form, errors));
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/referrals/programs", "referral.flash.programSaved");
    }

    public void pauseProgram(Context ctx) {
        service.programs().setProgramStatus(CurrentUser.workspaceId(ctx), Params.id(ctx, "id"), Program.Status.PAUSED);
        Views.redirectWithFlash(ctx, "/admin/referrals/programs", "referral.flash.programPaused");
    }

    public void resumeProgram(Context ctx) {
        service.programs().setProgramStatus(CurrentUser.workspaceId(ctx), Params.id(ctx, "id"), Program.Status.ACTIVE);
        Views.redirectWithFlash(ctx, "/admin/referrals/programs", "referral.flash.programResumed");
    }

    public void ambassadors(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        ClientQuery q = ClientQuery.from(ctx); // the client list's own search and paging, not a second one
        int total = links.countAmbassadors(ws, ClientDao.filter(q.q(), q.tag()), q.like(), q.tag());
        Views.render(ctx, "referral/ambassadors.jte", new ReferralPages.AmbassadorsPage(Views.shell(ctx, "referral.ambassadors.title", "referrals"),
                links.ambassadors(ws, ClientDao.filter(q.q(), q.tag()), q.like(), q.tag(), q.sort().sql(), ClientQuery.PAGE_SIZE, q.offset()),
                programs.list(ws), baseUrl, service.programs().currentProgram(ws).map(Program::id).orElse(null), q, total,
                ClientQuery.pages(total)));
    }

    private long programParam(Context ctx) {
        try {
            return Long.parseLong(String.valueOf(ctx.formParam("programId")));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public void createLink(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        long client = Params.id(ctx, "clientId");
        links.client(ws, client).orElseThrow(NotFound::new);
        if (service.links().linkFor(ws, programParam(ctx), client).isEmpty()) {
            Views.redirectWithFlash(ctx, "/admin/referrals/ambassadors", "referral.flash.chooseProgram");
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/referrals/ambassadors#client-" + client, "referral.flash.linkCreated");
    }

    public void emailLink(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        long client = Params.id(ctx, "clientId");
        String flash = switch (service.links().emailLink(ws, programParam(ctx), client)) {
            case SENT -> "referral.flash.linkEmailed";
            case NO_EMAIL -> "referral.flash.noEmail";
            case NO_LINK -> "referral.flash.chooseProgram";
        };
        Views.redirectWithFlash(ctx, "/admin/referrals/ambassadors#client-" + client, flash);
    }

    /**
     * /admin/referrals/links/{code}/qr.svg and .png: an ambassador's link to print on a card they hand out or to
     * show at a meeting. Not a use of the link (a GET changes nothing): it counts as shared once it is emailed or visited.
     */
    public void qr(Context ctx) {
        String code = ReferralCodes.normalize(ctx.pathParam("code"));
        if (code == null) throw new NotFound();
        Link link = links.findInWorkspace(CurrentUser.workspaceId(ctx), code).orElseThrow(NotFound::new);
        QrCode.send(ctx, service.links().url(link.code()), "referral-" + link.code() + "-qr");
    }
}
