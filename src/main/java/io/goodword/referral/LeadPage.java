package io.goodword.referral;

import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Money;
import io.goodword.web.Shell;
import java.time.Instant;
import java.util.List;

/**
 * One lead: details, fraud review, the suggested referrer to confirm, the referrer form, status form, notes and
 * rewards, and the client the lead became. {@code now} tells which rewards are still on hold; {@code dates} formats in the workspace's zone.
 */
public record LeadPage(Shell shell, Lead lead, List<LeadEvent> events, List<Reward> rewards, StatusForm statusForm,
                       FormErrors statusErrors, String note, FormErrors noteErrors, String referrer,
                       FormErrors referrerErrors, FormErrors actionErrors, Instant now,
                       Dates dates, ClientRef client) {
    /** The deal as the pipeline shows it, "EUR 100.00" (the plain amount after the currency code), or "" for none. */
    public String deal() {
        if (lead.dealValue() == null) return "";
        return (lead.dealCurrency().isEmpty() ? "" : lead.dealCurrency() + " ") + Money.plain(lead.dealValue());
    }
}
