package io.goodword.referral;

import io.goodword.audit.AuditLog;
import io.goodword.security.CurrentUser;
import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Params;
import io.goodword.web.Validation;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** /admin/referrals: the leads pipeline, the rewards ledger (and its CSV), the leaderboard. */
public final class ReferralPipelineController {
    private final Referrals service;
    private final LeadDao leads;
    private final RewardDao rewards;

    public ReferralPipelineController(Referrals service, LeadDao leads, RewardDao rewards) {
        this.service = service;
        this.leads = leads;
        this.rewards = rewards;
    }

    private static Dates dates(Context ctx) { return CurrentUser.dates(ctx); }

    public void leads(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        String filter = Validation.clean(ctx.queryParam("status"));
        Lead.Status status = ProgramForm.enumOf(Lead.Status.class, filter);
        boolean held = "HELD".equals(filter);
        if (status == null && !held) filter = "";
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Lead.Status s : Lead.Status.values()) counts.put(s.name(), 0);
        leads.countsByStatus(ws).forEach(c -> counts.put(c.status().name(), c.count()));
        Views.render(ctx, "referral/leads.jte", new ReferralPages.LeadsPage(Views.shell(ctx, "referral.leads.title", "referrals"),
                leads.list(ws, status, held), filter, leads.countHeld(ws), counts, dates(ctx)));
    }

    public void lead(Context ctx) {
        Lead lead = service.pipeline().lead(CurrentUser.workspaceId(ctx), Params.id(ctx, "id"));
        renderLead(ctx, lead, StatusForm.of(lead), FormErrors.none(), "", FormErrors.none());
    }

    private void renderLead(Context ctx, Lead lead, StatusForm form, FormErrors errors, String note, FormErrors noteErrors) {
        renderLead(ctx, lead, form, errors, note, noteErrors, "", FormErrors.none(), FormErrors.none());
    }

    private void renderLead(Context ctx, Lead lead, StatusForm form, FormErrors errors, String note, FormErrors noteErrors,
                            String referrer, FormErrors referrerErrors, FormErrors actionErrors) {
        long ws = CurrentUser.workspaceId(ctx);
        Views.render(ctx, "referral/lead.jte", new ReferralPages.LeadPage(Views.shellWithTitle(ctx, lead.name(), "referrals"), lead,
                leads.events(ws, lead.id()), rewards.forLead(ws, lead.id()), form, errors, note, noteErrors, referrer,
                referrerErrors, actionErrors, service.pipeline().now(), dates(ctx), leads.convertedClient(ws, lead.id()).orElse(null)));
    }

    private void leadInvalid(Context ctx, long id, String referrer, FormErrors referrerErrors, FormErrors actionErrors) {
        Lead lead = service.pipeline().lead(CurrentUser.workspaceId(ctx), id);
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        renderLead(ctx, lead, StatusForm.of(lead), FormErrors.none(), "", FormErrors.none(), referrer, referrerErrors,
                actionErrors);
    }

    /** "Convert to client" on a won lead: one POST, then the lead page links to the client. */
    public void convertToClient(Context ctx) {
        long id = Params.id(ctx, "id");
        if (service.pipeline().convertToClient(CurrentUser.workspaceId(ctx), id) == 0) {
            leadInvalid(ctx, id, "", FormErrors.none(), FormErrors.of("", "referral.error.convertNotWon"));
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/referrals/leads/" + id, "referral.flash.converted");
    }

    // ---------------------------------------------------------------- attribution by hand

    public void newLead(Context ctx) {
        Views.render(ctx, "referral/newLead.jte", new ReferralPages.NewLeadPage(Views.shell(ctx, "referral.newLead.title", "referrals"),
                FriendForm.empty(), "", FormErrors.none()));
    }

    public void createLead(Context ctx) {
        FriendForm form = FriendForm.from(ctx);
        String referrer = Validation.clean(ctx.formParam("referrer"));
        Saved saved = service.submissions().addLead(CurrentUser.workspaceId(ctx), CurrentUser.require(ctx).accountId(), form, referrer);
        if (!saved.errors().isEmpty()) {
            Views.invalid(ctx, "referral/newLead.jte", new ReferralPages.NewLeadPage(Views.shell(ctx, "referral.newLead.title", "referrals"),
                    form, referrer, saved.errors()));
            return;
        }
        ctx.attribute(AuditLog.RECORDED_ATTR, Boolean.TRUE); // recorded with its detail by the service
        Views.redirectWithFlash(ctx, "/admin/referrals/leads/" + saved.id(), "referral.flash.leadAdded");
    }

    public void changeReferrer(Context ctx) {
        long id = Params.id(ctx, "id");
        String referrer = Validation.clean(ctx.formParam("referrer"));
        FormErrors errors = service.pipeline().changeReferrer(CurrentUser.workspaceId(ctx), CurrentUser.require(ctx).accountId(), id, referrer);
        if (!errors.isEmpty()) {
            leadInvalid(ctx, id, referrer, errors, FormErrors.none());
            return;
        }
        ctx.attribute(AuditLog.RECORDED_ATTR, Boolean.TRUE);
        Views.redirectWithFlash(ctx, "/admin/referrals/leads/" + id, "referral.flash.referrerChanged");
    }

    public void suggestion(Context ctx) {
        long id = Params.id(ctx, "id");
        long ws = CurrentUser.workspaceId(ctx);
        long account = CurrentUser.require(ctx).accountId();
        String decision = String.valueOf(ctx.formParam("decision"));
        if (!decision.equals("confirm") && !decision.equals("dismiss")) throw new io.javalin.http.BadRequestResponse();
        if (decision.equals("dismiss")) {
            service.pipeline().dismissSuggestion(ws, account, id);
        } else {
            FormErrors errors = service.pipeline().confirmSuggestion(ws, account, id);
            if (!errors.isEmpty()) {
                leadInvalid(ctx, id, "", errors.has("referrer") ? errors : FormErrors.none(),
                        errors.has("referrer") ? FormErrors.none() : errors);
                return;
            }
        }
        ctx.attribute(AuditLog.RECORDED_ATTR, Boolean.TRUE);
        Views.redirectWithFlash(ctx, "/admin/referrals/leads/" + id,
                decision.equals("confirm") ? "referral.flash.suggestionConfirmed" : "referral.flash.suggestionDismissed");
    }

    public void invoicePaid(Context ctx) {
        long id = Params.id(ctx, "id");
        FormErrors errors = service.pipeline().markInvoicePaid(CurrentUser.workspaceId(ctx), id);
        if (!errors.isEmpty()) {
            leadInvalid(ctx, id, "", FormErrors.none(), errors);
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/referrals/leads/" + id, "referral.flash.invoicePaid");
    }

    public void changeStatus(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        long id = Params.id(ctx, "id");
        StatusForm form = StatusForm.from(ctx);
        FormErrors errors = service.pipeline().changeStatus(ws, id, form);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderLead(ctx, service.pipeline().lead(ws, id), form, errors, "", FormErrors.none());
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/referrals/leads/" + id, "referral.flash.statusChanged");
    }

    public void addNote(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        long id = Params.id(ctx, "id");
        String note = Validation.clean(ctx.formParam("body"));
        FormErrors errors = service.pipeline().addNote(ws, id, note);
        if (!errors.isEmpty()) {
            Lead lead = service.pipeline().lead(ws, id);
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderLead(ctx, lead, StatusForm.of(lead), FormErrors.none(), note, errors);
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/referrals/leads/" + id, "referral.flash.noteAdded");
    }

    public void review(Context ctx) {
        long id = Params.id(ctx, "id");
        String decision = String.valueOf(ctx.formParam("decision"));
        if (!decision.equals("clear") && !decision.equals("reject")) throw new io.javalin.http.BadRequestResponse();
        service.pipeline().review(CurrentUser.workspaceId(ctx), id, decision.equals("clear"));
        Views.redirectWithFlash(ctx, "/admin/referrals/leads/" + id,
                decision.equals("clear") ? "referral.flash.cleared" : "referral.flash.rejected");
    }

    public void rewards(Context ctx) {
        renderRewards(ctx, 0, FormErrors.none(), "", "");
    }

    private void renderRewards(Context ctx, long errorId, FormErrors errors, String note, String reason) {
        long ws = CurrentUser.workspaceId(ctx);
        String filter = Validation.clean(ctx.queryParam("status"));
        Reward.Status status = ProgramForm.enumOf(Reward.Status.class, filter);
        Views.render(ctx, "referral/rewards.jte", new ReferralPages.RewardsPage(Views.shell(ctx, "referral.rewards.title", "referrals"),
                rewards.list(ws, status), status == null ? "" : status.name(), rewards.totalsByAmbassador(ws),
                rewards.totalsByProgram(ws), errorId, errors, note, reason, dates(ctx)));
    }

    public void approve(Context ctx) {
        long id = Params.id(ctx, "id");
        FormErrors errors = service.rewards().approve(CurrentUser.workspaceId(ctx), id);
        rewardDone(ctx, id, errors, "", "", "referral.flash.rewardApproved");
    }

    public void fulfil(Context ctx) {
        long id = Params.id(ctx, "id");
        String note = Validation.clean(ctx.formParam("note"));
        rewardDone(ctx, id, service.rewards().fulfil(CurrentUser.workspaceId(ctx), id, note), note, "", "referral.flash.rewardFulfilled");
    }

    public void cancel(Context ctx) {
        long id = Params.id(ctx, "id");
        String reason = Validation.clean(ctx.formParam("reason"));
        rewardDone(ctx, id, service.rewards().cancel(CurrentUser.workspaceId(ctx), id, reason), "", reason, "referral.flash.rewardCancelled");
    }

    private void rewardDone(Context ctx, long id, FormErrors errors, String note, String reason, String flash) {
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderRewards(ctx, id, errors, note, reason);
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/referrals/rewards#reward-" + id, flash);
    }

    public void rewardsCsv(Context ctx) throws IOException {
        StringWriter out = new StringWriter();
        RewardCsv.write(rewards.all(CurrentUser.workspaceId(ctx)), Views.t(ctx), out);
        ctx.header("Content-Disposition", "attachment; filename=\"referral-rewards.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }

    public void leaderboard(Context ctx) {
        Views.render(ctx, "referral/leaderboard.jte", new ReferralPages.LeaderboardPage(
                Views.shell(ctx, "referral.leaderboard.title", "referrals"), leads.leaderboard(CurrentUser.workspaceId(ctx))));
    }
}
