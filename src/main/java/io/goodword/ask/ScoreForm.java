package io.goodword.ask;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;

/** The score step as posted: 0 to 10 and an optional comment, or "skip" (the client would rather not say). */
public record ScoreForm(String score, String comment, boolean skip) {

    public static ScoreForm from(Context ctx) {
        return new ScoreForm(Validation.clean(ctx.formParam("score")), Validation.clean(ctx.formParam("comment")),
                ctx.formParam("skip") != null);
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        if (score.isEmpty()) {
            e.add("score", "ask.flow.error.score");
        } else if (!score.matches("\\d{1,2}") || Integer.parseInt(score) > 10) {
            e.add("score", "ask.flow.error.scoreRange");
        }
        return e.maxLength("comment", comment, ClientFlowController.MAX_COMMENT);
    }

    /** The score as a number; only after {@link #validate()} found nothing. */
    public int value() { return Integer.parseInt(score); }
}
