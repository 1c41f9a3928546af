package io.goodword.testimonial;

import io.goodword.web.SitePaths;
import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.QrCode;
import io.goodword.web.Validation;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * /admin/testimonials/embed and /collect: the widget's snippet with a live preview, and the collection form's link
 * (with its QR code) and prompt.
 */
public final class TestimonialSetupController {
    static final int PROMPT_MAX = 1000;

    private final TestimonialDao dao;
    private final WorkspaceDao workspaces;
    private final TestimonialModeration moderation;
    private final String baseUrl;

    public TestimonialSetupController(TestimonialDao dao, WorkspaceDao workspaces, TestimonialModeration moderation,
                                      String baseUrl) {
        this.dao = dao;
        this.workspaces = workspaces;
        this.moderation = moderation;
        this.baseUrl = baseUrl;
    }

    public void embed(Context ctx) {
        Workspace w = workspace(ctx);
        workspaces.markWidgetOpened(w.id()); // the checklist's "embed the widget" step: the code to copy is here
        EmbedOptions o = EmbedOptions.from(ctx);
        Views.render(ctx, "testimonial/adminEmbed.jte", new TestimonialPages.EmbedAdminPage(
                Views.shell(ctx, "testimonial.embed.title", "testimonials"), o, snippet(w, o), "/embed/" + w.slug() + o.query(),
                "/embed/" + w.slug() + ".js", dao.allTags(w.id())));
    }

    /** What the freelancer pastes into their site (shown escaped, as text). */
    private String snippet(Workspace w, EmbedOptions o) {
        return "<script src=\"" + baseUrl + "/embed/" + w.slug() + ".js\" " + o.dataAttributes() + " async></script>";
    }

    public void collect(Context ctx) {
        Workspace w = workspace(ctx);
        renderCollect(ctx, w, dao.prompt(w.id()), FormErrors.none());
    }

    public void savePrompt(Context ctx) {
        Workspace w = workspace(ctx);
        String prompt = Validation.clean(ctx.formParam("prompt"));
        FormErrors errors = FormErrors.none().maxLength("prompt", prompt, PROMPT_MAX);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderCollect(ctx, w, prompt, errors);
            return;
        }
        moderation.setPrompt(w.id(), prompt);
        Views.redirectWithFlash(ctx, "/admin/testimonials/collect", "testimonial.flash.promptSaved");
    }

    /** /admin/testimonials/collect/qr.svg and .png: the review link to print on an invoice or a card, or show. */
    public void qr(Context ctx) {
        Workspace w = workspace(ctx);
        QrCode.send(ctx, baseUrl + SitePaths.review(w.slug()), "review-" + w.slug() + "-qr");
    }

    private Workspace workspace(Context ctx) {
        return workspaces.findById(CurrentUser.workspaceId(ctx)).orElseThrow();
    }

    private void renderCollect(Context ctx, Workspace w, String prompt, FormErrors errors) {
        Views.render(ctx, "testimonial/adminCollect.jte", new TestimonialPages.CollectPage(
                Views.shell(ctx, "testimonial.collect.title", "testimonials"), baseUrl + SitePaths.review(w.slug()), prompt, errors));
    }
}
