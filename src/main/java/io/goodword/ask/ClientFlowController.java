package io.goodword.ask;

import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.web.FormErrors;
import io.goodword.web.Localizer;
import io.goodword.web.Validation;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The client's flow behind one personal link, /c/{token}: no account, in the client's language, usable on a phone,
 * saved as it goes. GET always shows the step the client is at, so they can leave and come back.
 */
public final class ClientFlowController {
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_FEEDBACK = 4000;
    private static final List<Integer> SCORES = IntStream.rangeClosed(0, 10).boxed().toList();

    private final AskService service;
    private final FormGuard guard;
    private final Map<Step, AskStep> steps;

    public ClientFlowController(AskService service, FormGuard guard, Map<Step, AskStep> providedSteps) {
        this.service = service;
        this.guard = guard;
        this.steps = Map.copyOf(providedSteps);
    }

    public void show(Context ctx) {
        AskVisit v = resolve(ctx);
        if (v == null) return;
        Step step = v.ask().stepEnum();
        AskStep provided = steps.get(step);
        if (provided != null) {
            provided.show(ctx, v);
            return;
        }
        String template = switch (step) {
            case SCORE -> "ask/score.jte";
            case THANKS -> "ask/thanks.jte";
            case FEEDBACK -> "ask/feedback.jte";
            default -> "ask/done.jte";
        };
        Views.render(ctx, template, page(ctx, v, "", "", "", FormErrors.none()));
    }

    /** A POST refused by the guard (its honeypot): the same page again with the message and what was typed. */
    private boolean refusedByGuard(Context ctx, AskVisit v, String template, String score, String comment, String feedback) {
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.CHECKIN);
        if (g.passed()) return false;
        g.refuse(ctx);
        Views.render(ctx, template, page(ctx, v, score, comment, feedback, g.errors()));
        return true;
    }

    public void score(Context ctx) {
        AskVisit v = resolvePost(ctx);
        if (v == null) return;
        if (v.ask().stepEnum() != Step.SCORE) {
            backToFlow(ctx, v);
            return;
        }
        ScoreForm form = ScoreForm.from(ctx);
        if (refusedByGuard(ctx, v, "ask/score.jte", form.score(), form.comment(), "")) return;
        if (form.skip()) {
            service.visits().decline(v);
            backToFlow(ctx, v);
            return;
        }
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) {
            Views.invalid(ctx, "ask/score.jte", page(ctx, v, form.score(), form.comment(), "", errors));
            return;
        }
        service.visits().answer(v, form.value(), form.comment());
        backToFlow(ctx, v);
    }

    public void feedback(Context ctx) {
        AskVisit v = resolvePost(ctx);
        if (v == null) return;
        if (v.ask().stepEnum() != Step.FEEDBACK) {
            backToFlow(ctx, v);
            return;
        }
        if (ctx.formParam("skip") != null) {
            service.visits().moveOn(v, Step.FEEDBACK, true);
            backToFlow(ctx, v);
            return;
        }
        String feedback = Validation.clean(ctx.formParam("feedback"));
        if (refusedByGuard(ctx, v, "ask/feedback.jte", "", "", feedback)) return;
        FormErrors errors = FormErrors.none().required("feedback", feedback).maxLength("feedback", feedback, MAX_FEEDBACK);
        if (!errors.isEmpty()) {
            Views.invalid(ctx, "ask/feedback.jte", page(ctx, v, "", "", feedback, errors));
            return;
        }
        service.visits().saveFeedback(v, feedback);
        backToFlow(ctx, v);
    }

    /** Continue or skip the current step ({@code step} must be the current one; anything else just shows it). */
    public void next(Context ctx) {
        AskVisit v = resolvePost(ctx);
        if (v == null) return;
        Step current = v.ask().stepEnum();
        Step claimed = Step.parse(ctx.formParam("step"));
        if (claimed == current && current != Step.SCORE && current != Step.DONE) {
            AskStep provided = steps.get(current);
            boolean skip = ctx.formParam("skip") != null;
            if (provided != null && !skip) {
                if (!provided.submit(ctx, v)) return; // the step rendered its own errors
                service.visits().moveOn(v, current, false);
            } else {
                service.visits().moveOn(v, current, skip && current != Step.THANKS);
            }
        }
        backToFlow(ctx, v);
    }

    private void backToFlow(Context ctx, AskVisit v) {
        ctx.redirect(v.path(), HttpStatus.SEE_OTHER);
    }

    /** Every POST counts against the IP's limit, whatever it turns out to be. */
    private AskVisit resolvePost(Context ctx) {
        FormGuard.Verdict posts = guard.limit(Throttle.key(Limit.CHECKIN_POST, "ip:" + ctx.ip()));
        if (!posts.passed()) {
            tooMany(ctx, posts);
            return null;
        }
        return resolve(ctx);
    }

    /** The visit, or null after rendering the friendly page for an unknown or expired link. */
    private AskVisit resolve(Context ctx) {
        // every lookup counts against the IP's unknown-link limit until the link turns out to exist
        FormGuard.Verdict lookup = guard.limit(Throttle.key(Limit.CHECKIN_UNKNOWN_LINK, "ip:" + ctx.ip()));
        if (!lookup.passed()) {
            tooMany(ctx, lookup);
            return null;
        }
        AskVisits.Visit visit = service.visits().visit(ctx.pathParam("token"));
        if (visit.state() == AskVisits.LinkState.UNKNOWN) {
            ctx.status(HttpStatus.NOT_FOUND);
            notice(ctx, Views.t(ctx), null, null, null, "ask.link.unknown.heading", "ask.link.unknown.body");
            return null;
        }
        lookup.release();
        if (visit.state() == AskVisits.LinkState.EXPIRED) {
            expired(ctx, visit.visit());
            return null;
        }
        return visit.visit();
    }

    /** A link that existed but is past its date: said in the client's language, under the freelancer's brand. */
    private void expired(Context ctx, AskVisit v) {
        ctx.status(HttpStatus.GONE);
        notice(ctx, v.t(), v.workspace().displayName(), v.workspace().logoUrl(), v.themeUrl(), "ask.link.expired.heading",
                "ask.link.expired.body");
    }

    private void tooMany(Context ctx, FormGuard.Verdict refused) {
        refused.refuse(ctx);
        notice(ctx, Views.t(ctx), null, null, null, "ask.link.tooMany.heading", "ask.link.tooMany.body");
    }

    private void notice(Context ctx, Localizer t, String brand, String logo, String theme, String heading, String body) {
        Views.render(ctx, "ask/notice.jte", new AskPages.NoticePage(Views.publicShell(ctx, t, t.lookup(heading)), brand, logo,
                heading, body, null, false, theme));
    }

    private AskPages.FlowPage page(Context ctx, AskVisit v, String score, String comment, String feedback, FormErrors errors) {
        return new AskPages.FlowPage(Views.publicShell(ctx, v.t(), v.title()), v, v.workspace().displayName(), v.workspace().logoUrl(), score, comment, feedback,
                errors, SCORES, guard.stamp(FormGuard.Form.CHECKIN));
    }
}
