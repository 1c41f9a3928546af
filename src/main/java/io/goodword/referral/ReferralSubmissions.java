package io.goodword.referral;

import io.goodword.audit.AuditLog;
import io.goodword.db.NotFound;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * New leads: a friend's form on a landing page, the public contact page, a friend a client names in their check-in
 * flow ({@link #submitFriendFromClient}), and a lead the freelancer adds by hand. Flagged leads are kept and held,
 * never dropped.
 */
public final class ReferralSubmissions {
    private final Jdbi jdbi;
    private final LinkDao links;
    private final Throttle throttle;
    private final ReferralLinks referralLinks;
    private final LeadCredit credit;
    private final ReferralMails mails;
    private final ReferralEvents events;
    private final Clock clock;

    ReferralSubmissions(Jdbi jdbi, Throttle throttle, ReferralLinks referralLinks, LeadCredit credit, ReferralMails mails,
                        ReferralEvents events, Clock clock) {
        this.jdbi = jdbi;
        this.links = jdbi.onDemand(LinkDao.class);
        this.throttle = throttle;
        this.referralLinks = referralLinks;
        this.credit = credit;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    public enum Outcome { SAVED, INVALID, THROTTLED }

    /** What happened to a friend's submission; {@code leadId} only when SAVED. */
    public record Submission(Outcome outcome, long leadId, FormErrors errors) {
        static Submission of(Outcome o) { return new Submission(o, 0, FormErrors.none()); }
    }

    /**
     * A friend's form on an ambassador's landing page. The caller ran the {@link FormGuard} (honeypot, stamp,
     * limits); {@code once} makes a resubmit of the same rendered form answer SAVED without a second lead.
     */
    public Submission submitViaLink(ReferralLinks.LinkContext lc, FriendForm form, String ip, FormGuard.Once once) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Submission(Outcome.INVALID, 0, errors);
        return saved(createLead(lc.link().workspaceId(), lc, Lead.Source.LINK, form, ip, once, null));
    }

    /** The public contact page; the lead is attributed when the visitor still carries a valid referral cookie. */
    public Submission submitContact(long workspaceId, String attributionCookie, FriendForm form, String ip, FormGuard.Once once) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Submission(Outcome.INVALID, 0, errors);
        ReferralLinks.LinkContext lc = referralLinks.attributed(workspaceId, attributionCookie).orElse(null);
        return saved(createLead(workspaceId, lc, Lead.Source.CONTACT, form, ip, once, null));
    }

    /**
     * A client submits a friend's contact from their own flow; {@code form.consent()} is the client's statement that
     * the friend agreed to be contacted. The lead is attributed to the client (through their link for the current
     * program when one runs). Throws 404 for a client of another workspace.
     */
    public Submission submitFriendFromClient(long workspaceId, long clientId, FriendForm form, String ip, FormGuard.Once once) {
        ClientRef client = links.client(workspaceId, clientId).orElseThrow(NotFound::new);
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Submission(Outcome.INVALID, 0, errors);
        Throttle.Permit permit = throttle.acquire(Throttle.key(Limit.REFERRAL_CLIENT, workspaceId + ":" + clientId));
        if (!permit.granted()) return new Submission(Outcome.THROTTLED, 0, FormErrors.of("", Limit.REFERRAL_CLIENT.messageKey()));
        return saved(createLead(workspaceId, credit.referrerContext(workspaceId, client), Lead.Source.CLIENT, form, ip, once, null));
    }

    private static Submission saved(long id) { return new Submission(Outcome.SAVED, id, FormErrors.none()); }

    /** A lead the freelancer adds by hand ("Direct add"), with its referrer when there is one. */
    public Saved addLead(long workspaceId, long accountId, FriendForm form, String referrer) {
        FormErrors errors = form.validate();
        Optional<ClientRef> ambassador = credit.ambassador(workspaceId, referrer, errors);
        if (!errors.isEmpty()) return new Saved(0, errors);
        ReferralLinks.LinkContext lc = ambassador.map(c -> credit.referrerContext(workspaceId, c)).orElse(null);
        return new Saved(createLead(workspaceId, lc, Lead.Source.MANUAL, form, null, FormGuard.Once.none(), accountId), errors);
    }

    /**
     * Saves the lead, credits it ({@link LeadCredit#credit}: the link it came through, or an exact referral code typed
     * into "who referred you?"), keeps any other answer with the ambassador it matched as a suggestion for the
     * freelancer, and alerts the freelancer. Returns the new lead's id; 0 when {@code once} says this rendered form
     * was saved already. {@code auditAccount}: the account that added it by hand.
     */
    private long createLead(long workspaceId, ReferralLinks.LinkContext lc, Lead.Source source, FriendForm form, String ip,
                            FormGuard.Once once, Long auditAccount) {
        return jdbi.inTransaction(h -> {
            if (!once.firstUse(h)) return 0L;
            LeadDao ld = h.attach(LeadDao.class);
            Instant now = clock.instant();
            String email = Validation.normalizeEmail(form.email());
            String answer = form.referredBy() == null ? "" : form.referredBy();
            ReferralLinks.LinkContext credited = lc;
            Long suggested = null;
            Optional<ReferrerMatch.Match> match = answer.isEmpty() ? Optional.empty() : credit.match(h, workspaceId, answer);
            if (match.isPresent()) {
                Optional<ReferralLinks.LinkContext> byCode = match.get().credits() ? referralLinks.resolve(ReferrerMatch.code(answer))
                        .filter(c -> c.link().workspaceId() == workspaceId) : Optional.empty();
                if (credited == null && byCode.isPresent()) credited = byCode.get(); // the code is as good as its link
                else if (credited == null || credited.referrer().id() != match.get().clientId()) suggested = match.get().clientId();
            }
            long id = ld.insert(workspaceId, null, null, null, source, form.name(), email, form.phone(), form.message(),
                    form.consent(), Lead.Review.NONE, "", ip, now);
            ld.addEvent(workspaceId, id, LeadEvent.Kind.CREATED, Lead.Status.NEW, "", now);
            credit.credit(h, workspaceId, id, credited, now);
            // a friend arrived through the link: it was shared (a friend the client named in the check-in was not)
            if (source == Lead.Source.LINK && credited != null && credited.link() != null) {
                h.attach(LinkDao.class).markUsed(workspaceId, credited.link().id(), now);
            }
            if (!answer.isEmpty()) ld.setAnswer(workspaceId, id, answer, suggested);
            if (auditAccount != null) {
                AuditLog.record(h, workspaceId, auditAccount, "referral.lead.added",
                        "lead " + id + ", referrer " + (credited == null ? "none" : "client " + credited.referrer().id()));
            }
            if (source != Lead.Source.MANUAL) { // the freelancer typed a manual lead in: no alert, no event
                Lead lead = ld.findById(workspaceId, id).orElseThrow();
                mails.alertFreelancer(h, workspaceId, lead);
                events.leadCreated(h, now, lead);
            }
            return id;
        });
    }
}
