package io.goodword.referral;

import io.goodword.db.NotFound;
import io.goodword.security.Tokens;
import io.goodword.web.FormErrors;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rewards ledger: rewards created exactly once when a program's trigger is reached, the freelancer's approve,
 * fulfil and cancel, and the referrer's own choice of the form of their reward.
 */
public final class RewardLedger {
    private final RewardDao rewards;
    private final ReferralPrograms programs;
    private final ReferralMails mails;
    private final Clock clock;

    RewardLedger(Jdbi jdbi, ReferralPrograms programs, ReferralMails mails, Clock clock) {
        this.rewards = jdbi.onDemand(RewardDao.class);
        this.programs = programs;
        this.mails = mails;
        this.clock = clock;
    }

    /** Creates the rewards the lead has earned, at most once per lead and beneficiary (a unique key). */
    void createRewards(Handle h, Lead lead, Instant now) {
        if (lead.programId() == null || lead.review() == Lead.Review.REJECTED) return;
        Program program = h.attach(ProgramDao.class).findById(lead.workspaceId(), lead.programId()).orElse(null);
        if (program == null || !program.triggerReached(lead.status(), lead.dealValue()) || !program.running(programs.today())) return;
        RewardDao rd = h.attach(RewardDao.class);
        // the hold before payout: N days after the deal was won, and/or until the freelancer marks the invoice paid
        Instant payableFrom = program.holdDays() == null || program.holdDays() <= 0 ? null
                : (lead.wonAt() != null ? lead.wonAt() : now).plus(Duration.ofDays(program.holdDays()));
        boolean awaitingInvoice = program.holdUntilPaid() && lead.invoicePaidAt() == null;
        if (lead.referrerClientId() != null && program.referrerReward().present()) {
            referrerReward(h, rd, lead, program, now, payableFrom, awaitingInvoice);
        }
        if (program.friendReward().present()) {
            Program.RewardSpec r = program.friendReward();
            rd.insertOnce(lead.workspaceId(), program.id(), lead.id(), Reward.Beneficiary.FRIEND, null, lead.name(), lead.email(),
                    r.type(), r.amount(), r.currency(), r.text(), lead.held(), now, payableFrom, awaitingInvoice, "", null);
        }
    }

    private void referrerReward(Handle h, RewardDao rd, Lead lead, Program program, Instant now, Instant payableFrom,
                                boolean awaitingInvoice) {
        long ws = lead.workspaceId();
        if (lead.linkId() != null) h.attach(LinkDao.class).lock(ws, lead.linkId()); // one cap decision at a time
        int earned = rd.countForReferrer(ws, program.id(), lead.referrerClientId());
        Program.RewardSpec r = program.referrerReward();
        Program.RewardType type = r.type();
        BigDecimal amount = r.amount();
        String currency = r.currency();
        boolean due = true;
        if (type == Program.RewardType.DEAL_PERCENT) {
            // a share of the won deal, in the deal's currency, entered in the ledger as money
            due = lead.dealValue() != null && lead.dealCurrency() != null && !lead.dealCurrency().isEmpty();
            amount = due ? Rewards.share(lead.dealValue(), r.amount()) : null;
            currency = due ? lead.dealCurrency() : "";
            type = Program.RewardType.CASH;
        }
        List<Program.RewardType> choices = type.monetary() ? program.choices() : List.of();
        String token = choices.isEmpty() ? null : Tokens.random();
        if (!due || (program.capPerReferrer() != null && earned >= program.capPerReferrer())) return;
        int created = rd.insertOnce(ws, program.id(), lead.id(), Reward.Beneficiary.REFERRER, lead.referrerClientId(),
                lead.referrerName(), lead.referrerEmail() == null ? "" : lead.referrerEmail(), type, amount, currency,
                type == Program.RewardType.DONATION ? r.text() : "", lead.held(), now, payableFrom,
                awaitingInvoice, Rewards.choicesColumn(choices),
                token == null ? null : Tokens.sha256(token));
        if (created == 1 && token != null) mails.offerChoice(h, lead, token);
    }

    public String rewardChoiceUrl(String token) { return mails.rewardChoiceUrl(token); }

    public Reward reward(long workspaceId, long id) {
        return rewards.findById(workspaceId, id).orElseThrow(NotFound::new);
    }

    public FormErrors approve(long workspaceId, long id) {
        if (reward(workspaceId, id).onHold(clock.instant())) return FormErrors.of("", "referral.error.rewardOnHold");
        return rewards.approve(workspaceId, id, clock.instant()) == 1 ? FormErrors.none()
                : FormErrors.of("", "referral.error.rewardLocked");
    }

    public FormErrors fulfil(long workspaceId, long id, String note) {
        if (reward(workspaceId, id).onHold(clock.instant())) return FormErrors.of("", "referral.error.rewardOnHold");
        FormErrors errors = FormErrors.none().maxLength("note", note, 500);
        if (!errors.isEmpty()) return errors;
        return rewards.fulfil(workspaceId, id, note, clock.instant()) == 1 ? errors
                : FormErrors.of("", "referral.error.rewardLocked");
    }

    public FormErrors cancel(long workspaceId, long id, String reason) {
        reward(workspaceId, id);
        FormErrors errors = FormErrors.none().required("reason", reason).maxLength("reason", reason, 500);
        if (!errors.isEmpty()) return errors;
        return rewards.cancel(workspaceId, id, reason, clock.instant()) == 1 ? errors
                : FormErrors.of("", "referral.error.rewardClosed");
    }

    // ---------------------------------------------------------------- the referrer's choice of reward

    /** The reward behind a private choice link; empty for an unknown token. */
    public Optional<Reward> rewardByChoiceToken(String token) {
        if (!Tokens.wellFormed(token)) return Optional.empty();
        return rewards.findByChoiceHash(Tokens.sha256(token));
    }

    /** The referrer chooses cash, credit on their next project, or a donation in their name (to a cause they name). */
    public FormErrors chooseReward(Reward reward, String choice, String cause) {
        Program.RewardType type = ProgramForm.enumOf(Program.RewardType.class, choice);
        FormErrors errors = FormErrors.none();
        if (type == null || !reward.choiceList().contains(type)) errors.add("choice", "referral.error.choose");
        if (type == Program.RewardType.DONATION) errors.required("cause", cause);
        errors.maxLength("cause", cause, 200);
        if (!errors.isEmpty()) return errors;
        if (!reward.open()) return FormErrors.of("", "referral.error.rewardClosed");
        int n = rewards.choose(reward.workspaceId(), reward.id(), type, type == Program.RewardType.DONATION ? cause : "",
                clock.instant());
        return n == 1 ? errors : FormErrors.of("", "referral.error.rewardClosed");
    }
}
