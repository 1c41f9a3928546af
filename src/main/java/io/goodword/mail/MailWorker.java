package io.goodword.mail;

import io.goodword.web.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background worker: claims due outbox rows with SELECT … FOR UPDATE SKIP LOCKED (so two portal processes
 * never take the same row), leases them, sends them, and retries failures with exponential backoff.
 * Other features add periodic jobs through {@link #addJob}; they run on the same thread after each mail pass.
 */
public final class MailWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final SmtpSender sender; // null: no SMTP configured, mail waits in the outbox
    private final Clock clock;
    private final long pollMillis;
    private final List<Runnable> jobs = new ArrayList<>();
    private ScheduledExecutorService executor;

    public MailWorker(Jdbi jdbi, SmtpSender sender, Clock clock, long pollMillis) {
        this.jdbi = jdbi;
        this.sender = sender;
        this.clock = clock;
        this.pollMillis = pollMillis;
    }

    /** A periodic task (reminders, clean-up); must be safe to run in several processes at once. */
    public MailWorker addJob(Runnable job) {
        jobs.add(job);
        return this;
    }

    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "goodword-worker");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        for (Runnable job : jobs) {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.error("Background job failed", e);
            }
        }
        try {
            while (sendDue() == BATCH) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.error("Outbox pass failed", e);
        }
    }

    /** Sends what is due now; returns how many rows were claimed. */
    public int sendDue() {
        if (sender == null) return 0;
        Instant now = clock.instant();
        List<Long> claimed = jdbi.inTransaction(h -> {
            OutboxDao dao = h.attach(OutboxDao.class);
            List<Long> ids = dao.lockDue(now, BATCH);
            if (!ids.isEmpty()) dao.lease(ids, now.plus(LEASE));
            return ids;
        });
        OutboxDao dao = jdbi.onDemand(OutboxDao.class);
        for (long id : claimed) {
            OutboxMessage m = dao.findById(id).orElse(null);
            if (m == null || !OutboxMessage.PENDING.equals(m.status())) continue;
            try {
                sender.send(m);
                dao.markSent(id, clock.instant());
            } catch (Exception e) {
                Duration backoff = Duration.ofSeconds(30L << Math.min(m.attempts(), 10));
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                dao.markFailed(id, error.length() > 1000 ? error.substring(0, 1000) : error,
                        clock.instant().plus(backoff), MAX_ATTEMPTS);
                log.warn("Email #{} not sent (attempt {}): {}", id, m.attempts() + 1, Validation.maskEmailsIn(error));
            }
        }
        return claimed.size();
    }

    @Override
    public void close() {
        if (executor == null) return;
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
