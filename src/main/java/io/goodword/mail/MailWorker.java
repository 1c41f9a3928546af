package io.goodword.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.security.SecureRandom;
import io.goodword.db.Sql;
import io.goodword.web.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background worker: claims due outbox rows with SELECT … FOR UPDATE SKIP LOCKED (so two portal processes
 * never take the same row) under a lease, sends them, and retries failures with capped exponential back-off.
 * <ul>
 *   <li>A claim is a lease in the row ({@code locked_until}, {@code claimed_by}), renewed right before each send and
 *       longer than one send can take ({@link SmtpSender#lease()}), so a row is sent by one worker within its lease;
 *       a worker killed mid-send leaves the row to be taken over once the lease has run out.</li>
 *   <li>When the server cannot be reached, the pass stops and hands back the rest of its claims untried: each of
 *       them would only wait for the same timeout.</li>
 *   <li>A row is dead ({@code failed}, shown at /admin/outbox) after {@link #MAX_ATTEMPTS} tries, about a day of
 *       failing, or at once when the server refuses it for good (a 5xx reply, a bad address).</li>
 *   <li>{@link #close()} hands back every claim not being sent, so a restart or another instance sends them at once.</li>
 * </ul>
 * Other features add periodic jobs through {@link #addJob}; they run on the same thread before each mail pass.
 * With a poll interval of 0 nothing is scheduled and {@link #runOnce()} drives the worker (tests do, one pass at a time).
 */
public final class MailWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    /** Tries before a row is dead: about a day of failing with {@link #backoff} (webhook deliveries use both too). */
    public static final int MAX_ATTEMPTS = 30;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    private static final int BATCH = 20;
    private static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final SmtpSender sender; // null: no SMTP configured, mail waits in the outbox
    private final Clock clock;
    private final long pollMillis;
    private final Duration lease;
    /** This worker's name in {@code outbox.claimed_by}: process id plus randomness, unique across restarts and hosts. */
    private final String workerId;
    private final List<Runnable> jobs = new ArrayList<>();
    private final AtomicLong sending = new AtomicLong(); // the row being sent now, 0 when none
    private volatile boolean stopping;
    /** The database was unreachable on the last pass: said once in the log, and once again when it is back. */
    private volatile boolean databaseAway;
    private ScheduledExecutorService executor;

    public MailWorker(Jdbi jdbi, SmtpSender sender, Clock clock, long pollMillis) {
        this.jdbi = jdbi;
        this.sender = sender;
        this.clock = clock;
        this.pollMillis = pollMillis;
        this.lease = sender == null ? DEFAULT_LEASE : sender.lease();
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.workerId = ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }

    /** This worker's name in the lease columns ({@code claimed_by}); a job that claims rows of its own uses it too. */
    public String workerId() { return workerId; }

    /** A periodic task (reminders, clean-up); must be safe to run in several processes at once. */
    public MailWorker addJob(Runnable job) {
        jobs.add(job);
        return this;
    }

    public void start() {
        if (pollMillis <= 0) return; // driven by runOnce() alone
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "goodword-worker");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runOnce, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * One pass: every periodic job once, then mail until nothing more is due (or the server is unreachable).
     * An unreachable database ends the pass: one WARN line when that starts, one INFO line when a pass gets through
     * again, and no stack trace in between (each poll would only repeat it; the outage is not a bug).
     */
    public void runOnce() {
        try {
            for (Runnable job : jobs) {
                if (stopping) return;
                try {
                    job.run();
                } catch (RuntimeException e) {
                    if (Sql.isUnavailable(e)) throw e;
                    log.error("Background job failed", e);
                }
            }
            try {
                while (!stopping && sendDue() == BATCH) {
                    // a full batch tried: more may be due
                }
            } catch (RuntimeException e) {
                if (Sql.isUnavailable(e)) throw e;
                log.error("Outbox pass failed", e);
            }
        } catch (RuntimeException e) { // only an unreachable database gets here
            if (!databaseAway) {
                databaseAway = true;
                log.warn("Background work paused, the database is unavailable: {}", Sql.rootCause(e));
            }
            return;
        }
        if (databaseAway && !stopping) {
            databaseAway = false;
            log.info("Background work resumed, the database is back");
        }
    }

    /** Claims up to one batch of due rows under this worker's lease; returns their ids, oldest first. */
    List<Long> claim() {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            OutboxDao dao = h.attach(OutboxDao.class);
            List<Long> ids = dao.lockDue(now, BATCH);
            if (!ids.isEmpty()) dao.lease(ids, now.plus(lease), workerId);
            return ids;
        });
    }

    /** Sends what is due now (one batch); returns how many rows were tried, sent or not. */
    public int sendDue() {
        if (sender == null || stopping) return 0;
        List<Long> untried = new ArrayList<>(claim());
        OutboxDao dao = jdbi.onDemand(OutboxDao.class);
        int tried = 0;
        try {
            while (!untried.isEmpty() && !stopping) {
                long id = untried.get(0);
                Instant now = clock.instant();
                // Still ours and still inside the lease? Then hold it for one whole send from now.
                if (dao.renew(id, workerId, now, now.plus(lease)) == 0) {
                    untried.remove(0);
                    continue;
                }
                untried.remove(0);
                OutboxMessage m = dao.findById(id).orElse(null);
                if (m == null) continue;
                tried++;
                sending.set(id);
                try {
                    sender.send(m);
                    dao.markSent(id, clock.instant());
                } catch (Exception e) {
                    Failure failure = Failure.of(e);
                    String error = failure.label + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
                    dao.markFailed(id, error.length() > 1000 ? error.substring(0, 1000) : error,
                            clock.instant().plus(backoff(m.attempts())), MAX_ATTEMPTS, workerId,
                            failure == Failure.PERMANENT);
                    log.warn("Email #{} not sent (attempt {}): {}", id, m.attempts() + 1, Validation.maskEmailsIn(error));
                    if (failure == Failure.UNREACHABLE) break; // the rest would wait for the same timeout
                } finally {
                    sending.set(0);
                }
            }
        } finally {
            if (!untried.isEmpty()) dao.release(untried, workerId);
        }
        return tried;
    }

    /** The wait before the next try after {@code attempts} earlier failures: 30 s, doubling, at most an hour. */
    public static Duration backoff(int attempts) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 20));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    /** Stops claiming, waits briefly for a pass to finish, and hands back every claim that is not being sent. */
    @Override
    public void close() {
        stopping = true;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            int released = jdbi.onDemand(OutboxDao.class).releaseAll(workerId, sending.get());
            if (released > 0) log.info("Handed back {} claimed email(s) on shutdown", released);
        } catch (RuntimeException e) {
            log.warn("Could not hand back claimed emails on shutdown; they are taken over when their lease ends: {}",
                    e.getMessage());
        }
    }

    /** Why a send failed, which decides what happens next. */
    enum Failure {
        /** The server said no for good (5xx) or the address is unusable: retrying cannot help. */
        PERMANENT("refused"),
        /** No connection, or the server stopped answering: retry later, and stop this pass. */
        UNREACHABLE("unreachable"),
        /** Anything else (e.g. a 4xx "try again later"): retry later. */
        TEMPORARY("temporary");

        final String label;

        Failure(String label) { this.label = label; }

        static Failure of(Throwable e) {
            for (Throwable t = e; t != null; t = next(t)) {
                if (t instanceof AddressException) return PERMANENT;
                if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) return PERMANENT;
                if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) return PERMANENT;
            }
            for (Throwable t = e; t != null; t = next(t)) {
                if (t instanceof MailConnectException || t instanceof IOException) return UNREACHABLE;
            }
            return TEMPORARY;
        }

        private static Throwable next(Throwable t) {
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
                return m.getNextException();
            }
            return t.getCause() == t ? null : t.getCause();
        }
    }
}
