package io.goodword.testimonial;

import io.goodword.account.PublicSites;
import io.goodword.db.NotFound;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.web.Flash;
import io.goodword.web.FormErrors;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The submitter's private link /testimonial/edit/{token}: change or withdraw one's testimonial while it is pending,
 * shown in the freelancer's public site and language. Once moderated, the same link is the author's page
 * ({@link AuthorLinkController}): it keeps working after publication.
 */
public final class TestimonialEditLinkController {
    private final PublicSites sites;
    private final TestimonialService service;
    private final AuthorControl author;
    private final AuthorLinkController authorPage;
    private final FormGuard guard;

    public TestimonialEditLinkController(PublicSites sites, TestimonialService service, AuthorControl author,
                                         AuthorLinkController authorPage, FormGuard guard) {
        this.sites = sites;
        this.service = service;
        this.author = author;
        this.authorPage = authorPage;
        this.guard = guard;
    }

    public void editForm(Context ctx) {
        Testimonial t = byToken(ctx);
        if (t.status() != TestimonialStatus.PENDING) authorPage.show(ctx, t);
        else render(ctx, t, TestimonialForm.of(t), FormErrors.none());
    }

    public void edit(Context ctx) {
        Testimonial t = byToken(ctx);
        TestimonialForm form = TestimonialForm.from(ctx).withCurrentPhoto(t.photoFile());
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.EDIT, Throttle.key(Limit.EDIT_IP, ctx.ip()));
        if (!g.passed()) {
            g.refuse(ctx);
            render(ctx, t, form, g.errors());
            return;
        }
        if (t.status() != TestimonialStatus.PENDING) {
            locked(ctx, t, TestimonialForm.from(ctx));
            return;
        }
        TestimonialService.SubmitResult r = service.updateBySubmitter(t, form, TestimonialForm.uploadedPhoto(ctx),
                ctx.formParam("removePhoto") != null);
        if (!r.ok()) {
            ctx.status(r.status());
            render(ctx, t, r.form(), r.errors());
            return;
        }
        Flash.set(ctx, "testimonial.flash.updated");
        ctx.redirect("/testimonial/edit/" + ctx.pathParam("token"), HttpStatus.SEE_OTHER);
    }

    public void withdraw(Context ctx) {
        Testimonial t = byToken(ctx);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.EDIT, Throttle.key(Limit.EDIT_IP, ctx.ip()));
        if (!g.passed()) {
            g.refuse(ctx);
            render(ctx, t, TestimonialForm.of(t), g.errors());
            return;
        }
        if (t.status() != TestimonialStatus.PENDING) {
            authorPage.withdraw(ctx, t);
            return;
        }
        if (!service.withdraw(t)) {
            locked(ctx, t, TestimonialForm.of(t));
            return;
        }
        PublicSites.Site site = sites.site(ctx, t.workspaceId());
        Views.render(ctx, "testimonial/withdrawn.jte", new TestimonialPages.ThanksPage(
                site.shell(ctx, site.t().text("testimonial.withdrawn.title")), site.brand()));
    }

    private Testimonial byToken(Context ctx) {
        return author.byToken(ctx.pathParam("token")).orElseThrow(NotFound::new);
    }

    /** Moderated meanwhile: the submitter can no longer change it. */
    private void locked(Context ctx, Testimonial t, TestimonialForm form) {
        ctx.status(HttpStatus.CONFLICT);
        render(ctx, t, form, FormErrors.of("", "testimonial.edit.locked"));
    }

    private void render(Context ctx, Testimonial t, TestimonialForm form, FormErrors errors) {
        PublicSites.Site site = sites.site(ctx, t.workspaceId());
        Views.render(ctx, "testimonial/edit.jte", new TestimonialPages.EditPage(
                site.shell(ctx, site.t().text("testimonial.edit.title", site.brand().name())), site.brand(), form, errors,
                ctx.pathParam("token"), t.status() != TestimonialStatus.PENDING, guard.stamp(FormGuard.Form.EDIT)));
    }
}
