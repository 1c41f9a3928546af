package io.goodword.referral;

import io.goodword.account.PublicSites;
import io.goodword.db.NotFound;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.testimonial.PublicTestimonials;
import io.goodword.web.Cookies;
import io.goodword.web.FormErrors;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/**
 * The friend's side: the landing page {@code /r/{code}} (sets the attribution cookie) and the public contact page
 * {@code /p/{slug}/contact} (applies it). No sign-in; both forms go through the {@link FormGuard}, and unknown
 * codes are counted per IP so codes cannot be guessed by trying (L5).
 */
public final class ReferralPublicController {
    public static final String COOKIE = "gw_ref";
    static final int LANDING_TESTIMONIALS = 6;
    private final Referrals service;
    private final LinkDao links;
    private final FormGuard guard;
    private final PublicSites sites;
    private final PublicTestimonials testimonials;

    public ReferralPublicController(Referrals service, LinkDao links, FormGuard guard, PublicSites sites,
                                    PublicTestimonials testimonials) {
        this.service = service;
        this.links = links;
        this.guard = guard;
        this.sites = sites;
        this.testimonials = testimonials;
    }

    /** The link behind /r/{code}; every lookup counts against the IP's unknown-code limit until it is found. */
    private ReferralLinks.LinkContext link(Context ctx) {
        FormGuard.Verdict lookup = guard.limit(Throttle.key(Limit.REFERRAL_UNKNOWN_CODE, ctx.ip()));
        if (!lookup.passed()) {
            lookup.refuse(ctx);
            throw new HttpResponseException(429, "too many unknown codes");
        }
        ReferralLinks.LinkContext lc = service.links().resolve(ctx.pathParam("code")).orElseThrow(NotFound::new);
        lookup.release();
        return lc;
    }

    public void landing(Context ctx) {
        ReferralLinks.LinkContext lc = link(ctx);
        int days = service.programs().attributionDays(lc.link().workspaceId());
        Cookies.set(ctx, COOKIE, service.links().cookies().of(lc.link().code()), days * 86_400);
        ctx.header("Referrer-Policy", "no-referrer");
        renderLanding(ctx, lc, FriendForm.empty().withStamp(guard.stamp(FormGuard.Form.REFERRAL)), FormErrors.none());
    }

    private void renderLanding(Context ctx, ReferralLinks.LinkContext lc, FriendForm form, FormErrors errors) {
        PublicSites.Site site = sites.site(ctx, lc.link().workspaceId());
        var t = site.t();
        Program p = lc.program();
        String friendReward = p.running(service.programs().today()) && p.friendReward().present() ? p.friendReward().describe(t) : null;
        Views.render(ctx, "referral/landing.jte", new ReferralPages.LandingPage(
                site.shell(ctx, t.text("referral.landing.title", lc.referrer().firstName(), site.brand().name())),
                site.brand(), lc.link().code(), lc.referrer().firstName(), friendReward, p.description(), p.terms(),
                testimonials.best(site.workspace().id(), LANDING_TESTIMONIALS), form, errors));
    }

