package io.goodword.referral;

import io.goodword.web.Cookies;
import io.goodword.web.FormErrors;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

/**
 * The friend's side: the landing page {@code /r/{code}} (sets the attribution cookie) and the public contact page
 * {@code /p/{slug}/contact} (applies it). No sign-in; spam is kept out by the service's checks.
 */
public final class ReferralPublicController {
    public static final String COOKIE = "gw_ref";
    private final ReferralService service;
    private final LinkDao links;

    public ReferralPublicController(ReferralService service, LinkDao links) {
        this.service = service;
        this.links = links;
    }

    private ReferralService.LinkContext link(Context ctx) {
        return service.resolve(ctx.pathParam("code")).orElseThrow(NotFoundResponse::new);
    }

    public void landing(Context ctx) {
        ReferralService.LinkContext lc = link(ctx);
        int days = service.attributionDays(lc.link().workspaceId());
        Cookies.set(ctx, COOKIE, service.guard().attributionCookie(lc.link().code()), days * 86_400);
        ctx.header("Referrer-Policy", "no-referrer");
        renderLanding(ctx, lc, FriendForm.empty().withStamp(service.guard().stamp()), FormErrors.none());
    }

    private void renderLanding(Context ctx, ReferralService.LinkContext lc, FriendForm form, FormErrors errors) {
        WorkspaceRef ws = links.workspace(lc.link().workspaceId()).orElseThrow(NotFoundResponse::new);
        var t = Views.t(ctx);
        Program p = lc.program();
        String friendReward = p.running(service.today()) && p.friendReward().present() ? p.friendReward().describe(t) : null;
        Views.render(ctx, "referral/landing.jte", new LandingPage(
                Views.shellWithTitle(ctx, t.text("referral.landing.title", lc.referrer().firstName(), ws.displayName()), ""),
                ws, lc.link().code(), lc.referrer().firstName(), friendReward, p.description(), p.terms(),
                service.bestTestimonials(ws.id()), form, errors));
    }

    public void submitLanding(Context ctx) {
        ReferralService.LinkContext lc = link(ctx);
        FriendForm form = FriendForm.from(ctx);
        ReferralService.Submission s = service.submitViaLink(lc, form, ctx.ip());
        switch (s.outcome()) {
            case SAVED, IGNORED -> ctx.redirect("/r/" + lc.link().code() + "/thanks", HttpStatus.SEE_OTHER);
            case INVALID, THROTTLED -> {
                ctx.status(s.outcome() == ReferralService.Outcome.THROTTLED ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNPROCESSABLE_CONTENT);
                renderLanding(ctx, lc, keepStamp(form), s.errors());
            }
        }
    }

    public void landingThanks(Context ctx) {
        ReferralService.LinkContext lc = link(ctx);
        WorkspaceRef ws = links.workspace(lc.link().workspaceId()).orElseThrow(NotFoundResponse::new);
        Views.render(ctx, "referral/thanks.jte", new ThanksPage(Views.shell(ctx, "referral.thanks.title"), ws,
                lc.referrer().firstName()));
    }

    private WorkspaceRef workspace(Context ctx) {
        return links.workspaceBySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
    }

    public void contact(Context ctx) {
        WorkspaceRef ws = workspace(ctx);
        renderContact(ctx, ws, FriendForm.empty().withStamp(service.guard().stamp()), FormErrors.none());
    }

    private void renderContact(Context ctx, WorkspaceRef ws, FriendForm form, FormErrors errors) {
        String referrer = service.attributed(ws.id(), ctx.cookie(COOKIE)).map(lc -> lc.referrer().firstName()).orElse(null);
        Views.render(ctx, "referral/contact.jte", new ContactPage(
                Views.shellWithTitle(ctx, Views.t(ctx).text("referral.contact.title", ws.displayName()), ""),
                ws, referrer, form, errors));
    }

    public void submitContact(Context ctx) {
        WorkspaceRef ws = workspace(ctx);
        FriendForm form = FriendForm.from(ctx);
        ReferralService.Submission s = service.submitContact(ws.id(), ctx.cookie(COOKIE), form, ctx.ip());
        switch (s.outcome()) {
            case SAVED, IGNORED -> ctx.redirect("/p/" + ws.slug() + "/contact/thanks", HttpStatus.SEE_OTHER);
            case INVALID, THROTTLED -> {
                ctx.status(s.outcome() == ReferralService.Outcome.THROTTLED ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNPROCESSABLE_CONTENT);
                renderContact(ctx, ws, keepStamp(form), s.errors());
            }
        }
    }

    public void contactThanks(Context ctx) {
        WorkspaceRef ws = workspace(ctx);
        Views.render(ctx, "referral/thanks.jte", new ThanksPage(Views.shell(ctx, "referral.thanks.title"), ws, null));
    }

    /** The user keeps what they typed; the stamp of the first showing stays, so fixing a field needs no waiting. */
    private FriendForm keepStamp(FriendForm form) {
        return form.withStamp(form.stamp().isEmpty() ? service.guard().stamp() : form.stamp());
    }
}
