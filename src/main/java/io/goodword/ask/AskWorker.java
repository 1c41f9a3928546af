package io.goodword.ask;

import io.goodword.client.Client;
import io.goodword.client.ClientDao;
import io.goodword.mail.Email;
import io.goodword.mail.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The background work of asking: expires old links, sends due check-ins, then due reminders (safe with several processes). */
public final class AskWorker {
    private static final int BATCH = 20;

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final AskEmails emails;
    private final Clock clock;

    AskWorker(Jdbi jdbi, Outbox outbox, AskEmails emails, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.emails = emails;
        this.clock = clock;
    }

    /** What one claimed ask needs done, inside the claiming transaction. */
    private interface Send { void send(Handle h, AskDao asks, Ask ask, Instant now); }

    /** One pass of the background job: expire old links, send due check-ins, then due reminders. */
    public void runDue() {
        Instant start = clock.instant();
        jdbi.useExtension(AskDao.class, d -> d.expire(start));
        while (claim((d, now) -> d.lockDue(now, BATCH), this::checkIn) == BATCH) {
            // a full batch: more may be due
        }
        while (claim((d, now) -> d.lockRemindersDue(now, BATCH), this::reminder) == BATCH) {
            // same
        }
    }

    /**
     * Claims a batch of due asks (rows another process holds are skipped, not waited for) and, in the same
     * transaction, queues each email and marks the ask: each email is sent exactly once.
     */
    private int claim(BiFunction<AskDao, Instant, List<Long>> due, Send send) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            AskDao asks = h.attach(AskDao.class);
            List<Long> ids = due.apply(asks, now);
            for (long id : ids) send.send(h, asks, asks.lock(id).orElseThrow(), now);
            return ids.size();
        });
    }

    private void checkIn(Handle h, AskDao asks, Ask ask, Instant now) {
        if (ask.statusEnum() != AskStatus.SCHEDULED) return;
        Client client = h.attach(ClientDao.class).findById(ask.workspaceId(), ask.clientId()).orElseThrow();
        if (client.unsubscribedAt() != null || client.email() == null) {
            asks.cancel(ask.workspaceId(), ask.id());
            return;
        }
        AskSettings settings = h.attach(AskSettingsDao.class).get(ask.workspaceId());
        Email email = emails.toClient(h, AskTemplate.Kind.CHECKIN, ask, client, now);
        outbox.schedule(h, ask.workspaceId(), "ask-checkin", "ask-" + ask.id() + "-checkin", email, now);
        asks.markSent(ask.id(), now, now.plus(Duration.ofDays(settings.linkDays())),
                AskEmails.firstReminder(settings, now, AskEmails.zone(h, ask.workspaceId())));
    }

    /** None after an answer, an unsubscribe or the link's expiry. */
    private void reminder(Handle h, AskDao asks, Ask ask, Instant now) {
        if (ask.statusEnum() != AskStatus.SENT || ask.nextReminderAt() == null) return;
        Client client = h.attach(ClientDao.class).findById(ask.workspaceId(), ask.clientId()).orElseThrow();
        AskSettings settings = h.attach(AskSettingsDao.class).get(ask.workspaceId());
        int n = ask.remindersSent() + 1;
        if (client.unsubscribedAt() != null || client.email() == null || n > settings.maxReminders()
                || ask.expiresAt() == null || !ask.expiresAt().isAfter(now)) {
            asks.stopReminders(ask.id());
            return;
        }
        Email email = emails.toClient(h, AskTemplate.Kind.REMINDER, ask, client, now);
        outbox.schedule(h, ask.workspaceId(), "ask-reminder", "ask-" + ask.id() + "-reminder-" + n, email, now);
        Instant next = n < settings.maxReminders()
                ? settings.nextWorkingMoment(ask.sentAt().plus(Duration.ofDays(settings.reminder2Days())),
                        AskEmails.zone(h, ask.workspaceId()))
                : null;
        if (next != null && !next.isBefore(ask.expiresAt())) next = null;
        asks.reminderSent(ask.id(), n, next);
    }
}
