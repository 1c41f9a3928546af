package io.goodword.ask;

import io.goodword.security.Throttle;
import io.goodword.web.Csrf;
import io.goodword.web.FormErrors;
import io.goodword.web.Localizer;
import io.goodword.web.Shell;
import io.goodword.web.Validation;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
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
    private static final int MAX_BAD_LINKS = 30;
    private static final int MAX_POSTS = 60;
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final AskService service;
    private final Throttle throttle;
    private final Map<Step, AskStep> steps;

    public ClientFlowController(AskService service, Throttle throttle, Map<Step, AskStep> providedSteps) {
        this.service = service;
        this.throttle = throttle;
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

    public void score(Context ctx) {
        AskVisit v = resolvePost(ctx);
        if (v == null) return;
        if (v.ask().stepEnum() != Step.SCORE) {
            backToFlow(ctx, v);
            return;
        }
        if (!Validation.clean(ctx.formParam("website")).isEmpty()) { // honeypot: people never see this field
            backToFlow(ctx, v);
            return;
        }
        if (ctx.formParam("skip") != null) {
            service.decline(v);
            backToFlow(ctx, v);
            return;
        }
        String score = Validation.clean(ctx.formParam("score"));
        String comment = Validation.clean(ctx.formParam("comment"));
        FormErrors errors = FormErrors.none();
        if (score.isEmpty()) {
            errors.add("score", "ask.flow.error.score");
        } else if (!score.matches("\\d{1,2}") || Integer.parseInt(score) > 10) {
            errors.add("score", "ask.flow.error.scoreRange");
        }
        errors.maxLength("comment", comment, MAX_COMMENT);
        if (!errors.isEmpty()) {
            Views.invalid(ctx, "ask/score.jte", page(ctx, v, score, comment, "", errors));
            return;
        }
        service.answer(v, Integer.parseInt(score), comment);
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
            service.moveOn(v, Step.FEEDBACK, true);
            backToFlow(ctx, v);
            return;
        }
        String feedback = Validation.clean(ctx.formParam("feedback"));
        FormErrors errors = FormErrors.none().required("feedback", feedback).maxLength("feedback", feedback, MAX_FEEDBACK);
        if (!errors.isEmpty()) {
            Views.invalid(ctx, "ask/feedback.jte", page(ctx, v, "", "", feedback, errors));
            return;
        }
        service.saveFeedback(v, feedback);
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
                service.moveOn(v, current, false);
            } else {
                service.moveOn(v, current, skip && current != Step.THANKS);
            }
        }
        backToFlow(ctx, v);
    }

    private void backToFlow(Context ctx, AskVisit v) {
        ctx.redirect(v.path(), HttpStatus.SEE_OTHER);
    }

    private AskVisit resolvePost(Context ctx) {
        String subject = "ip:" + ctx.ip();
        if (throttle.exceeded("ask-post", subject, MAX_POSTS, WINDOW)) {
            tooMany(ctx);
            return null;
        }
        throttle.record("ask-post", subject);
        return resolve(ctx);
    }

    /** The visit, or null after rendering the friendly page for an unknown or expired link. */
    private AskVisit resolve(Context ctx) {
        String subject = "ip:" + ctx.ip();
        if (throttle.exceeded("ask-badlink", subject, MAX_BAD_LINKS, WINDOW)) {
            tooMany(ctx);
            return null;
        }
        AskService.Visit visit = service.visit(ctx.pathParam("token"));
        switch (visit.state()) {
            case UNKNOWN -> {
                throttle.record("ask-badlink", subject);
                ctx.status(HttpStatus.NOT_FOUND);
                notice(ctx, Views.t(ctx), null, null, "ask.link.unknown.heading", "ask.link.unknown.body");
                return null;
            }
            case EXPIRED -> {
                AskVisit v = visit.visit();
                ctx.status(HttpStatus.GONE);
                notice(ctx, v.t(), v.workspace().displayName(), v.workspace().logoUrl(), "ask.link.expired.heading",
                        "ask.link.expired.body");
                return null;
            }
            default -> {
                return visit.visit();
            }
        }
    }

    private void tooMany(Context ctx) {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS);
        ctx.header("Retry-After", "600");
        notice(ctx, Views.t(ctx), null, null, "ask.link.tooMany.heading", "ask.link.tooMany.body");
    }

    private void notice(Context ctx, Localizer t, String brand, String logo, String heading, String body) {
        Shell shell = new Shell(t.lookup(heading), t, () -> Csrf.token(ctx), null, null, "");
        Views.render(ctx, "ask/notice.jte", new Pages.Notice(shell, brand, logo, heading, body, null, false));
    }

    private Pages.Flow page(Context ctx, AskVisit v, String score, String comment, String feedback, FormErrors errors) {
        return new Pages.Flow(v.shell(ctx), v, v.workspace().displayName(), v.workspace().logoUrl(), score, comment, feedback,
                errors, SCORES);
    }
}
