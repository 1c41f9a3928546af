package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;

/** The workspace's referral settings as typed. */
public record SettingsForm(String attributionDays, boolean notifyReferrer, boolean notifyFreelancer) {

    public static SettingsForm of(ReferralSettings s) {
        return new SettingsForm(String.valueOf(s.attributionDays()), s.notifyReferrer(), s.notifyFreelancer());
    }

    public static SettingsForm from(Context ctx) {
        return new SettingsForm(Validation.clean(ctx.formParam("attributionDays")),
                ctx.formParam("notifyReferrer") != null, ctx.formParam("notifyFreelancer") != null);
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        try {
            int d = Integer.parseInt(attributionDays);
            if (d < 1 || d > 365) e.add("attributionDays", "referral.error.days");
        } catch (NumberFormatException ex) {
            e.add("attributionDays", "referral.error.days");
        }
        return e;
    }

    public int days() { return Integer.parseInt(attributionDays); }
}
