package io.goodword.account;

import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;

/**
 * The sign-up form as typed (the password is never sent back to the page). {@code timeZone} is not typed: the page's
 * script fills it from the browser's zone; without a script, or with a zone we do not offer, the workspace starts on
 * UTC (never an error on a field no one sees).
 */
public record SignupForm(String email, String password, String displayName, String slug, String timeZone) {

    public static SignupForm empty() { return new SignupForm("", "", "", "", ""); }

    public static SignupForm from(Context ctx) {
        return new SignupForm(Validation.clean(ctx.formParam("email")), nullToEmpty(ctx.formParam("password")),
                Validation.singleLine(Validation.clean(ctx.formParam("displayName"))), Validation.clean(ctx.formParam("slug")).toLowerCase(java.util.Locale.ROOT),
                Dates.knownZone(Validation.clean(ctx.formParam("timeZone"))));
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        e.required("email", email).maxLength("email", email, 254).email("email", email);
        String pw = PasswordPolicy.problem(password);
        if (pw != null) e.add("password", pw, PasswordPolicy.MIN_LENGTH);
        e.required("displayName", displayName).maxLength("displayName", displayName, 100);
        String s = Slugs.problem(slug);
        if (s != null) e.add("slug", s);
        return e;
    }

    /** Same form without the password, for re-rendering. */
    public SignupForm withoutPassword() { return new SignupForm(email, "", displayName, slug, timeZone); }

    static String nullToEmpty(String s) { return s == null ? "" : s; }
}
