package io.goodword.casestudy;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;

/**
 * The client's answer on /approve/{token}: {@code decision} is "approve" or "changes"; asking for changes needs a
 * comment saying which. Line ends are stored as plain newlines, however the browser sent them.
 */
public record AnswerForm(String decision, String comment) {
    static final int MAX_COMMENT = 2000;

    public static AnswerForm from(Context ctx) {
        return new AnswerForm(ctx.formParam("decision"), Validation.clean(ctx.formParam("comment")).replace("\r\n", "\n"));
    }

    public boolean approve() { return "approve".equals(decision); }

    public FormErrors validate() {
        FormErrors e = FormErrors.none().maxLength("comment", comment, MAX_COMMENT);
        if (!approve() && !"changes".equals(decision)) e.add("", "casestudy.approve.error.decision");
        if (!approve() && comment.isBlank()) e.add("comment", "casestudy.approve.error.commentNeeded");
        return e;
    }
}
