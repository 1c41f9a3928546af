package io.goodword.referral;

import io.goodword.security.FormGuard;
import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * A friend's contact details, from the landing page, the contact page or a client's own flow. {@code stamp} is the
 * {@link FormGuard} stamp the form was shown with (kept when the form is shown again after an error).
 */
public record FriendForm(String name, String email, String phone, String message, boolean consent, String stamp,
                         String referredBy) {
    static final int MAX_MESSAGE = 2000;
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()./-]{5,50}$");

    /** A form without a "who referred you?" answer (the client's own flow: the client is the referrer). */
    public FriendForm(String name, String email, String phone, String message, boolean consent, String stamp) {
        this(name, email, phone, message, consent, stamp, "");
    }

    public static FriendForm empty() { return new FriendForm("", "", "", "", false, ""); }

    public static FriendForm from(Context ctx) {
        return new FriendForm(Validation.clean(ctx.formParam("name")), Validation.clean(ctx.formParam("email")),
                Validation.clean(ctx.formParam("phone")), Validation.clean(ctx.formParam("message")),
                ctx.formParam("consent") != null, Validation.clean(ctx.formParam(FormGuard.STAMP)),
                Validation.clean(ctx.formParam("referredBy")));
    }

    /** A friend's details typed by a client in their own flow (no stamp there: the link is private). */
    public static FriendForm byClient(String name, String email, String phone, String message, boolean friendAgreed) {
        return new FriendForm(Validation.clean(name), Validation.clean(email), Validation.clean(phone),
                Validation.clean(message), friendAgreed, "");
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        e.required("name", name).maxLength("name", name, 100);
        e.required("email", email).maxLength("email", email, 254).email("email", email);
        e.maxLength("phone", phone, 50);
        if (!phone.isEmpty() && !e.has("phone") && !PHONE.matcher(phone).matches()) e.add("phone", "referral.error.phone");
        e.required("message", message).maxLength("message", message, MAX_MESSAGE);
        if (!consent) e.add("consent", "referral.error.consent");
        e.maxLength("referredBy", referredBy, 200);
        return e;
    }

    /** The same details with a fresh stamp, for re-rendering after an error. */
    public FriendForm withStamp(String newStamp) {
        return new FriendForm(name, email, phone, message, consent, newStamp, referredBy);
    }
}
