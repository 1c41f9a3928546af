package io.goodword.webhook;

import io.goodword.mail.MailWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries, as a periodic job of the background worker ({@code MailWorker.addJob}, so tests drive it with
 * {@code runOnce()}): claims a batch with SELECT … FOR UPDATE SKIP LOCKED under a lease held in the row (two portal
 * processes never send the same delivery), renews the lease right before each send, signs the body with the
 * endpoint's current secret and POSTs it. A 2xx is delivered; anything else (a 3xx too, redirects are not followed)
 * is tried again after the mail outbox's capped back-off, and dead after {@link MailWorker#MAX_ATTEMPTS} tries, about a
 * day of failing. An endpoint that did not answer is not tried again in the same pass, so one black hole holds a pass
 * for one timeout, not one per delivery. A worker killed mid-pass leaves its claims to be taken over when the lease
 * ends. Deliveries older than {@link #KEEP} are deleted once an hour.
 */
public final class WebhookWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    static final Duration KEEP = Duration.ofDays(30);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final int BATCH = 20;
    /** Longer than one send can take ({@link WebhookSender#TOTAL_SECONDS}, plus the pool's wait and slack). */
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final Jdbi jdbi;
    private final WebhookSender sender;
    private final Clock clock;
    private final String workerId;
    private volatile Instant prunedAt = Instant.MIN;

    public WebhookWorker(Jdbi jdbi, boolean allowPrivate, Clock clock, String workerId) {
        this.jdbi = jdbi;
        this.sender = new WebhookSender(new SafeResolver(allowPrivate));
        this.clock = clock;
        this.workerId = workerId;
    }

    /** One pass: the hourly clean-up when due, then every due delivery, batch after batch. */
    public void runDue() {
        pruneIfDue();
        while (sendDue() == BATCH) {
            // a full batch tried: more may be due
        }
    }

    private void pruneIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(prunedAt.plus(PRUNE_EVERY)) && !now.isBefore(prunedAt)) return;
        WebhookDao dao = jdbi.onDemand(WebhookDao.class);
        int deleted = 0;
        for (int n = BATCH; n > 0; deleted += n) n = dao.pruneBefore(now.minus(KEEP)); // in slices: short locks
        if (deleted > 0) log.info("Deleted {} webhook deliveries older than {} days", deleted, KEEP.toDays());
        prunedAt = now;
    }

    /** Claims up to one batch of due deliveries under this worker's lease; their ids, oldest first. */
    List<Long> claim() {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            WebhookDao dao = h.attach(WebhookDao.class);
            List<Long> ids = dao.lockDue(now, BATCH);
            if (!ids.isEmpty()) dao.lease(ids, now.plus(LEASE), workerId);
            return ids;
        });
    }

    /** Sends one claimed batch; returns how many deliveries were claimed. */
    int sendDue() {
        List<Long> claimed = claim();
        List<Long> untried = new ArrayList<>(claimed);
        Set<Long> silent = new HashSet<>(); // endpoints that gave no answer in this pass
        WebhookDao dao = jdbi.onDemand(WebhookDao.class);
        try {
            for (long id : claimed) {
                untried.remove(Long.valueOf(id));
                Optional<Delivery> d = dao.claimed(id); // empty: deleted, or its endpoint paused, since the claim
                Instant now = clock.instant();
                if (d.isEmpty() || silent.contains(d.get().endpointId())) dao.release(List.of(id), workerId);
                else if (dao.renew(id, workerId, now, now.plus(LEASE)) == 1 && !send(dao, d.get())) silent.add(d.get().endpointId());
            }
        } finally {
            if (!untried.isEmpty()) dao.release(untried, workerId);
        }
        return claimed.size();
    }

    /** One try; false when the receiver gave no answer at all (no connection, a timeout). */
    private boolean send(WebhookDao dao, Delivery d) {
        Optional<Endpoint> endpoint = dao.endpoint(d.workspaceId(), d.endpointId());
        if (endpoint.isEmpty()) return true;
        long t = clock.instant().getEpochSecond();
        WebhookSender.Result r = sender.post(endpoint.get().url(), d.eventType(), String.valueOf(d.id()),
                Signature.header(endpoint.get().signingSecret(), t, d.payload()), d.payload());
        Instant now = clock.instant();
        if (r.delivered()) {
            dao.markDelivered(d.id(), r.status(), now, workerId);
            return true;
        }
        dao.markFailed(d.id(), r.status() == 0 ? null : r.status(), r.error(), now.plus(MailWorker.backoff(d.attempts())),
                MailWorker.MAX_ATTEMPTS, workerId);
        log.warn("Webhook delivery #{} to endpoint #{} failed (attempt {}): {}", d.id(), d.endpointId(), d.attempts() + 1,
                r.error());
        return r.status() != 0;
    }

    @Override
    public void close() { sender.close(); }
}
