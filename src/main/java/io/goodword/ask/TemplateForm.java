package io.goodword.ask;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;

/** The wording of one email as edited. */
public record TemplateForm(String subject, String body) {
    public static TemplateForm from(Context ctx) {
        return new TemplateForm(Validation.clean(ctx.formParam("subject")), Validation.clean(ctx.formParam("body")));
    }

    public FormErrors validate(AskTemplate.Kind kind) {
        FormErrors e = FormErrors.none();
        e.required("subject", subject).maxLength("subject", subject, AskMails.MAX_SUBJECT);
        e.required("body", body).maxLength("body", body, AskMails.MAX_BODY);
        if ((kind == AskTemplate.Kind.CHECKIN || kind == AskTemplate.Kind.REMINDER) && body.contains("{feedback}")) {
            e.add("body", "ask.templates.error.feedbackPlaceholder");
        }
        return e;
    }
}
