package io.goodword.testimonial;

import io.goodword.account.PublicSites;
import io.goodword.db.NotFound;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.web.Dates;
import io.goodword.web.Flash;
import io.goodword.web.FormErrors;
import io.goodword.web.Params;
import io.goodword.web.Validation;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The author's private link once the testimonial was moderated (/testimonial/edit/{token}): what is public and
 * why, the consents to change, new words to propose, the freelancer's edit to approve or decline, withdrawal, and
 * the history of both sides. Before moderation the same link edits the submission ({@link TestimonialEditLinkController}).
 */
public final class AuthorLinkController {
    private final PublicSites sites;
    private final AuthorControl author;
    private final FormGuard guard;

    public AuthorLinkController(PublicSites sites, AuthorControl author, FormGuard guard) {
        this.sites = sites;
        this.author = author;
        this.guard = guard;
    }

    public void consents(Context ctx) {
        Testimonial t = byToken(ctx);
        if (!passed(ctx, t)) return;
        int n = author.changeConsents(t, Consents.from(ctx), ctx.ip());
        done(ctx, n == 0 ? "testimonial.flash.unchanged" : "testimonial.author.flash.consents");
    }

    public void propose(Context ctx) {
        Testimonial t = byToken(ctx);
        if (!passed(ctx, t)) return;
        String body = Validation.clean(ctx.formParam("body"));
        FormErrors errors = author.proposeByAuthor(t, body);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, t, Consents.of(t), body, errors);
            return;
        }
        done(ctx, "testimonial.author.flash.proposed");
    }

    public void decide(Context ctx) {
        Testimonial t = byToken(ctx);
        if (!passed(ctx, t)) return;
        boolean approve = "approve".equals(ctx.formParam("decision"));
        if (!author.decideByAuthor(t, Params.id(ctx, "proposalId"), approve)) throw new NotFound();
        done(ctx, approve ? "testimonial.author.flash.approved" : "testimonial.author.flash.declined");
    }

    /** Shown for the author's link once the testimonial left the moderation queue. */
    void show(Context ctx, Testimonial t) {
        render(ctx, t, Consents.of(t), "", FormErrors.none());
    }

    /** After publication: withdrawn, not deleted (the freelancer keeps the record; nothing is shown). */
    void withdraw(Context ctx, Testimonial t) {
        author.withdraw(t, ctx.ip());
        done(ctx, "testimonial.author.flash.withdrawn");
    }

    private boolean passed(Context ctx, Testimonial t) {
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.EDIT, Throttle.key(Limit.EDIT_IP, ctx.ip()));
        if (g.passed()) return true;
        g.refuse(ctx);
        render(ctx, t, Consents.of(t), Validation.clean(ctx.formParam("body")), g.errors());
        return false;
    }

    private Testimonial byToken(Context ctx) {
        Testimonial t = author.byToken(ctx.pathParam("token")).orElseThrow(NotFound::new);
        if (t.status() == TestimonialStatus.PENDING) throw new NotFound(); // the edit form is the page for that
        return t;
    }

    private void done(Context ctx, String flashKey) {
        Flash.set(ctx, flashKey);
        ctx.redirect("/testimonial/edit/" + ctx.pathParam("token"), HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Testimonial t, Consents consents, String body, FormErrors errors) {
        PublicSites.Site site = sites.site(ctx, t.workspaceId());
        Views.render(ctx, "testimonial/author.jte", new TestimonialPages.AuthorPage(
                site.shell(ctx, site.t().text("testimonial.author.title", site.brand().name())), site.brand(), t, consents,
                body, errors, ctx.pathParam("token"), guard.stamp(FormGuard.Form.EDIT), author.ledger(t), author.proposals(t),
                Dates.in(site.workspace().timeZone(), site.t())));
    }
}
