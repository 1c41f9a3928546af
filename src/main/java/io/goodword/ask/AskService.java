package io.goodword.ask;

import io.goodword.client.Client;
import io.goodword.client.ClientDao;
import io.goodword.db.DuplicateKey;
import io.goodword.mail.Outbox;
import io.goodword.security.Tokens;
import io.goodword.web.I18n;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of asking, the freelancer's side: when a check-in is scheduled, which rules protect the relationship,
 * "send now" and personal links. It wires the other parts of asking: the background work ({@link AskWorker}), the
 * client's side ({@link AskVisits}) and unsubscribing ({@link Unsubscribes}).
 */
public final class AskService {
    /** What became of a request to ask; each has a message for the freelancer ({@link #flashKey}). */
    public enum Outcome {
        SCHEDULED, SENDING, LINK, ALREADY_OPEN, COOLDOWN, UNSUBSCRIBED, NO_EMAIL;

        public String flashKey() { return "ask.outcome." + name().toLowerCase(java.util.Locale.ROOT); }
    }

    public record LinkResult(Outcome outcome, String url) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final String baseUrl;
    private final AskWorker worker;
    private final AskVisits visits;
    private final Unsubscribes unsubscribes;
    /** Draws each check-in's delay within the freelancer's band (seeded from config, so a run can be replayed). */
    private final java.util.random.RandomGenerator random;

    public AskService(Jdbi jdbi, Outbox outbox, I18n i18n, Clock clock, String baseUrl, AskFlow flow) {
        this(jdbi, outbox, i18n, clock, baseUrl, flow, new java.util.Random());
    }

    public AskService(Jdbi jdbi, Outbox outbox, I18n i18n, Clock clock, String baseUrl, AskFlow flow,
                      java.util.random.RandomGenerator random) {
        this.random = random;
        this.jdbi = jdbi;
        this.clock = clock;
        this.baseUrl = baseUrl;
        AskEmails emails = new AskEmails(i18n, baseUrl);
        this.worker = new AskWorker(jdbi, outbox, emails, clock);
        this.visits = new AskVisits(jdbi, outbox, emails, flow, clock);
        this.unsubscribes = new Unsubscribes(jdbi, visits, clock);
    }

    /** The background work (one pass: {@link AskWorker#runDue}). */
    public AskWorker worker() { return worker; }

    /** The client's side of the link. */
    public AskVisits visits() { return visits; }

    public Unsubscribes unsubscribes() { return unsubscribes; }

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
        Instant at = settings.nextWorkingMoment(now.plus(settings.delay(random)), AskEmails.zone(h, ws));
        return insert(h, ws, clientId, projectId, milestoneId, reason, at, now) ? Outcome.SCHEDULED : Outcome.ALREADY_OPEN;
    }

    /** "Send a check-in now": a scheduled one goes out at once; otherwise a new one, if the rules allow. */
    public Outcome sendNow(long ws, long clientId) {
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            Client client = h.attach(ClientDao.class).lockById(ws, clientId).orElseThrow();
            AskDao asks = h.attach(AskDao.class);
            Outcome blocked = sendNowBlocked(h, client, now);
            if (blocked != null) return blocked;
            Optional<Ask> open = asks.findOpen(ws, clientId);
            if (open.isPresent()) {
                asks.reschedule(ws, open.get().id(), now);
                return Outcome.SENDING;
            }
            return insert(h, ws, clientId, null, null, Ask.Reason.MANUAL, now, now) ? Outcome.SENDING : Outcome.ALREADY_OPEN;
        });
    }

    /**
     * Why "Send a check-in now" would send nothing (the rules {@link #sendNow} applies), or null when it would send:
     * the client page offers the button only when it works, and says why otherwise.
     */
    public Outcome sendNowBlocked(long ws, long clientId) {
        return jdbi.withHandle(h -> sendNowBlocked(h, h.attach(ClientDao.class).findById(ws, clientId).orElseThrow(), clock.instant()));
    }

    private Outcome sendNowBlocked(Handle h, Client client, Instant now) {
        Optional<Ask> open = h.attach(AskDao.class).findOpen(client.workspaceId(), client.id());
        if (open.isPresent()) { // a scheduled one can go now; one already sent waits for its answer
            if (open.get().statusEnum() != AskStatus.SCHEDULED) return Outcome.ALREADY_OPEN;
            if (client.unsubscribedAt() != null) return Outcome.UNSUBSCRIBED;
            if (client.email() == null) return Outcome.NO_EMAIL;
            // due already ("Send now" was pressed, or its time came): the worker's next pass sends it; a second press
            // would change nothing, so the page says it is going out instead of offering the button again
            if (!open.get().scheduledFor().isAfter(now)) return Outcome.SENDING;
            return null;
        }
        return blocked(h, client, h.attach(AskSettingsDao.class).get(client.workspaceId()), now, true);
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
                        mailable ? AskEmails.firstReminder(settings, now, AskEmails.zone(h, ws)) : null);
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
        } catch (DuplicateKey e) {
            return false;
        }
    }

    private String newLink(Handle h, long ws, long askId, Instant now) {
        String token = Tokens.random();
        h.attach(AskDao.class).insertLink(Tokens.sha256(token), ws, askId, now);
        return token;
    }

}
