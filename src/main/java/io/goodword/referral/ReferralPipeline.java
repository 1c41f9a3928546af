package io.goodword.referral;

import io.goodword.audit.AuditLog;
import io.goodword.client.Client;
import io.goodword.client.ClientDao;
import io.goodword.db.NotFound;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The lead pipeline: moving a lead (with its rewards and the referrer's thank-you), crediting it by hand, the
 * invoice, notes, and a person's review of a flagged lead. Each change locks the lead row in its transaction.
 */
public final class ReferralPipeline {
    private final Jdbi jdbi;
    private final LeadDao leads;
    private final I18n i18n;
    private final ReferralPrograms programs;
    private final LeadCredit credit;
    private final RewardLedger ledger;
    private final ReferralMails mails;
    private final Clock clock;

    ReferralPipeline(Jdbi jdbi, I18n i18n, ReferralPrograms programs, LeadCredit credit, RewardLedger ledger,
                     ReferralMails mails, Clock clock) {
        this.jdbi = jdbi;
        this.leads = jdbi.onDemand(LeadDao.class);
        this.i18n = i18n;
        this.programs = programs;
        this.credit = credit;
        this.ledger = ledger;
        this.mails = mails;
        this.clock = clock;
    }

    public Instant now() { return clock.instant(); }

    public Lead lead(long workspaceId, long id) {
        return leads.findById(workspaceId, id).orElseThrow(NotFound::new);
    }

    /**
     * Moves a lead. In one transaction, with the lead row locked: the status, its date, the history line, the
     * rewards (created at most once per lead and beneficiary, by a unique key) and the referrer's thank-you email
     * (queued at most once, by a dedupe key).
     */
    public FormErrors changeStatus(long workspaceId, long leadId, StatusForm form) {
        FormErrors errors = form.validate();
        Lead current = lead(workspaceId, leadId);
        if (errors.isEmpty() && form.statusValue() == Lead.Status.WON && form.dealCurrency().isEmpty() && !form.dealValue().isEmpty()
                && current.programId() != null && programs.find(workspaceId, current.programId())
                        .map(p -> p.referrerRewardType() == Program.RewardType.DEAL_PERCENT).orElse(false)) {
            errors.add("dealCurrency", "referral.error.dealCurrencyRequired"); // the reward is paid in it
        }
        if (!errors.isEmpty()) return errors;
        jdbi.useTransaction(h -> {
            LeadDao ld = h.attach(LeadDao.class);
            ld.lock(workspaceId, leadId).orElseThrow(NotFound::new);
            Lead before = ld.findById(workspaceId, leadId).orElseThrow();
            Lead.Status status = form.statusValue();
            Instant now = clock.instant();
            ld.updateStatus(workspaceId, leadId, status, form.dealValueValue(), form.dealCurrencyValue(),
                    status == Lead.Status.LOST ? form.lostReason() : "", now);
            if (before.status() != status) ld.addEvent(workspaceId, leadId, LeadEvent.Kind.STATUS, status, form.note(), now);
            else if (!form.note().isEmpty()) ld.addEvent(workspaceId, leadId, LeadEvent.Kind.NOTE, null, form.note(), now);
            Lead after = ld.findById(workspaceId, leadId).orElseThrow();
            ledger.createRewards(h, after, now);
            if (status == Lead.Status.WON && before.status() != Lead.Status.WON) mails.thankReferrer(h, after, now);
        });
        return FormErrors.none();
    }

    // ---------------------------------------------------------------- attribution by hand

    /**
     * Credits the lead to another ambassador (or to none), by hand. The change is a line in the lead's history and
     * in the audit log; an unpaid referrer reward moves to the new referrer, a paid one blocks the change.
     */
    public FormErrors changeReferrer(long workspaceId, long accountId, long leadId, String referrer) {
        lead(workspaceId, leadId);
        FormErrors errors = FormErrors.none();
        Optional<ClientRef> ambassador = credit.ambassador(workspaceId, referrer, errors);
        if (!errors.isEmpty()) return errors;
        return recredit(workspaceId, accountId, leadId, ambassador.orElse(null), "referral.lead.referrer.changed",
                "referral.lead.referrerChanged");
    }

    /** The freelancer confirms the ambassador a "who referred you?" answer matched: credited like a link visit. */
    public FormErrors confirmSuggestion(long workspaceId, long accountId, long leadId) {
        Lead lead = lead(workspaceId, leadId);
        if (!lead.hasSuggestion()) return FormErrors.of("", "referral.error.noSuggestion");
        ClientRef c = jdbi.onDemand(LinkDao.class).client(workspaceId, lead.suggestedClientId()).orElseThrow(NotFound::new);
        return recredit(workspaceId, accountId, leadId, c, "referral.lead.suggestion.confirmed", "referral.lead.suggestionConfirmed");
    }

    public void dismissSuggestion(long workspaceId, long accountId, long leadId) {
        jdbi.useTransaction(h -> {
            LeadDao ld = h.attach(LeadDao.class);
            ld.lock(workspaceId, leadId).orElseThrow(NotFound::new);
            Lead lead = ld.findById(workspaceId, leadId).orElseThrow();
            if (!lead.hasSuggestion()) return;
            ld.dismissSuggestion(workspaceId, leadId);
            Localizer t = workspaceLocalizer(h, workspaceId);
            ld.addEvent(workspaceId, leadId, LeadEvent.Kind.REFERRER, null,
                    t.text("referral.lead.suggestionDismissed", lead.suggestedName(), lead.referrerAnswer()), clock.instant());
            AuditLog.record(h, workspaceId, accountId, "referral.lead.suggestion.dismissed",
                    "lead " + leadId + ", client " + lead.suggestedClientId());
        });
    }

    private FormErrors recredit(long workspaceId, long accountId, long leadId, ClientRef to, String action, String eventKey) {
        return jdbi.inTransaction(h -> {
            LeadDao ld = h.attach(LeadDao.class);
            ld.lock(workspaceId, leadId).orElseThrow(NotFound::new);
            Lead lead = ld.findById(workspaceId, leadId).orElseThrow();
            Long toId = to == null ? null : to.id();
            if (Objects.equals(toId, lead.referrerClientId())) return FormErrors.none();
            boolean paid = h.attach(RewardDao.class).forLead(workspaceId, leadId).stream()
                    .anyMatch(r -> r.beneficiary() == Reward.Beneficiary.REFERRER && r.status() == Reward.Status.FULFILLED);
            if (paid) return FormErrors.of("referrer", "referral.error.referrerRewardPaid");
            Instant now = clock.instant();
            credit.credit(h, workspaceId, leadId, to == null ? null : credit.referrerContext(workspaceId, to), now);
            Localizer t = workspaceLocalizer(h, workspaceId);
            String none = t.text("referral.lead.noReferrer");
            ld.addEvent(workspaceId, leadId, LeadEvent.Kind.REFERRER, null, t.text(eventKey,
                    lead.referred() ? lead.referrerName() : none, to == null ? none : to.name(), lead.referrerAnswer()), now);
            AuditLog.record(h, workspaceId, accountId, action, "lead " + leadId + ": "
                    + (lead.referred() ? "client " + lead.referrerClientId() : "none") + " -> "
                    + (to == null ? "none" : "client " + to.id()));
            return FormErrors.none();
        });
    }

    // ---------------------------------------------------------------- a won friend becomes a client

    /**
     * "Convert to client": the client with the lead's email in this workspace if there is one, else a new client
     * from the lead's name, email and phone (in the workspace's language), linked to the lead so it can get a
     * check-in like any client. Returns the client's id (the same one on a second click), or 0 for a lead not won.
     */
    public long convertToClient(long workspaceId, long leadId) {
        lead(workspaceId, leadId);
        return jdbi.inTransaction(h -> {
            LeadDao ld = h.attach(LeadDao.class);
            ld.lock(workspaceId, leadId).orElseThrow(NotFound::new);
            Lead lead = ld.findById(workspaceId, leadId).orElseThrow(NotFound::new);
            if (lead.status() != Lead.Status.WON) return 0L;
            Optional<ClientRef> already = ld.convertedClient(workspaceId, leadId);
            if (already.isPresent()) return already.get().id();
            ClientDao clients = h.attach(ClientDao.class);
            String email = lead.email() == null || lead.email().isBlank() ? null : lead.email();
            Optional<Client> existing = email == null ? Optional.empty() : clients.findByEmail(workspaceId, email);
            String language = h.attach(LinkDao.class).workspace(workspaceId).orElseThrow().language();
            long clientId = existing.map(Client::id).orElseGet(() -> clients.insert(workspaceId, lead.name(), email, "",
                    lead.phone() == null ? "" : lead.phone(), "", "", language));
            ld.setConvertedClient(workspaceId, leadId, clientId);
            return clientId;
        });
    }

    // ---------------------------------------------------------------- invoice, notes, review

    /** The won deal's invoice is paid: rewards held "until the invoice is paid" become payable. */
    public FormErrors markInvoicePaid(long workspaceId, long leadId) {
        lead(workspaceId, leadId);
        return jdbi.inTransaction(h -> {
            LeadDao ld = h.attach(LeadDao.class);
            ld.lock(workspaceId, leadId).orElseThrow(NotFound::new);
            Instant now = clock.instant();
            if (ld.markInvoicePaid(workspaceId, leadId, now) == 0) return FormErrors.of("", "referral.error.invoiceNotWon");
            h.attach(RewardDao.class).releaseInvoiceHold(workspaceId, leadId);
            ld.addEvent(workspaceId, leadId, LeadEvent.Kind.INVOICE, null,
                    workspaceLocalizer(h, workspaceId).text("referral.lead.invoicePaidEvent"), now);
            return FormErrors.none();
        });
    }

    public FormErrors addNote(long workspaceId, long leadId, String note) {
        lead(workspaceId, leadId);
        FormErrors errors = FormErrors.none().required("body", note).maxLength("body", note, 2000);
        if (errors.isEmpty()) leads.addEvent(workspaceId, leadId, LeadEvent.Kind.NOTE, null, note, clock.instant());
        return errors;
    }

    /** A person's decision on a flagged lead: clearing releases its held rewards, rejecting cancels them. */
    public void review(long workspaceId, long leadId, boolean clear) {
        jdbi.useTransaction(h -> {
            LeadDao ld = h.attach(LeadDao.class);
            ld.lock(workspaceId, leadId).orElseThrow(NotFound::new);
            Lead lead = ld.findById(workspaceId, leadId).orElseThrow();
            if (!lead.held()) return;
            Instant now = clock.instant();
            RewardDao rd = h.attach(RewardDao.class);
            Localizer t = workspaceLocalizer(h, workspaceId);
            if (clear) {
                ld.setReview(workspaceId, leadId, Lead.Review.CLEARED);
                rd.setHeldForLead(workspaceId, leadId, false);
            } else {
                ld.setReview(workspaceId, leadId, Lead.Review.REJECTED);
                rd.cancelOpenForLead(workspaceId, leadId, t.text("referral.review.rejectedNote"), now);
            }
            ld.addEvent(workspaceId, leadId, LeadEvent.Kind.REVIEW, null,
                    t.text(clear ? "referral.review.clearedEvent" : "referral.review.rejectedEvent"), now);
        });
    }

    private Localizer workspaceLocalizer(Handle h, long workspaceId) {
        return i18n.localizer(h.attach(LinkDao.class).workspace(workspaceId).orElseThrow().language());
    }
}