    public void submitLanding(Context ctx) {
        ReferralLinks.LinkContext lc = link(ctx);
        FriendForm form = FriendForm.from(ctx);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.REFERRAL, ipKey(ctx, lc.link().workspaceId()),
                Throttle.key(Limit.REFERRAL_CODE, lc.link().code()));
        if (!g.passed()) {
            g.refuse(ctx);
            renderLanding(ctx, lc, keepStamp(form), g.errors());
            return;
        }
        ReferralSubmissions.Submission s = service.submissions().submitViaLink(lc, form, ctx.ip(), g.once());
        if (s.outcome() == ReferralSubmissions.Outcome.SAVED) {
            ctx.redirect(ReferralLinks.path(lc.link().code()) + "/thanks", HttpStatus.SEE_OTHER);
            return;
        }
        g.release(); // a typo costs nothing; only sent messages count
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        renderLanding(ctx, lc, keepStamp(form), s.errors());
    }

    public void landingThanks(Context ctx) {
        ReferralLinks.LinkContext lc = link(ctx);
        renderThanks(ctx, sites.site(ctx, lc.link().workspaceId()), lc.referrer().firstName());
    }

    public void contact(Context ctx) {
        sites.resolve(ctx).ifPresent(site ->
                renderContact(ctx, site, FriendForm.empty().withStamp(guard.stamp(FormGuard.Form.REFERRAL)), FormErrors.none()));
    }

    private void renderContact(Context ctx, PublicSites.Site site, FriendForm form, FormErrors errors) {
        String referrer = service.links().attributed(site.workspace().id(), ctx.cookie(COOKIE)).map(lc -> lc.referrer().firstName())
                .orElse(null);
        Views.render(ctx, "referral/contact.jte", new ReferralPages.ContactPage(
                site.shell(ctx, site.t().text("referral.contact.title", site.brand().name())), site.brand(), referrer, form,
                errors));
    }

    public void submitContact(Context ctx) {
        sites.resolve(ctx).ifPresent(site -> submitContact(ctx, site));
    }

    private void submitContact(Context ctx, PublicSites.Site site) {
        long ws = site.workspace().id();
        FriendForm form = FriendForm.from(ctx);
        String code = service.links().attributed(ws, ctx.cookie(COOKIE)).map(lc -> lc.link().code()).orElse(null);
        FormGuard.Verdict g = code == null ? guard.check(ctx, FormGuard.Form.REFERRAL, ipKey(ctx, ws))
                : guard.check(ctx, FormGuard.Form.REFERRAL, ipKey(ctx, ws), Throttle.key(Limit.REFERRAL_CODE, code));
        if (!g.passed()) {
            g.refuse(ctx);
            renderContact(ctx, site, keepStamp(form), g.errors());
            return;
        }
        ReferralSubmissions.Submission s = service.submissions().submitContact(ws, ctx.cookie(COOKIE), form, ctx.ip(), g.once());
        if (s.outcome() == ReferralSubmissions.Outcome.SAVED) {
            ctx.redirect(site.brand().contactUrl() + "/thanks", HttpStatus.SEE_OTHER);
            return;
        }
        g.release();
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        renderContact(ctx, site, keepStamp(form), s.errors());
    }

    public void contactThanks(Context ctx) {
        sites.resolve(ctx).ifPresent(site -> renderThanks(ctx, site, null));
    }

    private void renderThanks(Context ctx, PublicSites.Site site, String referrerFirstName) {
        Views.render(ctx, "referral/thanks.jte", new ReferralPages.ThanksPage(site.shell(ctx, site.t().text("referral.thanks.title")),
                site.brand(), referrerFirstName));
    }

    // ---------------------------------------------------------------- the referrer's choice of reward

    /** /reward/{token}: the referrer's private page (no-store and no-referrer, like every token page). */
    public void rewardChoice(Context ctx) {
        Reward r = service.rewards().rewardByChoiceToken(ctx.pathParam("token")).orElseThrow(NotFound::new);
        renderChoice(ctx, r, r.rewardType().name(), r.rewardType() == Program.RewardType.DONATION ? r.description() : "",
                FormErrors.none(), "1".equals(ctx.queryParam("saved")));
    }

    public void chooseReward(Context ctx) {
        String token = ctx.pathParam("token");
        Reward r = service.rewards().rewardByChoiceToken(token).orElseThrow(NotFound::new);
        String choice = io.goodword.web.Validation.clean(ctx.formParam("choice"));
        String cause = io.goodword.web.Validation.clean(ctx.formParam("cause"));
        FormErrors errors = service.rewards().chooseReward(r, choice, cause);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderChoice(ctx, r, choice, cause, errors, false);
            return;
        }
        ctx.redirect("/reward/" + token + "?saved=1", HttpStatus.SEE_OTHER);
    }

    private void renderChoice(Context ctx, Reward r, String choice, String cause, FormErrors errors, boolean saved) {
        WorkspaceRef ws = links.workspace(r.workspaceId()).orElseThrow(NotFound::new);
        Views.render(ctx, "referral/rewardChoice.jte", new ReferralPages.RewardChoicePage(Views.shell(ctx, "referral.choice.title"), ws, r,
                (r.currency().isEmpty() ? "" : r.currency() + " ") + (r.amount() == null ? "" : Rewards.money(r.amount())),
                choice, cause, errors, saved));
    }

    /** The user keeps what they typed; the stamp of the first showing stays, so fixing a field needs no waiting. */
    private FriendForm keepStamp(FriendForm form) {
        return form.withStamp(guard.restamp(FormGuard.Form.REFERRAL, form.stamp()));
    }

    private static Throttle.Key ipKey(Context ctx, long workspaceId) {
        return Throttle.key(Limit.REFERRAL_IP, workspaceId + ":" + ctx.ip());
    }
}
