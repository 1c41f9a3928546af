package io.goodword.ask;

import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.client.Client;
import io.goodword.client.ClientDao;
import io.goodword.mail.Email;
import io.goodword.mail.Outbox;
import io.goodword.security.Tokens;
import io.goodword.web.Localizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The client's side of an ask ({@code /c/{token}}): opening the link, the score, the private feedback, and moving
 * through the flow's steps. An unhappy answer becomes a private follow-up task and an alert to the freelancer.
 */
public final class AskVisits {

    /** What a personal link leads to. */
    public enum LinkState { UNKNOWN, EXPIRED, ACTIVE }

    public record Visit(LinkState state, AskVisit visit) {}

    /** How long a detractor's alert waits for their written feedback before it goes with the score alone. */
    static final Duration ALERT_WAIT = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final AskEmails emails;
    private final AskFlow flow;
    private final Clock clock;

    AskVisits(Jdbi jdbi, Outbox outbox, AskEmails emails, AskFlow flow, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.emails = emails;
        this.flow = flow;
        this.clock = clock;
    }

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

    AskVisit toVisit(Handle h, String token, Ask ask) {
        Client client = h.attach(ClientDao.class).findById(ask.workspaceId(), ask.clientId()).orElseThrow();
        Workspace ws = h.attach(WorkspaceDao.class).findById(ask.workspaceId()).orElseThrow();
        return new AskVisit(token, ask, client, ws, emails.localizer(client.language()));
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
            // a detractor is asked next what could be better: the alert waits a little for those words, so it is one email
            if (segment == Segment.DETRACTOR) alertFreelancer(h, ask, visit.client(), next == Step.FEEDBACK ? now.plus(ALERT_WAIT) : now);
            if (next == Step.DONE) thank(h, ask, visit.client(), ask.completed());
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
        // written or skipped, the feedback step ends the wait: the one alert goes now, with the words if there are any
        if (from == Step.FEEDBACK) alertFreelancer(h, ask, client, clock.instant());
        if (next == Step.DONE) thank(h, ask, client, completed);
        return next;
    }

    /**
     * The thank-you at the end of the flow, which also confirms what arrived ({@code completed}: the steps the client
     * did), so a client who wrote a testimonial or introduced a friend has it in writing.
     */
    private void thank(Handle h, Ask ask, Client client, List<String> completed) {
        if (client.email() == null || client.unsubscribedAt() != null) return;
        Email email = emails.toClient(h, AskTemplate.Kind.THANKYOU, ask, client, clock.instant());
        email = email.withMoreParagraphs(confirmations(h, ask, client, completed));
        outbox.enqueue(h, ask.workspaceId(), "ask-thankyou", email);
    }

    private List<String> confirmations(Handle h, Ask ask, Client client, List<String> completed) {
        Localizer t = emails.localizer(client.language());
        String brand = h.attach(WorkspaceDao.class).findById(ask.workspaceId()).orElseThrow().displayName();
        List<String> lines = new ArrayList<>();
        if (completed.contains(Step.FEEDBACK.db())) lines.add(t.text("ask.confirm.feedback", brand));
        if (completed.contains(Step.TESTIMONIAL.db())) lines.add(t.text("ask.confirm.testimonial", brand));
        if (completed.contains(Step.REFERRAL.db())) lines.add(t.text("ask.confirm.referral", brand));
        return lines;
    }

    /** One alert per unhappy answer, queued under one key per ask and rewritten until it goes out at {@code at}. */
    private void alertFreelancer(Handle h, Ask ask, Client client, Instant at) {
        AskDao asks = h.attach(AskDao.class);
        Workspace ws = h.attach(WorkspaceDao.class).findById(ask.workspaceId()).orElseThrow();
        Localizer t = emails.localizer(ws.language());
        asks.upsertTask(ws.id(), client.id(), ask.id(), ask.score(), AskEmails.feedbackText(ask, t), clock.instant());
        Optional<String> to = asks.freelancerEmail(ws.id());
        if (to.isEmpty()) return;
        Email email = emails.alert(h, ask, client, ws, to.get(), t);
        outbox.scheduleOrReplace(h, ws.id(), "ask-alert", "ask-" + ask.id() + "-alert", email, at);
    }
}
