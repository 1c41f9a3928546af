package io.goodword.testimonial;

import io.goodword.account.PublicSites;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.web.FormErrors;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The open collection form /p/{slug}/review and its thank-you page, in the freelancer's public site. Spam checks go
 * through the {@link FormGuard}; the submitter's private link is {@link TestimonialEditLinkController}.
 */
public final class TestimonialReviewController {
    private final PublicSites sites;
    private final TestimonialService service;
    private final TestimonialDao dao;
    private final FormGuard guard;

    public TestimonialReviewController(PublicSites sites, TestimonialService service, TestimonialDao dao, FormGuard guard) {
        this.sites = sites;
        this.service = service;
        this.dao = dao;
        this.guard = guard;
    }

    public void reviewForm(Context ctx) {
        sites.resolve(ctx).ifPresent(site ->
                render(ctx, site, TestimonialForm.empty(), FormErrors.none(), guard.stamp(FormGuard.Form.REVIEW)));
    }

    public void submit(Context ctx) {
        sites.resolve(ctx).ifPresent(site -> submit(ctx, site));
    }

    private void submit(Context ctx, PublicSites.Site site) {
        long ws = site.workspace().id();
        TestimonialForm form = TestimonialForm.from(ctx);
        String stamp = ctx.formParam(FormGuard.STAMP);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.REVIEW, Throttle.key(Limit.REVIEW_IP, ctx.ip()),
                Throttle.key(Limit.REVIEW_WORKSPACE, ws));
        if (!g.passed()) {
            g.refuse(ctx);
            render(ctx, site, form, g.errors(), guard.restamp(FormGuard.Form.REVIEW, stamp));
            return;
        }
        byte[] photo = TestimonialForm.uploadedPhoto(ctx);
        TestimonialService.SubmitResult result = service.submit(site.workspace(), form, photo, Origin.publicForm(ctx.ip()), g.once());
        if (!result.ok() && !result.repeated()) {
            if (photo == null) g.release(); // M5: an attempt with an upload counts even when it fails
            ctx.status(result.status());
            render(ctx, site, result.form(), result.errors(), guard.restamp(FormGuard.Form.REVIEW, stamp));
            return;
        }
        if (result.repeated()) g.release(); // the same rendered form again: answered as the first time, not counted
        ctx.redirect(site.brand().reviewUrl() + "/thanks", HttpStatus.SEE_OTHER);
    }

    public void thanks(Context ctx) {
        sites.resolve(ctx).ifPresent(site -> {
            ctx.header("Cache-Control", "no-store");
            Views.render(ctx, "testimonial/thanks.jte", new TestimonialPages.ThanksPage(
                    site.shell(ctx, site.t().text("testimonial.thanks.title")), site.brand()));
        });
    }

    private void render(Context ctx, PublicSites.Site site, TestimonialForm form, FormErrors errors, String stamp) {
        ctx.header("Cache-Control", "no-store");
        Views.render(ctx, "testimonial/review.jte", new TestimonialPages.ReviewPage(
                site.shell(ctx, site.t().text("testimonial.review.title", site.brand().name())), site.brand(),
                dao.prompt(site.workspace().id()), form, errors, site.brand().reviewUrl(), stamp));
    }
}
