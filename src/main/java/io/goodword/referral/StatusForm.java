package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.math.BigDecimal;

/** Moving a lead along the pipeline: won needs the deal value, lost needs the reason; a note is optional. */
public record StatusForm(String status, String dealValue, String lostReason, String note, String dealCurrency) {
    private static final java.util.regex.Pattern CURRENCY = java.util.regex.Pattern.compile("^[A-Z]{3}$");

    /** A status change without a deal currency. */
    public StatusForm(String status, String dealValue, String lostReason, String note) {
        this(status, dealValue, lostReason, note, "");
    }

    public static StatusForm of(Lead lead) {
        return new StatusForm(lead.status().name(), lead.dealValue() == null ? "" : lead.dealValue().toPlainString(),
                lead.lostReason(), "", lead.dealCurrency() == null ? "" : lead.dealCurrency());
    }

    public static StatusForm from(Context ctx) {
        return new StatusForm(Validation.clean(ctx.formParam("status")), Validation.clean(ctx.formParam("dealValue")),
                Validation.clean(ctx.formParam("lostReason")), Validation.clean(ctx.formParam("note")),
                Validation.clean(ctx.formParam("dealCurrency")).toUpperCase(java.util.Locale.ROOT));
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        Lead.Status s = ProgramForm.enumOf(Lead.Status.class, status);
        if (s == null) e.add("status", "referral.error.choose");
        if (s == Lead.Status.WON) {
            // optional, as its label says: a deal is won before its value is known, and a reward that is a share of it
            // is created once the value is entered (the ledger runs on every status save)
            BigDecimal v = ProgramForm.decimal(dealValue);
            if (!dealValue.isEmpty() && (v == null || v.signum() < 0 || v.compareTo(new BigDecimal("1000000000")) > 0)) {
                e.add("dealValue", "referral.error.amount");
            }
        }
        if (!dealCurrency.isEmpty() && !CURRENCY.matcher(dealCurrency).matches()) e.add("dealCurrency", "referral.error.currency");
        if (s == Lead.Status.LOST) e.required("lostReason", lostReason);
        e.maxLength("lostReason", lostReason, 300);
        e.maxLength("note", note, 2000);
        return e;
    }

    public Lead.Status statusValue() { return Lead.Status.valueOf(status); }

    /** The deal's currency as typed, or null for the workspace's own. */
    public String dealCurrencyValue() { return dealCurrency.isEmpty() ? null : dealCurrency; }

    public BigDecimal dealValueValue() { return statusValue() == Lead.Status.WON ? ProgramForm.decimal(dealValue) : null; }
}
