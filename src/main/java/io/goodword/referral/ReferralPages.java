package io.goodword.referral;

import io.goodword.account.Brand;
import io.goodword.client.ClientQuery;
import io.goodword.testimonial.PublicTestimonial;
import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Money;
import io.goodword.web.Pager;
import io.goodword.web.Shell;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records the referral feature's templates render, one per page (the jte tutorial's shape). */
public final class ReferralPages {
    private ReferralPages() {}

    /** Clients, their personal links, and the forms that create or email them; searched and paged like the client list. */
    public record AmbassadorsPage(Shell shell, List<LinkDao.AmbassadorRow> rows, List<Program> programs, String baseUrl,
                                  Long currentProgramId, ClientQuery query, int total, int pages) {
        static final String PATH = "/admin/referrals/ambassadors";

        public Pager pager() { return query.pager(PATH, pages); }

        public String linkUrl(String code) { return baseUrl + ReferralLinks.path(code); }
    }

    /** The public contact page at /p/{slug}/contact. */
    public record ContactPage(Shell shell, Brand brand, String referrerFirstName, FriendForm form, FormErrors errors) {}

    /** The friend's landing page at /r/{code}, in the freelancer's public site. */
    public record LandingPage(Shell shell, Brand brand, String code, String referrerFirstName, String friendReward,
                              String description, String terms, List<PublicTestimonial> testimonials, FriendForm form,
                              FormErrors errors) {}

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

    /** Ambassadors ranked by won deals. */
    public record LeaderboardPage(Shell shell, List<LeadDao.LeaderRow> rows) {}

    /** The pipeline of referred leads; times in the workspace's zone. */
    public record LeadsPage(Shell shell, List<Lead> leads, String filter, int heldCount, java.util.Map<String, Integer> counts,
                            Dates dates) {}

    /** "Direct add": a lead typed in by hand, with its referrer (an ambassador's code, email or name) when there is one. */
    public record NewLeadPage(Shell shell, FriendForm form, String referrer, FormErrors errors) {}

    /** Creating or editing a program. */
    public record ProgramFormPage(Shell shell, Long programId, Program program, ProgramForm form, FormErrors errors) {}

    /** The programs list and the workspace's referral settings. */
    public record ProgramsPage(Shell shell, List<Program> programs, LocalDate today, SettingsForm settings, FormErrors settingsErrors,
                               Dates dates) {}

    /** The referrer's private page at /reward/{token}: how they would like their reward. */
    public record RewardChoicePage(Shell shell, WorkspaceRef workspace, Reward reward, String amount, String choice,
                                   String cause, FormErrors errors, boolean saved) {}

    /** The rewards ledger with totals; a failed action re-renders with its errors next to that reward. */
    public record RewardsPage(Shell shell, List<Reward> rewards, String filter, List<RewardDao.Total> byAmbassador, List<RewardDao.Total> byProgram, long errorRewardId, FormErrors errors, String typedNote, String typedReason, Dates dates) {}

    /** After a friend's form was sent. */
    public record ThanksPage(Shell shell, Brand brand, String referrerFirstName) {}
}
