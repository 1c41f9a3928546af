package io.goodword.referral;

import io.goodword.audit.AuditLog;
import io.goodword.db.Sql;
import io.goodword.mail.Email;
import io.goodword.mail.Outbox;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.security.Tokens;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import io.goodword.web.Validation;
import io.javalin.http.NotFoundResponse;
import java.math.BigDecimal;
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
 * {@link #submitFriendFromClient(long, long, FriendForm, String, FormGuard.Once)}.
 */
public final class ReferralService {
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

    Instant now() { return clock.instant(); }

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
        return saved(createLead(lc.link().workspaceId(), lc, Lead.Source.LINK, form, ip, once, null));
    }

    /** The public contact page; the lead is attributed when the visitor still carries a valid referral cookie. */
    public Submission submitContact(long workspaceId, String attributionCookie, FriendForm form, String ip, FormGuard.Once once) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Submission(Outcome.INVALID, 0, errors);
        LinkContext lc = attributed(workspaceId, attributionCookie).orElse(null);
        return saved(createLead(workspaceId, lc, Lead.Source.CONTACT, form, ip, once, null));
    }

    /**
     * A client submits a friend's contact from their own flow; {@code form.consent()} is the client's statement that
     * the friend agreed to be contacted. The lead is attributed to the client (through their link for the current
     * program when one runs). Throws 404 for a client of another workspace.
     */
    public Submission submitFriendFromClient(long workspaceId, long clientId, FriendForm form, String ip, FormGuard.Once once) {
        ClientRef client = links.client(workspaceId, clientId).orElseThrow(NotFoundResponse::new);
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Submission(Outcome.INVALID, 0, errors);
        Throttle.Permit permit = throttle.acquire(Throttle.key(Limit.REFERRAL_CLIENT, workspaceId + ":" + clientId));
        if (!permit.granted()) return new Submission(Outcome.THROTTLED, 0, FormErrors.of("", Limit.REFERRAL_CLIENT.messageKey()));
        return saved(createLead(workspaceId, referrerContext(workspaceId, client), Lead.Source.CLIENT, form, ip, once, null));
    }

    private static Submission saved(long id) { return new Submission(Outcome.SAVED, id, FormErrors.none()); }

    /**
     * Saves the lead, credits it ({@link #credit}: the link it came through, or an exact referral code typed into
     * "who referred you?"), keeps any other answer with the ambassador it matched as a suggestion for the freelancer,
     * and alerts the freelancer. Flagged leads are kept and held, never dropped. Returns the new lead's id; 0 when
     * {@code once} says this rendered form was saved already. {@code auditAccount}: the account that added it by hand.
     */
    private long createLead(long workspaceId, LinkContext lc, Lead.Source source, FriendForm form, String ip,
                            FormGuard.Once once, Long auditAccount) {
        return jdbi.inTransaction(h -> {
            if (!once.firstUse(h)) return 0L;
            LeadDao ld = h.attach(LeadDao.class);
            Instant now = clock.instant();
            String email = Validation.normalizeEmail(form.email());
            String answer = form.referredBy() == null ? "" : form.referredBy();
            LinkContext credited = lc;
            Long suggested = null;
            Optional<ReferrerMatch.Match> match = answer.isEmpty() ? Optional.empty() : match(h, workspaceId, answer);
            if (match.isPresent()) {
                Optional<LinkContext> byCode = match.get().credits() ? resolve(ReferrerMatch.code(answer))
                        .filter(c -> c.link().workspaceId() == workspaceId) : Optional.empty();
                if (credited == null && byCode.isPresent()) credited = byCode.get(); // the code is as good as its link
                else if (credited == null || credited.referrer().id() != match.get().clientId()) suggested = match.get().clientId();
            }
            long id = ld.insert(workspaceId, null, null, null, source, form.name(), email, form.phone(), form.message(),
                    form.consent(), Lead.Review.NONE, "", ip, now);
            ld.addEvent(workspaceId, id, LeadEvent.Kind.CREATED, Lead.Status.NEW, "", now);
            credit(h, workspaceId, id, credited, now);
            // a friend arrived through the link: it was shared (a friend the client named in the check-in was not)
            if (source == Lead.Source.LINK && credited != null && credited.link() != null) {
                h.attach(LinkDao.class).markUsed(workspaceId, credited.link().id(), now);
            }
            if (!answer.isEmpty()) ld.setAnswer(workspaceId, id, answer, suggested);
            if (auditAccount != null) {
                AuditLog.record(h, workspaceId, auditAccount, "referral.lead.added",
                        "lead " + id + ", referrer " + (credited == null ? "none" : "client " + credited.referrer().id()));
            }
            if (source != Lead.Source.MANUAL) alertFreelancer(h, workspaceId, ld.findById(workspaceId, id).orElseThrow());
            return id;
        });
    }

    /** The ambassador a "who referred you?" answer means, if exactly one does. */
    private Optional<ReferrerMatch.Match> match(Handle h, long workspaceId, String answer) {
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
     * The one way a lead gets its referrer: following a link, an exact code typed as the answer, a suggestion the
     * freelancer confirmed, or a referrer added or changed by hand. Sets link, program and referrer ({@code lc} null:
     * no referrer), runs the fraud checks again for the new referrer, moves an unpaid referrer reward along with the
     * credit, and creates the rewards the lead has already earned.
     */
    private void credit(Handle h, long workspaceId, long leadId, LinkContext lc, Instant now) {
        LeadDao ld = h.attach(LeadDao.class);
        LinkDao lk = h.attach(LinkDao.class);
        RewardDao rd = h.attach(RewardDao.class);
        ClientRef referrer = lc == null ? null : lc.referrer();
        Link link = lc == null ? null : lc.link();
        ld.setReferrer(workspaceId, leadId, lc == null || lc.program() == null ? null : lc.program().id(),
                link == null ? null : link.id(), referrer == null ? null : referrer.id());
        Lead lead = ld.findById(workspaceId, leadId).orElseThrow();
        Instant since = lead.createdAt().minus(Duration.ofMinutes(FraudRules.WINDOW_MINUTES));
        FraudRules.Facts facts = new FraudRules.Facts(lead.email(), referrer == null ? null : referrer.email(),
                lk.clientsWithEmail(workspaceId, lead.email(), referrer == null ? -1 : referrer.id()) > 0,
                ld.countWithEmail(workspaceId, lead.email(), leadId) > 0,
                lead.submittedIp() == null ? 0 : ld.countFromIp(workspaceId, lead.submittedIp(), since, lead.createdAt(), leadId),
                link == null ? 0 : ld.countFromLink(workspaceId, link.id(), since, lead.createdAt(), leadId));
        String reasons = FraudRules.check(facts).stream().map(Enum::name).collect(Collectors.joining(","));
        if (lead.review() != Lead.Review.REJECTED) {
            if (!reasons.isEmpty() && !reasons.equals(lead.fraudReasons())) ld.setFraud(workspaceId, leadId, Lead.Review.HELD, reasons);
            else if (reasons.isEmpty() && lead.review() == Lead.Review.HELD) ld.setFraud(workspaceId, leadId, Lead.Review.NONE, "");
        }
        if (referrer != null) {
            rd.reassignReferrer(workspaceId, leadId, referrer.id(), referrer.name(), nullToEmpty(referrer.email()));
        } else {
            rd.cancelOpenReferrerReward(workspaceId, leadId, i18n.localizer(lk.workspace(workspaceId).orElseThrow().language())
                    .text("referral.referrer.removedNote"), now);
        }
        Lead after = ld.findById(workspaceId, leadId).orElseThrow();
        rd.setHeldForLead(workspaceId, leadId, after.held());
        createRewards(h, after, now);
    }

    /** The link a credit to this client goes through: theirs for the current program (created on first use). */
    private LinkContext referrerContext(long workspaceId, ClientRef client) {
        return linkFor(workspaceId, client.id())
                .map(r -> new LinkContext(r.link(), programs.findById(workspaceId, r.link().programId()).orElseThrow(), client))
                .orElse(new LinkContext(null, null, client));
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
        Lead current = lead(workspaceId, leadId);
        if (errors.isEmpty() && form.statusValue() == Lead.Status.WON && form.dealCurrency().isEmpty()
                && current.programId() != null && programs.findById(workspaceId, current.programId())
                        .map(p -> p.referrerRewardType() == Program.RewardType.DEAL_PERCENT).orElse(false)) {
            errors.add("dealCurrency", "referral.error.dealCurrencyRequired"); // the reward is paid in it
        }
        if (!errors.isEmpty()) return errors;
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
        // the hold before payout: N days after the deal was won, and/or until the freelancer marks the invoice paid
        Instant payableFrom = program.holdDays() == null || program.holdDays() <= 0 ? null
                : (lead.wonAt() != null ? lead.wonAt() : now).plus(Duration.ofDays(program.holdDays()));
        boolean awaitingInvoice = program.holdUntilPaid() && lead.invoicePaidAt() == null;
        if (lead.referrerClientId() != null && program.referrerReward().present()) {
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
            if (due && (program.capPerReferrer() == null || earned < program.capPerReferrer())) {
                int created = rd.insertOnce(ws, program.id(), lead.id(), Reward.Beneficiary.REFERRER, lead.referrerClientId(),
                        lead.referrerName(), nullToEmpty(lead.referrerEmail()), type, amount, currency,
                        type == Program.RewardType.DONATION ? r.text() : "", lead.held(), now, payableFrom,
                        awaitingInvoice, String.join(",", choices.stream().map(Enum::name).toList()),
                        token == null ? null : Tokens.sha256(token));
                if (created == 1 && token != null) offerChoice(h, lead, token, now);
            }
        }
        if (program.friendReward().present()) {
            Program.RewardSpec r = program.friendReward();
            rd.insertOnce(ws, program.id(), lead.id(), Reward.Beneficiary.FRIEND, null, lead.name(), lead.email(),
                    r.type(), r.amount(), r.currency(), r.text(), lead.held(), now, payableFrom, awaitingInvoice, "", null);
        }
    }

    public String rewardChoiceUrl(String token) { return baseUrl + "/reward/" + token; }

    /** Emails the referrer their private link to choose the form of their reward (once per reward). */
    private void offerChoice(Handle h, Lead lead, String token, Instant now) {
        if (lead.referrerEmail() == null || lead.referrerEmail().isBlank()) return;
        LinkDao lk = h.attach(LinkDao.class);
        ClientRef referrer = lk.client(lead.workspaceId(), lead.referrerClientId()).orElse(null);
        if (referrer == null) return;
        WorkspaceRef ws = lk.workspace(lead.workspaceId()).orElseThrow();
        Localizer t = i18n.localizer(referrer.language());
        Email email = Email.of(referrer.email(), t.text("referral.mail.choice.subject", ws.displayName()),
                        t.text("referral.mail.greeting", referrer.firstName()),
                        List.of(t.text("referral.mail.choice.body", firstName(lead.name()), ws.displayName())))
                .withAction(t.text("referral.mail.choice.action"), rewardChoiceUrl(token)).withFooter(ws.displayName());
        outbox.enqueue(h, lead.workspaceId(), "referral-choice", email);
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

    // ---------------------------------------------------------------- attribution by hand

    /** A lead the freelancer adds by hand ("Direct add"), with its referrer when there is one. */
    public Saved addLead(long workspaceId, long accountId, FriendForm form, String referrer) {
        FormErrors errors = form.validate();
        Optional<ClientRef> ambassador = ambassador(workspaceId, referrer, errors);
        if (!errors.isEmpty()) return new Saved(0, errors);
        LinkContext lc = ambassador.map(c -> referrerContext(workspaceId, c)).orElse(null);
        return new Saved(createLead(workspaceId, lc, Lead.Source.MANUAL, form, null, FormGuard.Once.none(), accountId), errors);
    }

    /**
     * The ambassador a freelancer typed (their referral code, email or whole name): exact only, since a person is
     * choosing; blank is "no referrer". Adds an error to {@code errors} when nobody or more than one client fits.
     */
    private Optional<ClientRef> ambassador(long workspaceId, String typed, FormErrors errors) {
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
        return links.client(workspaceId, m.get().clientId());
    }

    /**
     * Credits the lead to another ambassador (or to none), by hand. The change is a line in the lead's history and
     * in the audit log; an unpaid referrer reward moves to the new referrer, a paid one blocks the change.
     */
    public FormErrors changeReferrer(long workspaceId, long accountId, long leadId, String referrer) {
        lead(workspaceId, leadId);
        FormErrors errors = FormErrors.none();
        Optional<ClientRef> ambassador = ambassador(workspaceId, referrer, errors);
        if (!errors.isEmpty()) return errors;
        return recredit(workspaceId, accountId, leadId, ambassador.orElse(null), "referral.lead.referrer.changed",
                "referral.lead.referrerChanged");
    }

    /** The freelancer confirms the ambassador a "who referred you?" answer matched: credited like a link visit. */
    public FormErrors confirmSuggestion(long workspaceId, long accountId, long leadId) {
        Lead lead = lead(workspaceId, leadId);
        if (!lead.hasSuggestion()) return FormErrors.of("", "referral.error.noSuggestion");
        ClientRef c = links.client(workspaceId, lead.suggestedClientId()).orElseThrow(NotFoundResponse::new);
        return recredit(workspaceId, accountId, leadId, c, "referral.lead.suggestion.confirmed", "referral.lead.suggestionConfirmed");
    }

    public void dismissSuggestion(long workspaceId, long accountId, long leadId) {
        jdbi.useTransaction(h -> {
            LeadDao ld = h.attach(LeadDao.class);
            ld.lock(workspaceId, leadId).orElseThrow(NotFoundResponse::new);
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
            ld.lock(workspaceId, leadId).orElseThrow(NotFoundResponse::new);
            Lead lead = ld.findById(workspaceId, leadId).orElseThrow();
            Long toId = to == null ? null : to.id();
            if (java.util.Objects.equals(toId, lead.referrerClientId())) return FormErrors.none();
            boolean paid = h.attach(RewardDao.class).forLead(workspaceId, leadId).stream()
                    .anyMatch(r -> r.beneficiary() == Reward.Beneficiary.REFERRER && r.status() == Reward.Status.FULFILLED);
            if (paid) return FormErrors.of("referrer", "referral.error.referrerRewardPaid");
            Instant now = clock.instant();
            credit(h, workspaceId, leadId, to == null ? null : referrerContext(workspaceId, to), now);
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

    /** The won deal's invoice is paid: rewards held "until the invoice is paid" become payable. */
    public FormErrors markInvoicePaid(long workspaceId, long leadId) {
        lead(workspaceId, leadId);
        return jdbi.inTransaction(h -> {
            LeadDao ld = h.attach(LeadDao.class);
            ld.lock(workspaceId, leadId).orElseThrow(NotFoundResponse::new);
            Instant now = clock.instant();
            if (ld.markInvoicePaid(workspaceId, leadId, now) == 0) return FormErrors.of("", "referral.error.invoiceNotWon");
            h.attach(RewardDao.class).releaseInvoiceHold(workspaceId, leadId);
            ld.addEvent(workspaceId, leadId, LeadEvent.Kind.INVOICE, null,
                    workspaceLocalizer(h, workspaceId).text("referral.lead.invoicePaidEvent"), now);
            return FormErrors.none();
        });
    }

    private Localizer workspaceLocalizer(Handle h, long workspaceId) {
        return i18n.localizer(h.attach(LinkDao.class).workspace(workspaceId).orElseThrow().language());
    }

    // ---------------------------------------------------------------- the referrer's choice of reward

    /** The reward behind a private choice link; empty for an unknown token. */
    public Optional<Reward> rewardByChoiceToken(String token) {
        if (token == null || token.length() != 43) return Optional.empty();
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

    private static String nullToEmpty(String s) { return s == null ? "" : s; }

    private static String firstName(String name) {
        String n = name == null ? "" : name.strip();
        int space = n.indexOf(' ');
        return space > 0 ? n.substring(0, space) : n;
    }
}
