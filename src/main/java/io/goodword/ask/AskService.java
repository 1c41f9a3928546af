package io.goodword.ask;

import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.client.Client;
import io.goodword.client.ClientDao;
import io.goodword.client.Project;
import io.goodword.client.ProjectDao;
import io.goodword.db.Sql;
import io.goodword.mail.Email;
import io.goodword.mail.Outbox;
import io.goodword.security.Tokens;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of asking: when a check-in is scheduled, which rules protect the relationship, the background work that
 * sends check-ins and reminders (safe with several processes), and the client's answers.
 */
public final class AskService {
    private static final Logger log = LoggerFactory.getLogger(AskService.class);
    private static final int BATCH = 20;

    /** What became of a request to ask; each has a message for the freelancer ({@link #flashKey}). */
    public enum Outcome {
        SCHEDULED, SENDING, LINK, ALREADY_OPEN, COOLDOWN, UNSUBSCRIBED, NO_EMAIL;

        public String flashKey() { return "ask.outcome." + name().toLowerCase(java.util.Locale.ROOT); }
    }

    public record LinkResult(Outcome outcome, String url) {}

    /** What a personal link leads to. */
    public enum LinkState { UNKNOWN, EXPIRED, ACTIVE }

    public record Visit(LinkState state, AskVisit visit) {}

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final I18n i18n;
    private final Clock clock;
    private final String baseUrl;
    private final AskFlow flow;
    /** Draws each check-in's delay within the freelancer's band (seeded from config, so a run can be replayed). */
    private final java.util.random.RandomGenerator random;

    public AskService(Jdbi jdbi, Outbox outbox, I18n i18n, Clock clock, String baseUrl, AskFlow flow) {
        this(jdbi, outbox, i18n, clock, baseUrl, flow, new java.util.Random());
    }

    public AskService(Jdbi jdbi, Outbox outbox, I18n i18n, Clock clock, String baseUrl, AskFlow flow,
                      java.util.random.RandomGenerator random) {
        this.random = random;
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.i18n = i18n;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.flow = flow;
    }

    public AskFlow flow() { return flow; }

    // ---------------------------------------------------------------- scheduling

    /**
     * A moment of satisfaction (project completed, milestone reached): schedules a check-in after the workspace's
     * delay, on its next working day and hour, unless a rule protects the relationship. Runs in the caller's
     * transaction, so the check-in exists exactly when the change that caused it does.
     */
    public Outcome scheduleCheckIn(Handle h, long ws, long clientId, Long projectId, Long milestoneId, Ask.Reason reason) {
        Instant now = clock.instant();
        Client client = h.attach(ClientDao.class).lockById(ws, clientId).orElseThrow();
        AskSettings settings = h.attach(AskSettingsDao.class).get(ws);
        Outcome blocked = blocked(h, client, settings, now, true);
        if (blocked != null) return blocked;
        Instant at = settings.nextWorkingMoment(now.plus(settings.delay(random)), zone(h, ws));
        return insert(h, ws, clientId, projectId, milestoneId, reason, at, now) ? Outcome.SCHEDULED : Outcome.ALREADY_OPEN;
    }

