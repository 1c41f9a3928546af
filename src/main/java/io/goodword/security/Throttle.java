package io.goodword.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Sliding-window counters in MariaDB, so every portal process sees the same counts. The only way to count is
 * {@link #acquire}: it records the attempt first and then counts, so a burst of parallel requests cannot all pass
 * a check made before any of them was recorded ("check, then record" let them).
 */
public final class Throttle {
    /** What is counted: a limit and its subject (an IP, an email, a code…). Long subjects are hashed to fit. */
    public record Key(Limit limit, String subject) {
        public Key {
            subject = subject == null ? "" : subject;
            if (subject.length() > 200) subject = "sha256:" + Tokens.sha256(subject);
        }
    }

    public static Key key(Limit limit, Object subject) { return new Key(limit, String.valueOf(subject)); }

    /** An attempt that was counted (granted), or refused with the time until it may be tried again. */
    public final class Permit {
        private final List<Long> ids;
        private final Limit refusedBy;
        private final Duration retryAfter;

        private Permit(List<Long> ids, Limit refusedBy, Duration retryAfter) {
            this.ids = ids;
            this.refusedBy = refusedBy;
            this.retryAfter = retryAfter;
        }

        public boolean granted() { return refusedBy == null; }

        /** The limit that refused this attempt, or null. */
        public Limit refusedBy() { return refusedBy; }

        public Duration retryAfter() { return retryAfter; }

        /** Takes this attempt back out of the counts (it turned out to cost nothing, e.g. a correct password). */
        public void release() {
            if (!ids.isEmpty()) dao().delete(ids);
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public Throttle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    private ThrottleDao dao() { return jdbi.onDemand(ThrottleDao.class); }

    /**
     * Counts one attempt against every key, then checks each limit including this attempt. When one is exceeded
     * the attempt is taken back out of all counts (a refused attempt did no work) and the permit says so.
     */
    public Permit acquire(Key... keys) {
        ThrottleDao dao = dao();
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (Key k : keys) ids.add(dao.insert(k.limit().bucket(), k.subject(), now));
        for (Key k : keys) {
            Instant since = now.minus(k.limit().window());
            if (dao.count(k.limit().bucket(), k.subject(), since) > k.limit().max()) {
                dao.delete(ids);
                Instant oldest = dao.oldest(k.limit().bucket(), k.subject(), since).orElse(now);
                Duration wait = Duration.between(now, oldest.plus(k.limit().window()));
                return new Permit(List.of(), k.limit(), wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
            }
        }
        return new Permit(List.copyOf(ids), null, Duration.ZERO);
    }

    /** Events in the window (tests, and figures). */
    public int count(Key key) {
        return dao().count(key.limit().bucket(), key.subject(), clock.instant().minus(key.limit().window()));
    }

    /** Forgets a subject's events, e.g. an account+IP pair's failures once the right password came from there. */
    public void clear(Key key) { dao().clear(key.limit().bucket(), key.subject()); }

    /** Drops events older than any window; called by the background worker. */
    public int purgeOld() { return dao().purgeBefore(clock.instant().minus(Duration.ofDays(1))); }
}
