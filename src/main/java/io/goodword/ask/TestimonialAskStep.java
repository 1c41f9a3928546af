package io.goodword.ask;

import io.goodword.client.Client;
import io.goodword.security.FormGuard;
import io.goodword.testimonial.Origin;
import io.goodword.testimonial.TestimonialDao;
import io.goodword.testimonial.TestimonialForm;
import io.goodword.testimonial.TestimonialService;
import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import io.goodword.web.Views;
import io.javalin.http.Context;

/**
 * The testimonial step of a happy client's check-in flow (/c/{token}): the same form as the public page, prefilled
 * with what the freelancer knows, and the result tied to the client, the project and milestone asked about, and
 * marked verified.
 */
public final class TestimonialAskStep implements AskStep {
    private final TestimonialService service;
    private final TestimonialDao testimonials;
    private final FormGuard guard;

    public TestimonialAskStep(TestimonialService service, TestimonialDao testimonials, FormGuard guard) {
        this.service = service;
        this.testimonials = testimonials;
        this.guard = guard;
    }

    /** What the step page shows; {@code stamp} is the FormGuard stamp whose id makes a resubmit safe. */
    public record Page(Shell shell, AskVisit visit, String brandName, String logoUrl, String prompt, TestimonialForm form,
                       FormErrors errors, String stamp) {
        public String action() { return visit.path() + "/step"; }

        /** True when the form starts from the comment given with the score (the page says so). */
        public boolean reusesComment() { return visit.ask().comment() != null && !visit.ask().comment().isBlank(); }

        public String themeUrl() { return visit.themeUrl(); }
    }

    @Override
    public Step step() { return Step.TESTIMONIAL; }

    @Override
    public void show(Context ctx, AskVisit visit) {
        Client c = visit.client();
        // what the client already wrote with their score is the start of a testimonial; a promoter's score starts at 5 stars
        Ask ask = visit.ask();
        String comment = ask.comment() == null ? "" : ask.comment();
        String rating = ask.score() != null && Segment.of(ask.score()) == Segment.PROMOTER ? "5" : "";
        TestimonialForm prefilled = new TestimonialForm(rating, comment, c.name(), "", c.company(), "",
                c.email() == null ? "" : c.email(), false, false, false, null);
        Views.render(ctx, "ask/testimonialStep.jte", page(ctx, visit, prefilled, FormErrors.none()));
    }

    @Override
    public boolean submit(Context ctx, AskVisit visit) {
        String stamp = ctx.formParam(FormGuard.STAMP);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.CHECKIN); // the honeypot; the flow counts its posts
        if (!g.passed()) {
            g.refuse(ctx);
            Views.render(ctx, "ask/testimonialStep.jte", page(ctx, visit, TestimonialForm.from(ctx).withCurrentPhoto(null),
                    g.errors(), guard.restamp(FormGuard.Form.CHECKIN, stamp)));
            return false;
        }
        // Once per rendered form: the same form sent again (double click, a retry after a crash before the flow moved
        // on) is answered like the first time and stored once.
        TestimonialService.SubmitResult result = service.submit(visit.workspace(), TestimonialForm.from(ctx),
                TestimonialForm.uploadedPhoto(ctx), Origin.checkIn(visit.client().id(), visit.ask().projectId(),
                        visit.ask().milestoneId(), ctx.ip()), g.once());
        if (result.ok() || result.repeated()) return true;
        ctx.status(result.status());
        Views.render(ctx, "ask/testimonialStep.jte", page(ctx, visit, result.form(), result.errors(),
                guard.restamp(FormGuard.Form.CHECKIN, stamp)));
        return false;
    }

    private Page page(Context ctx, AskVisit v, TestimonialForm form, FormErrors errors) {
        return page(ctx, v, form, errors, guard.stamp(FormGuard.Form.CHECKIN));
    }

    private Page page(Context ctx, AskVisit v, TestimonialForm form, FormErrors errors, String stamp) {
        Shell shell = Views.publicShell(ctx, v.t(), v.title());
        String prompt = testimonials.prompt(v.workspace().id());
        return new Page(shell, v, v.workspace().displayName(), v.workspace().logoUrl(), prompt, form, errors, stamp);
    }
}