    /** "Send a check-in now": a scheduled one goes out at once; otherwise a new one, if the rules allow. */
    public Outcome sendNow(long ws, long clientId) {
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            Client client = h.attach(ClientDao.class).lockById(ws, clientId).orElseThrow();
            AskDao asks = h.attach(AskDao.class);
            Optional<Ask> open = asks.findOpen(ws, clientId);
            if (open.isPresent()) {
                if (open.get().statusEnum() != AskStatus.SCHEDULED) return Outcome.ALREADY_OPEN;
                if (client.unsubscribedAt() != null) return Outcome.UNSUBSCRIBED;
                if (client.email() == null) return Outcome.NO_EMAIL;
                asks.reschedule(ws, open.get().id(), now);
                return Outcome.SENDING;
            }
            Outcome blocked = blocked(h, client, h.attach(AskSettingsDao.class).get(ws), now, true);
            if (blocked != null) return blocked;
            return insert(h, ws, clientId, null, null, Ask.Reason.MANUAL, now, now) ? Outcome.SENDING : Outcome.ALREADY_OPEN;
        });
    }

    /**
     * A link the freelancer sends personally (chat, their own email): the open ask's, or a new ask's if the rules
     * allow. A new token each time; earlier links keep working.
     */
    public LinkResult personalLink(long ws, long clientId) {
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            Client client = h.attach(ClientDao.class).lockById(ws, clientId).orElseThrow();
            AskDao asks = h.attach(AskDao.class);
            AskSettings settings = h.attach(AskSettingsDao.class).get(ws);
            Optional<Ask> open = asks.findOpen(ws, clientId);
            long askId;
            if (open.isPresent()) {
                askId = open.get().id();
            } else {
                Outcome blocked = blocked(h, client, settings, now, false);
                if (blocked != null) return new LinkResult(blocked, null);
                askId = asks.insertScheduled(ws, clientId, null, null, Ask.Reason.LINK.db(), now, now);
            }
            Ask ask = asks.lock(askId).orElseThrow();
            if (ask.statusEnum() == AskStatus.SCHEDULED) {
                boolean mailable = client.email() != null && client.unsubscribedAt() == null;
                asks.markSent(askId, now, now.plus(Duration.ofDays(settings.linkDays())),
                        mailable ? firstReminder(settings, now, zone(h, ws)) : null);
            }
            return new LinkResult(Outcome.LINK, baseUrl + "/c/" + newLink(h, ws, askId, now));
        });
    }

    public boolean cancel(long ws, long askId) {
        return jdbi.withExtension(AskDao.class, d -> d.cancel(ws, askId)) == 1;
    }

    private Outcome blocked(Handle h, Client client, AskSettings settings, Instant now, boolean byEmail) {
        if (byEmail && client.unsubscribedAt() != null) return Outcome.UNSUBSCRIBED;
        if (byEmail && client.email() == null) return Outcome.NO_EMAIL;
        AskDao asks = h.attach(AskDao.class);
        if (asks.findOpen(client.workspaceId(), client.id()).isPresent()) return Outcome.ALREADY_OPEN;
        Optional<Instant> last = asks.lastAskedAt(client.workspaceId(), client.id());
        if (last.isPresent() && last.get().plus(Duration.ofDays(settings.cooldownDays())).isAfter(now)) return Outcome.COOLDOWN;
        return null;
    }

    /** Inserts the ask; false when another request opened one for this client in the meantime (unique key). */
    private boolean insert(Handle h, long ws, long clientId, Long projectId, Long milestoneId, Ask.Reason reason,
                           Instant at, Instant now) {
        try {
            h.attach(AskDao.class).insertScheduled(ws, clientId, projectId, milestoneId, reason.db(), at, now);
            return true;
        } catch (RuntimeException e) {
            if (Sql.isDuplicateKey(e)) return false;
            throw e;
        }
    }

    private Instant firstReminder(AskSettings s, Instant sentAt, ZoneId zone) {
        if (s.maxReminders() < 1) return null;
        return s.nextWorkingMoment(sentAt.plus(Duration.ofDays(s.reminder1Days())), zone);
    }

    private String newLink(Handle h, long ws, long askId, Instant now) {
        String token = Tokens.random();
        h.attach(AskDao.class).insertLink(Tokens.sha256(token), ws, askId, now);
        return token;
    }

    /**
     * The two secrets of an emailed link. The unsubscribe token travels in List-Unsubscribe, which mail providers
     * and scanners read and store, so it must not be the token that opens the client's check-in.
     */
    record EmailLink(String checkIn, String unsubscribe) {}

    private EmailLink newEmailLink(Handle h, long ws, long askId, Instant now) {
        EmailLink link = new EmailLink(Tokens.random(), Tokens.random());
        h.attach(AskDao.class).insertEmailLink(Tokens.sha256(link.checkIn()), Tokens.sha256(link.unsubscribe()), ws, askId, now);
        return link;
    }

    private static ZoneId zone(Handle h, long ws) {
        String tz = h.attach(WorkspaceDao.class).findById(ws).map(Workspace::timeZone).orElse("UTC");
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    // ---------------------------------------------------------------- background work

    /** One pass of the background job: expire old links, send due check-ins, then due reminders. */
    public void runDue() {
        Instant now = clock.instant();
        jdbi.useExtension(AskDao.class, d -> d.expire(now));
        while (sendDueCheckIns() == BATCH) {
            // a full batch: more may be due
        }
        while (sendDueReminders() == BATCH) {
            // same
        }
    }

    /**
     * Claims due check-ins (rows another process holds are skipped, not waited for) and, in the same transaction,
     * queues each email and marks the ask sent: a check-in is sent exactly once.
     */
    public int sendDueCheckIns() {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            AskDao asks = h.attach(AskDao.class);
            List<Long> ids = asks.lockDue(now, BATCH);
            for (long id : ids) {
                Ask ask = asks.lock(id).orElseThrow();
                if (ask.statusEnum() != AskStatus.SCHEDULED) continue;
                Client client = h.attach(ClientDao.class).findById(ask.workspaceId(), ask.clientId()).orElseThrow();
                if (client.unsubscribedAt() != null || client.email() == null) {
                    asks.cancel(ask.workspaceId(), id);
                    continue;
                }
                AskSettings settings = h.attach(AskSettingsDao.class).get(ask.workspaceId());
                EmailLink link = newEmailLink(h, ask.workspaceId(), id, now);
                Email email = clientEmail(h, AskTemplate.Kind.CHECKIN, ask, client, link);
                outbox.schedule(h, ask.workspaceId(), "ask-checkin", "ask-" + id + "-checkin", email, now);
                asks.markSent(id, now, now.plus(Duration.ofDays(settings.linkDays())),
                        firstReminder(settings, now, zone(h, ask.workspaceId())));
            }
            return ids.size();
        });
    }

    /** Claims due reminders the same way; none after an answer, an unsubscribe or the link's expiry. */
    public int sendDueReminders() {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            AskDao asks = h.attach(AskDao.class);
            List<Long> ids = asks.lockRemindersDue(now, BATCH);
            for (long id : ids) {
                Ask ask = asks.lock(id).orElseThrow();
                if (ask.statusEnum() != AskStatus.SENT || ask.nextReminderAt() == null) continue;
                Client client = h.attach(ClientDao.class).findById(ask.workspaceId(), ask.clientId()).orElseThrow();
                AskSettings settings = h.attach(AskSettingsDao.class).get(ask.workspaceId());
                int n = ask.remindersSent() + 1;
                if (client.unsubscribedAt() != null || client.email() == null || n > settings.maxReminders()
                        || ask.expiresAt() == null || !ask.expiresAt().isAfter(now)) {
                    asks.stopReminders(id);
                    continue;
                }
                EmailLink link = newEmailLink(h, ask.workspaceId(), id, now);
                Email email = clientEmail(h, AskTemplate.Kind.REMINDER, ask, client, link);
                outbox.schedule(h, ask.workspaceId(), "ask-reminder", "ask-" + id + "-reminder-" + n, email, now);
                Instant next = n < settings.maxReminders()
                        ? settings.nextWorkingMoment(ask.sentAt().plus(Duration.ofDays(settings.reminder2Days())), zone(h, ask.workspaceId()))
                        : null;
                if (next != null && !next.isBefore(ask.expiresAt())) next = null;
                asks.reminderSent(id, n, next);
            }
            return ids.size();
        });
    }

    private Email clientEmail(Handle h, AskTemplate.Kind kind, Ask ask, Client client, EmailLink link) {
        Workspace ws = h.attach(WorkspaceDao.class).findById(ask.workspaceId()).orElseThrow();
        Localizer t = i18n.localizer(client.language());
        AskMails.Wording w = AskMails.wording(h.attach(AskSettingsDao.class).template(ws.id(), kind.db()), kind, t);
        String unsubscribe = baseUrl + "/u/" + link.unsubscribe();
        String replyTo = h.attach(AskDao.class).freelancerEmail(ws.id()).orElse(null);
        return AskMails.build(kind, w, values(h, ask, client, ws, baseUrl + "/c/" + link.checkIn(), t), client.email(), replyTo,
                unsubscribe, t);
    }

    private AskMails.Values values(Handle h, Ask ask, Client client, Workspace ws, String link, Localizer t) {
        String project = ask.projectId() == null ? null
                : h.attach(ProjectDao.class).findById(ws.id(), ask.projectId()).map(Project::title).orElse(null);
        return new AskMails.Values(client.firstName(), client.name(), project != null ? project : t.text("ask.mail.ourWork"),
                ws.displayName(), link, ask.score() == null ? "" : String.valueOf(ask.score()),
                feedbackText(ask, t));
    }

    private static String feedbackText(Ask ask, Localizer t) {
        List<String> parts = new ArrayList<>();
        if (ask.comment() != null && !ask.comment().isBlank()) parts.add(ask.comment());
        if (ask.feedback() != null && !ask.feedback().isBlank()) parts.add(ask.feedback());
        return parts.isEmpty() ? t.text("ask.mail.noWords") : String.join("\n\n", parts);
    }

    // ---------------------------------------------------------------- the client's side

    /** Resolves a personal link, and records the first visit ("opened"). */
    public Visit visit(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) return new Visit(LinkState.UNKNOWN, null);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            AskDao asks = h.attach(AskDao.class);
            Optional<Ask> found = asks.findByTokenHash(Tokens.sha256(token));
            if (found.isEmpty()) return new Visit(LinkState.UNKNOWN, null);
            Ask ask = found.get();
            AskVisit visit = toVisit(h, token, ask);
            AskStatus status = ask.statusEnum();
            boolean expired = status == AskStatus.EXPIRED || status == AskStatus.CANCELLED || status == AskStatus.SCHEDULED
                    || status == AskStatus.SENT && ask.expiresAt() != null && !ask.expiresAt().isAfter(now);
            if (expired) return new Visit(LinkState.EXPIRED, visit);
            if (ask.openedAt() == null && asks.markOpened(ask.id(), now) == 1) {
                visit = toVisit(h, token, asks.findById(ask.workspaceId(), ask.id()).orElseThrow());
            }
            return new Visit(LinkState.ACTIVE, visit);
        });
    }

    private AskVisit toVisit(Handle h, String token, Ask ask) {
        Client client = h.attach(ClientDao.class).findById(ask.workspaceId(), ask.clientId()).orElseThrow();
        Workspace ws = h.attach(WorkspaceDao.class).findById(ask.workspaceId()).orElseThrow();
        return new AskVisit(token, ask, client, ws, i18n.localizer(client.language()));
    }

    /**
     * Saves the score (and comment) once. Unhappy clients' answers become a private follow-up task and an alert to
     * the freelancer. Returns the next step, or null when the ask was not waiting for a score (a reused link).
     */
    public Step answer(AskVisit visit, int score, String comment) {
        Instant now = clock.instant();
        Segment segment = Segment.of(score);
        Step next = flow.after(Step.SCORE, segment);
        return jdbi.inTransaction(h -> {
            AskDao asks = h.attach(AskDao.class);
            String text = comment == null || comment.isBlank() ? null : comment;
            if (asks.answer(visit.ask().id(), score, text, next.db(), now, next == Step.DONE ? now : null) != 1) return null;
            Ask ask = asks.findById(visit.ask().workspaceId(), visit.ask().id()).orElseThrow();
            if (segment == Segment.DETRACTOR) alertFreelancer(h, ask, visit.client(), "score");
            if (next == Step.DONE) thank(h, ask, visit.client());
            return next;
        });
    }

    /** The client prefers not to answer: the ask ends, no reminders follow. */
    public boolean decline(AskVisit visit) {
        return jdbi.withExtension(AskDao.class, d -> d.decline(visit.ask().id(), clock.instant())) == 1;
    }

    /** Saves the detractor's "what could be better" privately, tells the freelancer, and ends the flow. */
    public boolean saveFeedback(AskVisit visit, String feedback) {
        return jdbi.inTransaction(h -> {
            AskDao asks = h.attach(AskDao.class);
            if (asks.saveFeedback(visit.ask().id(), feedback) != 1) return false;
            Ask ask = asks.findById(visit.ask().workspaceId(), visit.ask().id()).orElseThrow();
            alertFreelancer(h, ask, visit.client(), "feedback");
            return moveOn(h, ask, visit.client(), Step.FEEDBACK, false) != null;
        });
    }

    /** Completes or skips the current step {@code from}; returns the next step, or null if {@code from} was not current. */
    public Step moveOn(AskVisit visit, Step from, boolean skipped) {
        return jdbi.inTransaction(h -> moveOn(h, visit.ask(), visit.client(), from, skipped));
    }

    private Step moveOn(Handle h, Ask ask, Client client, Step from, boolean skipped) {
        if (ask.segment() == null || from == Step.SCORE || from == Step.DONE) return null;
        Step next = flow.after(from, ask.segment());
        List<String> completed = new ArrayList<>(ask.completed());
        List<String> skippedSteps = new ArrayList<>(ask.skipped());
        (skipped ? skippedSteps : completed).add(from.db());
        Instant finished = next == Step.DONE ? clock.instant() : null;
        int n = h.attach(AskDao.class).advance(ask.id(), from.db(), next.db(), String.join(",", completed),
                String.join(",", skippedSteps), finished);
        if (n != 1) return null;
        if (next == Step.DONE) thank(h, ask, client);
        return next;
    }

    private void thank(Handle h, Ask ask, Client client) {
        if (client.email() == null || client.unsubscribedAt() != null) return;
        EmailLink link = newEmailLink(h, ask.workspaceId(), ask.id(), clock.instant());
        Email email = clientEmail(h, AskTemplate.Kind.THANKYOU, ask, client, link);
        outbox.enqueue(h, ask.workspaceId(), "ask-thankyou", email);
    }

    private void alertFreelancer(Handle h, Ask ask, Client client, String stage) {
        AskDao asks = h.attach(AskDao.class);
        Workspace ws = h.attach(WorkspaceDao.class).findById(ask.workspaceId()).orElseThrow();
        Localizer t = i18n.localizer(ws.language());
        asks.upsertTask(ws.id(), client.id(), ask.id(), ask.score(), feedbackText(ask, t), clock.instant());
        Optional<String> to = asks.freelancerEmail(ws.id());
        if (to.isEmpty()) return;
        AskMails.Wording w = AskMails.wording(h.attach(AskSettingsDao.class).template(ws.id(), AskTemplate.Kind.ALERT.db()),
                AskTemplate.Kind.ALERT, t);
        Email email = AskMails.build(AskTemplate.Kind.ALERT, w,
                values(h, ask, client, ws, baseUrl + "/admin/clients/" + client.id(), t), to.get(), null, null, t);
        long id = outbox.schedule(h, ws.id(), "ask-alert", "ask-" + ask.id() + "-alert-" + stage, email, clock.instant());
        if (id == 0) log.debug("Alert for ask #{} ({}) was already queued", ask.id(), stage);
    }

    // ---------------------------------------------------------------- unsubscribe

    /**
     * The client behind an unsubscribe token, whatever the state of its ask (unsubscribing must work after expiry
     * too). A check-in token does not unsubscribe (except on links emailed before the two were separated).
     */
    public Optional<AskVisit> linkOwner(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) return Optional.empty();
        return jdbi.inTransaction(h -> h.attach(AskDao.class).findByUnsubscribeHash(Tokens.sha256(token)).map(a -> toVisit(h, token, a)));
    }

    /** Never emails this client again: marks them unsubscribed and cancels their open ask. */
    public Optional<AskVisit> unsubscribe(String token) {
        Optional<AskVisit> owner = linkOwner(token);
        owner.ifPresent(v -> jdbi.useTransaction(h -> {
            h.attach(ClientDao.class).unsubscribe(v.ask().workspaceId(), v.client().id(), clock.instant());
            h.attach(AskDao.class).cancelOpenOf(v.ask().workspaceId(), v.client().id());
        }));
        return owner;
    }
}
