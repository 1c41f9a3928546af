package io.goodword.data;

import io.goodword.web.FormErrors;
import io.javalin.http.Context;

/** The erase request: what happens to the client's testimonials, and the confirmation that this cannot be undone. */
public record EraseForm(String testimonials, boolean confirm) {

    public static EraseForm empty() { return new EraseForm("", false); }

    public static EraseForm from(Context ctx) {
        String t = ctx.formParam("testimonials");
        return new EraseForm(t == null ? "" : t.strip(), "yes".equals(ctx.formParam("confirm")));
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        if (choice() == null) e.add("testimonials", "privacy.error.choice");
        if (!confirm) e.add("confirm", "privacy.error.confirm");
        return e;
    }

    /** The chosen treatment of testimonials, or null when none (or something unknown) was sent. */
    public PrivacyService.TestimonialChoice choice() {
        return switch (testimonials) {
            case "remove" -> PrivacyService.TestimonialChoice.REMOVE;
            case "anonymize" -> PrivacyService.TestimonialChoice.ANONYMIZE;
            default -> null;
        };
    }
}
