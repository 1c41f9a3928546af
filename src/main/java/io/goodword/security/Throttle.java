package io.goodword.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Sliding-window counters kept in MariaDB, so every portal process sees the same counts.
 * Used for failed logins and for public form submissions.
 */
public final class Throttle {
    private final Jdbi jdbi;
    private final Clock clock;

    public Throttle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** How many events were recorded for bucket/subject within the window. */
    public int count(String bucket, String subject, Duration window) {
        Instant since = clock.instant().minus(window);
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM throttle_events WHERE bucket = :b AND subject = :s AND at > :since")
                .bind("b", bucket).bind("s", subject).bind("since", since)
                .mapTo(Integer.class).one());
    }

    public boolean exceeded(String bucket, String subject, int limit, Duration window) {
        return count(bucket, subject, window) >= limit;
    }

    public void record(String bucket, String subject) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO throttle_events (bucket, subject, at) VALUES (:b, :s, :at)")
                .bind("b", bucket).bind("s", subject).bind("at", clock.instant()).execute());
    }

    /** Drops events older than a day; called by the background worker. */
    public int purgeOld() {
        Instant before = clock.instant().minus(Duration.ofDays(1));
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM throttle_events WHERE at < :before LIMIT 10000")
                .bind("before", before).execute());
    }
}
