package io.goodword.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can move, shared by the app under test (App.start receives it) and the test itself. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) { this.now = start; }

    public void set(Instant instant) { this.now = instant; }

    /** Synchronized: two test threads moving the clock must never undo each other's step. */
    public synchronized void advance(Duration d) { this.now = now.plus(d); }

    @Override
    public Instant instant() { return now; }

    @Override
    public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override
    public Clock withZone(ZoneId zone) { return this; }
}
