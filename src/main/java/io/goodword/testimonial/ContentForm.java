package io.goodword.testimonial;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;

/** The freelancer's edit of a testimonial's text and byline, plus the display excerpt (the original is kept). */
public record ContentForm(String body, String excerpt, String name, String role, String company, String website) {

    public static ContentForm of(Testimonial t) {
        return new ContentForm(t.body(), t.excerpt() == null ? "" : t.excerpt(), t.name(), t.role(), t.company(), t.website());
    }

    public static ContentForm from(Context ctx) {
        return new ContentForm(Validation.clean(ctx.formParam("body")), Validation.clean(ctx.formParam("excerpt")),
                Validation.clean(ctx.formParam("name")), Validation.clean(ctx.formParam("role")),
                Validation.clean(ctx.formParam("company")), Validation.clean(ctx.formParam("website")));
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        e.required("body", body).maxLength("body", body, TestimonialForm.BODY_MAX);
        e.maxLength("excerpt", excerpt, 500);
        e.required("name", name).maxLength("name", name, 100);
        e.maxLength("role", role, 100).maxLength("company", company, 100);
        e.maxLength("website", website, 300).url("website", website);
        return e;
    }
}
