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
 * /testimonial/confirm/{token}: a client confirms that words the freelancer typed in or imported are theirs, and
 * says what may be shown. Only then is the testimonial verified.
 */
public final class ConfirmLinkController {
    private final PublicSites sites;
    private final ClientConfirmation confirmations;
    private final FormGuard guard;

    public ConfirmLinkController(PublicSites sites, ClientConfirmation confirmations, FormGuard guard) {
        this.sites = sites;
        this.confirmations = confirmations;
        this.guard = guard;
    }

    public void show(Context ctx) {
        ClientConfirmation.Pending p = byToken(ctx);
        render(ctx, p, Consents.of(p.testimonial()), FormErrors.none());
    }

    public void confirm(Context ctx) {
        ClientConfirmation.Pending p = byToken(ctx);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.EDIT, Throttle.key(Limit.EDIT_IP, ctx.ip()));
        if (!g.passed()) {
            g.refuse(ctx);
            render(ctx, p, Consents.from(ctx), g.errors());
            return;
        }
        if (!p.used()) confirmations.confirm(p, Consents.from(ctx), ctx.ip());
        Flash.set(ctx, "testimonial.confirm.flash.done");
        ctx.redirect("/testimonial/confirm/" + ctx.pathParam("token"), HttpStatus.SEE_OTHER);
    }

    private ClientConfirmation.Pending byToken(Context ctx) {
        return confirmations.byToken(ctx.pathParam("token")).orElseThrow(NotFound::new);
    }

    private void render(Context ctx, ClientConfirmation.Pending p, Consents consents, FormErrors errors) {
        PublicSites.Site site = sites.site(ctx, p.testimonial().workspaceId());
        Views.render(ctx, "testimonial/confirm.jte", new TestimonialPages.ConfirmPage(
                site.shell(ctx, site.t().text("testimonial.confirm.title", site.brand().name())), site.brand(), p.testimonial(),
                p.client().name(), consents, errors, ctx.pathParam("token"), guard.stamp(FormGuard.Form.EDIT), p.used()));
    }
}
