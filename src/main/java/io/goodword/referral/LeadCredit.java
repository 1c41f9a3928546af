package io.goodword.referral;

import io.goodword.db.LowerCaseEnums;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who referred a lead: the one way a lead gets its referrer, the fraud checks run for each new referrer, and the
 * matching of a "who referred you?" answer or a typed ambassador to a client.
 */
final class LeadCredit {
    private final Jdbi jdbi;
    private final I18n i18n;
    private final ReferralLinks links;
    private final RewardLedger ledger;

    LeadCredit(Jdbi jdbi, I18n i18n, ReferralLinks links, RewardLedger ledger) {
        this.jdbi = jdbi;
        this.i18n = i18n;
        this.links = links;
        this.ledger = ledger;
    }

    ReferralLinks.LinkContext referrerContext(long workspaceId, ClientRef client) {
        return links.referrerContext(workspaceId, client);
    }

    /**
     * The one way a lead gets its referrer: following a link, an exact code typed as the answer, a suggestion the
     * freelancer confirmed, or a referrer added or changed by hand. Sets link, program and referrer ({@code lc} null:
     * no referrer), runs the fraud checks again for the new referrer, moves an unpaid referrer reward along with the
     * credit, and creates the rewards the lead has already earned.
     */
    void credit(Handle h, long workspaceId, long leadId, ReferralLinks.LinkContext lc, Instant now) {
        LeadDao ld = h.attach(LeadDao.class);
        LinkDao lk = h.attach(LinkDao.class);
        RewardDao rd = h.attach(RewardDao.class);
        ClientRef referrer = lc == null ? null : lc.referrer();
        Link link = lc == null ? null : lc.link();
        ld.setReferrer(workspaceId, leadId, lc == null || lc.program() == null ? null : lc.program().id(),
                link == null ? null : link.id(), referrer == null ? null : referrer.id());
        Lead lead = ld.findById(workspaceId, leadId).orElseThrow();
        checkFraud(ld, lk, lead, referrer, link);
        if (referrer != null) {
            rd.reassignReferrer(workspaceId, leadId, referrer.id(), referrer.name(),
                    referrer.email() == null ? "" : referrer.email());
        } else {
            rd.cancelOpenReferrerReward(workspaceId, leadId, i18n.localizer(lk.workspace(workspaceId).orElseThrow().language())
                    .text("referral.referrer.removedNote"), now);
        }
        Lead after = ld.findById(workspaceId, leadId).orElseThrow();
        rd.setHeldForLead(workspaceId, leadId, after.held());
        ledger.createRewards(h, after, now);
    }

    private static void checkFraud(LeadDao ld, LinkDao lk, Lead lead, ClientRef referrer, Link link) {
        long workspaceId = lead.workspaceId();
        long leadId = lead.id();
        Instant since = lead.createdAt().minus(Duration.ofMinutes(FraudRules.WINDOW_MINUTES));
        FraudRules.Facts facts = new FraudRules.Facts(lead.email(), referrer == null ? null : referrer.email(),
                lk.clientsWithEmail(workspaceId, lead.email(), referrer == null ? -1 : referrer.id()) > 0,
                ld.countWithEmail(workspaceId, lead.email(), leadId) > 0,
                lead.submittedIp() == null ? 0 : ld.countFromIp(workspaceId, lead.submittedIp(), since, lead.createdAt(), leadId),
                link == null ? 0 : ld.countFromLink(workspaceId, link.id(), since, lead.createdAt(), leadId));
        String reasons = FraudRules.check(facts).stream().map(LowerCaseEnums::value).collect(Collectors.joining(","));
        if (lead.review() != Lead.Review.REJECTED) {
            if (!reasons.isEmpty() && !reasons.equals(lead.fraudReasons())) ld.setFraud(workspaceId, leadId, Lead.Review.HELD, reasons);
            else if (reasons.isEmpty() && lead.review() == Lead.Review.HELD) ld.setFraud(workspaceId, leadId, Lead.Review.NONE, "");
        }
    }

    /** The ambassador a "who referred you?" answer means, if exactly one does. */
    Optional<ReferrerMatch.Match> match(Handle h, long workspaceId, String answer) {
        String norm = ReferrerMatch.normalize(answer);
        if (norm.isEmpty()) return Optional.empty();
        String[] words = norm.split(" ");
        String email = FraudRules.normalize(answer);
        String code = ReferrerMatch.code(answer);
        List<ReferrerMatch.Candidate> candidates = h.attach(LinkDao.class).referrerCandidates(workspaceId,
                code == null ? "" : code, email, email.length() >= 3 ? like(email.substring(0, 3)) + "%" : null,
                like(words[0]) + "%", "%" + like(words[words.length - 1]));
        return ReferrerMatch.best(answer, candidates);
    }

    private static String like(String s) { return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"); }

    /**
     * The ambassador a freelancer typed (their referral code, email or whole name): exact only, since a person is
     * choosing; blank is "no referrer". Adds an error to {@code errors} when nobody or more than one client fits.
     */
    Optional<ClientRef> ambassador(long workspaceId, String typed, FormErrors errors) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) return Optional.empty();
        if (t.length() > 200) {
            errors.add("referrer", "error.tooLong");
            return Optional.empty();
        }
        Optional<ReferrerMatch.Match> m = jdbi.withHandle(h -> match(h, workspaceId, t)).filter(ReferrerMatch.Match::exact);
        if (m.isEmpty()) {
            errors.add("referrer", "referral.error.noSuchAmbassador");
            return Optional.empty();
        }
        return jdbi.onDemand(LinkDao.class).client(workspaceId, m.get().clientId());
    }
}
