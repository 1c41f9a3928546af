package io.goodword.account;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;

/** The sign-in form as typed; the address field is pac4j's {@code username}, the password never goes back. */
public record LoginForm(String email, String password) {

    public static LoginForm from(Context ctx) {
        return new LoginForm(Validation.clean(ctx.formParam("username")), ctx.formParam("password"));
    }

    public FormErrors validate() {
        return FormErrors.none().required("username", email).required("password", password);
    }

    /** The account the attempt counts against, however the address was typed (case, spaces). */
    public String account() { return Validation.normalizeEmail(email); }
}
