package io.goodword.referral;

import io.goodword.db.Sql;
import io.goodword.mail.Email;
import io.goodword.mail.Outbox;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import io.goodword.web.Validation;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of referrals: links and codes, friends' submissions with their spam and fraud checks, the lead
 * pipeline, and rewards created exactly once when a program's trigger is reached.
 *
 * <p>Entry points for the client flow ({@code /c/{token}}): {@link #linkFor(long, long)} and
 * {@link #submitFriendFromClient(long, long, FriendForm, String)}.
 */
public final class ReferralService {
    static final int LANDING_TESTIMONIALS = 6;
    private static final int CODE_ATTEMPTS = 8;

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final I18n i18n;
    private final Throttle throttle;
    private final AttributionCookie cookies;
    private final Clock clock;
    private final String baseUrl;
    private final ProgramDao programs;
    private final LinkDao links;
    private final LeadDao leads;
    private final RewardDao rewards;

    public ReferralService(Jdbi jdbi, Outbox outbox, I18n i18n, Throttle throttle, AttributionCookie cookies, Clock clock,
                           String baseUrl) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.i18n = i18n;
        this.throttle = throttle;
        this.cookies = cookies;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.programs = jdbi.onDemand(ProgramDao.class);
        this.links = jdbi.onDemand(LinkDao.class);
        this.leads = jdbi.onDemand(LeadDao.class);
        this.rewards = jdbi.onDemand(RewardDao.class);
    }

    public enum Outcome { SAVED, INVALID, THROTTLED }

    /** What happened to a friend's submission; {@code leadId} only when SAVED. */
    public record Submission(Outcome outcome, long leadId, FormErrors errors) {
        static Submission of(Outcome o) { return new Submission(o, 0, FormErrors.none()); }
    }

    /** A link with its program and its ambassador. */
    public record LinkContext(Link link, Program program, ClientRef referrer) {}

    /** A personal link and its public address. */
    public record LinkResult(Link link, String url) {}

    public String url(String code) { return baseUrl + "/r/" + code; }

    public AttributionCookie cookies() { return cookies; }

    LocalDate today() { return LocalDate.now(clock.withZone(ZoneOffset.UTC)); }

    // ---------------------------------------------------------------- programs and settings

    /** The program new links join: the newest one running today. */
    public Optional<Program> currentProgram(long workspaceId) {
        LocalDate today = today();
        return programs.list(workspaceId).stream().filter(p -> p.running(today))
                .max((a, b) -> a.createdAt().compareTo(b.createdAt()) != 0 ? a.createdAt().compareTo(b.createdAt())
                        : Long.compare(a.id(), b.id()));
    }

    public record Saved(long id, FormErrors errors) {}

    public Saved createProgram(long workspaceId, ProgramForm form) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Saved(0, errors);
        return new Saved(programs.insert(workspaceId, form), errors);
    }

    public FormErrors updateProgram(long workspaceId, long id, ProgramForm form) {
        programs.findById(workspaceId, id).orElseThrow(NotFoundResponse::new);
        FormErrors errors = form.validate();
        if (errors.isEmpty()) programs.update(workspaceId, id, form);
        return errors;
    }

    /** Pausing stops new rewards; rewards already in the ledger stay as they are. */
    public void setProgramStatus(long workspaceId, long id, Program.Status status) {
        if (programs.setStatus(workspaceId, id, status) == 0) throw new NotFoundResponse();
    }

    public FormErrors saveSettings(long workspaceId, SettingsForm form) {
        FormErrors errors = form.validate();
        if (errors.isEmpty()) programs.saveSettings(workspaceId, form.days(), form.notifyReferrer(), form.notifyFreelancer());
        return errors;
    }

    // ---------------------------------------------------------------- links

    /** The client's personal link for the workspace's current program, created on first use; empty when no program runs or the client is not the workspace's. */
    public Optional<LinkResult> linkFor(long workspaceId, long clientId) {
        return currentProgram(workspaceId).flatMap(p -> linkFor(workspaceId, p.id(), clientId));
    }

    /** The client's link for this program, created on first use (a random code, retried on the rare collision). */
    public Optional<LinkResult> linkFor(long workspaceId, long programId, long clientId) {
        if (links.client(workspaceId, clientId).isEmpty() || programs.findById(workspaceId, programId).isEmpty()) {
            return Optional.empty();
        }
        Optional<Link> existing = links.find(workspaceId, programId, clientId);
        if (existing.isPresent()) return existing.map(this::result);
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            try {
                links.insert(workspaceId, programId, clientId, ReferralCodes.next());
                return links.find(workspaceId, programId, clientId).map(this::result);
            } catch (RuntimeException e) {
                if (!Sql.isDuplicateKey(e)) throw e;
                if ("uq_referral_link_client".equals(Sql.violatedKey(e))) {
                    return links.find(workspaceId, programId, clientId).map(this::result); // created concurrently
                }
                // another link already has this code: draw again
            }
        }
        throw new IllegalStateException("no free referral code after " + CODE_ATTEMPTS + " attempts");
    }

    private LinkResult result(Link l) { return new LinkResult(l, url(l.code())); }

    public Optional<LinkContext> resolve(String typedCode) {
        String code = ReferralCodes.normalize(typedCode);
        if (code == null) return Optional.empty();
        return links.findByCode(code).flatMap(this::context);
    }

    private Optional<LinkContext> context(Link l) {
        Optional<Program> p = programs.findById(l.workspaceId(), l.programId());
        Optional<ClientRef> c = links.client(l.workspaceId(), l.clientId());
        return p.isEmpty() || c.isEmpty() ? Optional.empty() : Optional.of(new LinkContext(l, p.get(), c.get()));
    }

    /** The referral code remembered by the attribution cookie, if still within the window and of this workspace. */
    public Optional<LinkContext> attributed(long workspaceId, String cookie) {
        int days = programs.settingsOrDefault(workspaceId).attributionDays();
        return cookies.code(cookie, days).flatMap(links::findByCode)
                .filter(l -> l.workspaceId() == workspaceId).flatMap(this::context);
    }

    public int attributionDays(long workspaceId) { return programs.settingsOrDefault(workspaceId).attributionDays(); }

    public List<PublicTestimonial> bestTestimonials(long workspaceId) {
        return links.bestTestimonials(workspaceId, LANDING_TESTIMONIALS);
    }

    public enum Sent { SENT, NO_EMAIL, NO_LINK }

    /** Emails the client their personal link for this program. */
    public Sent emailLink(long workspaceId, long programId, long clientId) {
        ClientRef client = links.client(workspaceId, clientId).orElseThrow(NotFoundResponse::new);
        Optional<LinkResult> link = linkFor(workspaceId, programId, clientId);
        if (link.isEmpty()) return Sent.NO_LINK;
        if (client.email() == null || client.email().isBlank()) return Sent.NO_EMAIL;
        WorkspaceRef ws = links.workspace(workspaceId).orElseThrow();
        Program program = programs.findById(workspaceId, programId).orElseThrow();
        Localizer t = i18n.localizer(client.language());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(t.text("referral.mail.link.body", ws.displayName()));
        if (program.referrerReward().present()) {
            paragraphs.add(t.text("referral.mail.link.reward", program.referrerReward().describe(t)));
        }
        Email email = Email.of(client.email(), t.text("referral.mail.link.subject", ws.displayName()),
                        t.text("referral.mail.greeting", client.firstName()), paragraphs)
                .withAction(t.text("referral.mail.link.action"), link.get().url()).withFooter(ws.displayName());
        jdbi.useTransaction(h -> {
            outbox.enqueue(h, workspaceId, "referral-link", email);
            h.attach(LinkDao.class).markUsed(workspaceId, link.get().link().id(), clock.instant()); // sent: shared
        });
        return Sent.SENT;
    }

    // ---------------------------------------------------------------- submissions

    /**
     * A friend's form on an ambassador's landing page. The caller ran the {@link FormGuard} (honeypot, stamp,
     * limits); {@code once} makes a resubmit of the same rendered form answer SAVED without a second lead.
     */
    public Submission submitViaLink(LinkContext lc, FriendForm form, String ip, FormGuard.Once once) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Submission(Outcome.INVALID, 0, errors);
        return saved(createLead(lc.link().workspaceId(), lc, Lead.Source.LINK, form, ip, once));
    }

    /** The public contact page; the lead is attributed when the visitor still carries a valid referral cookie. */
    public Submission submitContact(long workspaceId, String attributionCookie, FriendForm form, String ip, FormGuard.Once once) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Submission(Outcome.INVALID, 0, errors);
        LinkContext lc = attributed(workspaceId, attributionCookie).orElse(null);
        return saved(createLead(workspaceId, lc, Lead.Source.CONTACT, form, ip, once));
    }

    /**
     * A client submits a friend's contact from their own flow; {@code form.consent()} is the client's statement that
     * the friend agreed to be contacted. The lead is attributed to the client (through their link for the current
     * program when one runs). Throws 404 for a client of another workspace.
     */
    public Submission submitFriendFromClient(long workspaceId, long clientId, FriendForm form, String ip) {
        ClientRef client = links.client(workspaceId, clientId).orElseThrow(NotFoundResponse::new);
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Submission(Outcome.INVALID, 0, errors);
        Throttle.Permit permit = throttle.acquire(Throttle.key(Limit.REFERRAL_CLIENT, workspaceId + ":" + clientId));
        if (!permit.granted()) return new Submission(Outcome.THROTTLED, 0, FormErrors.of("", Limit.REFERRAL_CLIENT.messageKey()));
        LinkContext lc = linkFor(workspaceId, clientId)
                .map(r -> new LinkContext(r.link(), programs.findById(workspaceId, r.link().programId()).orElseThrow(), client))
                .orElse(new LinkContext(null, null, client));
        return saved(createLead(workspaceId, lc, Lead.Source.CLIENT, form, ip, FormGuard.Once.none()));
    }

    private static Submission saved(long id) { return new Submission(Outcome.SAVED, id, FormErrors.none()); }

    /** Saves the lead with the fraud verdict (flagged leads are kept and held, never dropped) and alerts the freelancer. */
    /** The new lead's id; 0 when {@code once} says this rendered form was saved already. */
    private long createLead(long workspaceId, LinkContext lc, Lead.Source source, FriendForm form, String ip,
                            FormGuard.Once once) {
        return jdbi.inTransaction(h -> {
            if (!once.firstUse(h)) return 0L;
            LeadDao ld = h.attach(LeadDao.class);
            LinkDao lk = h.attach(LinkDao.class);
            Instant now = clock.instant();
            Instant since = now.minus(Duration.ofMinutes(FraudRules.WINDOW_MINUTES));
            String email = Validation.normalizeEmail(form.email());
            ClientRef referrer = lc == null ? null : lc.referrer();
            Link link = lc == null ? null : lc.link();
            FraudRules.Facts facts = new FraudRules.Facts(email, referrer == null ? null : referrer.email(),
                    lk.clientsWithEmail(workspaceId, email, referrer == null ? -1 : referrer.id()) > 0,
                    ld.countWithEmail(workspaceId, email) > 0,
                    ip == null ? 0 : ld.countFromIp(workspaceId, ip, since),
                    link == null ? 0 : ld.countFromLink(workspaceId, link.id(), since));
            List<FraudRules.Reason> reasons = FraudRules.check(facts);
            long id = ld.insert(workspaceId, lc == null || lc.program() == null ? null : lc.program().id(),
                    link == null ? null : link.id(), referrer == null ? null : referrer.id(), source, form.name(), email,
                    form.phone(), form.message(), form.consent(), reasons.isEmpty() ? Lead.Review.NONE : Lead.Review.HELD,
                    reasons.stream().map(Enum::name).collect(Collectors.joining(",")), ip, now);
            ld.addEvent(workspaceId, id, LeadEvent.Kind.CREATED, Lead.Status.NEW, "", now);
            // a friend arrived through the link: it was shared (a friend the client named in the check-in was not)
            if (link != null && source == Lead.Source.LINK) lk.markUsed(workspaceId, link.id(), now);
            alertFreelancer(h, workspaceId, ld.findById(workspaceId, id).orElseThrow());
            return id;
        });
    }

    private void alertFreelancer(Handle h, long workspaceId, Lead lead) {
        if (!h.attach(ProgramDao.class).settingsOrDefault(workspaceId).notifyFreelancer()) return;
        LinkDao lk = h.attach(LinkDao.class);
        WorkspaceRef ws = lk.workspace(workspaceId).orElseThrow();
        Localizer t = i18n.localizer(ws.language());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(lead.referred() ? t.text("referral.mail.alert.referred", lead.name(), lead.email(), lead.referrerName())
                : t.text("referral.mail.alert.direct", lead.name(), lead.email()));
        paragraphs.add(lead.message());
        if (lead.held()) paragraphs.add(t.text("referral.mail.alert.held"));
        for (String to : lk.accountEmails(workspaceId)) {
            outbox.enqueue(h, workspaceId, "referral-new-lead", Email.of(to, t.text("referral.mail.alert.subject", lead.name()),
                            null, paragraphs)
                    .withAction(t.text("referral.mail.alert.action"), baseUrl + "/admin/referrals/leads/" + lead.id()));
        }
    }

    // ---------------------------------------------------------------- pipeline

    public Lead lead(long workspaceId, long id) {
        return leads.findById(workspaceId, id).orElseThrow(NotFoundResponse::new);
    }

    /**
     * Moves a lead. In one transaction, with the lead row locked: the status, its date, the history line, the
     * rewards (created at most once per lead and beneficiary, by a unique key) and the referrer's thank-you email
     * (queued at most once, by a dedupe key).
     */
    public FormErrors changeStatus(long workspaceId, long leadId, StatusForm form) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) {
            lead(workspaceId, leadId);
            return errors;
        }
        jdbi.useTransaction(h -> {
            LeadDao ld = h.attach(LeadDao.class);
            ld.lock(workspaceId, leadId).orElseThrow(NotFoundResponse::new);
            Lead before = ld.findById(workspaceId, leadId).orElseThrow();
            Lead.Status status = form.statusValue();
            Instant now = clock.instant();
            ld.updateStatus(workspaceId, leadId, status, form.dealValueValue(), form.dealCurrencyValue(),
                    status == Lead.Status.LOST ? form.lostReason() : "", now);
            if (before.status() != status) ld.addEvent(workspaceId, leadId, LeadEvent.Kind.STATUS, status, form.note(), now);
            else if (!form.note().isEmpty()) ld.addEvent(workspaceId, leadId, LeadEvent.Kind.NOTE, null, form.note(), now);
            Lead after = ld.findById(workspaceId, leadId).orElseThrow();
            createRewards(h, after, now);
            if (status == Lead.Status.WON && before.status() != Lead.Status.WON) thankReferrer(h, after, now);
        });
        return FormErrors.none();
    }

    private void createRewards(Handle h, Lead lead, Instant now) {
        if (lead.programId() == null || lead.review() == Lead.Review.REJECTED) return;
        Program program = h.attach(ProgramDao.class).findById(lead.workspaceId(), lead.programId()).orElse(null);
        if (program == null || !program.triggerReached(lead.status(), lead.dealValue()) || !program.running(today())) return;
        RewardDao rd = h.attach(RewardDao.class);
        long ws = lead.workspaceId();
        if (lead.referrerClientId() != null && program.referrerReward().present()) {
            if (lead.linkId() != null) h.attach(LinkDao.class).lock(ws, lead.linkId()); // one cap decision at a time
            int earned = rd.countForReferrer(ws, program.id(), lead.referrerClientId());
            if (program.capPerReferrer() == null || earned < program.capPerReferrer()) {
                Program.RewardSpec r = program.referrerReward();
                rd.insertOnce(ws, program.id(), lead.id(), Reward.Beneficiary.REFERRER, lead.referrerClientId(),
                        lead.referrerName(), nullToEmpty(lead.referrerEmail()), r.type(), r.amount(), r.currency(),
                        r.text(), lead.held(), now);
            }
        }
        if (program.friendReward().present()) {
            Program.RewardSpec r = program.friendReward();
            rd.insertOnce(ws, program.id(), lead.id(), Reward.Beneficiary.FRIEND, null, lead.name(), lead.email(),
                    r.type(), r.amount(), r.currency(), r.text(), lead.held(), now);
        }
    }

    private void thankReferrer(Handle h, Lead lead, Instant now) {
        if (!lead.referred() || lead.referrerEmail() == null || lead.referrerEmail().isBlank()) return;
        if (!h.attach(ProgramDao.class).settingsOrDefault(lead.workspaceId()).notifyReferrer()) return;
        String dedupeKey = "referral-thanks-" + lead.id();
        if (h.attach(LeadDao.class).queued(lead.workspaceId(), dedupeKey) > 0) return; // thanked once, ever
        LinkDao lk = h.attach(LinkDao.class);
        ClientRef referrer = lk.client(lead.workspaceId(), lead.referrerClientId()).orElse(null);
        WorkspaceRef ws = lk.workspace(lead.workspaceId()).orElseThrow();
        if (referrer == null) return;
        Localizer t = i18n.localizer(referrer.language());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(t.text("referral.mail.thanks.body", firstName(lead.name()), ws.displayName()));
        h.attach(RewardDao.class).forLead(lead.workspaceId(), lead.id()).stream()
                .filter(r -> r.beneficiary() == Reward.Beneficiary.REFERRER && r.status() != Reward.Status.CANCELLED)
                .findFirst()
                .ifPresent(r -> paragraphs.add(t.text("referral.mail.thanks.reward", r.describe(t), ws.displayName())));
        Email email = Email.of(referrer.email(), t.text("referral.mail.thanks.subject", ws.displayName()),
                t.text("referral.mail.greeting", referrer.firstName()), paragraphs).withFooter(ws.displayName());
        outbox.schedule(h, lead.workspaceId(), "referral-thanks", dedupeKey, email, now);
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
            ld.lock(workspaceId, leadId).orElseThrow(NotFoundResponse::new);
            Lead lead = ld.findById(workspaceId, leadId).orElseThrow();
            if (!lead.held()) return;
            Instant now = clock.instant();
            RewardDao rd = h.attach(RewardDao.class);
            WorkspaceRef ws = h.attach(LinkDao.class).workspace(workspaceId).orElseThrow();
            Localizer t = i18n.localizer(ws.language());
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

    // ---------------------------------------------------------------- rewards

    public Reward reward(long workspaceId, long id) {
        return rewards.findById(workspaceId, id).orElseThrow(NotFoundResponse::new);
    }

    public FormErrors approve(long workspaceId, long id) {
        reward(workspaceId, id);
        return rewards.approve(workspaceId, id, clock.instant()) == 1 ? FormErrors.none()
                : FormErrors.of("", "referral.error.rewardLocked");
    }

    public FormErrors fulfil(long workspaceId, long id, String note) {
        reward(workspaceId, id);
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

    private static String nullToEmpty(String s) { return s == null ? "" : s; }

    private static String firstName(String name) {
        String n = name == null ? "" : name.strip();
        int space = n.indexOf(' ');
        return space > 0 ? n.substring(0, space) : n;
    }
}
