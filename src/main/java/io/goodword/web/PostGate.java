package io.goodword.web;

import io.goodword.db.Database;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sheds load before the database does. Every form post needs a pooled database connection; when more arrive than the
 * pool can serve, they would queue in Jetty until the pool's wait ran out and then answer 503 "database unavailable",
 * which is not true, or time out in the visitor's browser. Instead at most {@link #PERMITS} posts are worked on at
 * once; the next waits up to {@link #WAIT_MILLIS} for a turn and is then told "busy, send it again" (429 with
 * Retry-After, nothing stored). Pages that only read, most of them served from memory, never wait here.
 */
public final class PostGate {
    /**
     * Below the pool's connections, so that posts can never hold all of them: the pages that read (a review form
     * looks its freelancer up) and the workers keep four. At 24 (above the pool), 200 concurrent posters on a busy
     * machine held every connection longer than the pool's 2 s wait, and GETs of the review form answered 503.
     */
    static final int PERMITS = Database.POOL_SIZE - 4;
    static final long WAIT_MILLIS = 3_000;
    static final int RETRY_AFTER_SECONDS = 5;
    private static final String HELD = "gw.postGate";
    private final Semaphore permits = new Semaphore(PERMITS, true);

    /** Refused for lack of a turn: ErrorPages answers 429 with Retry-After and the "overloaded" page. */
    static final class Busy extends HttpResponseException {
        Busy() { super(429, "busy"); }
    }

    /** Takes a turn for a POST (called by the before-filter, before the body is read), or throws {@link Busy}. */
    void enter(Context ctx) {
        if (!"POST".equals(ctx.method().name())) return;
        boolean got;
        try {
            got = permits.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) throw new Busy();
        ctx.attribute(HELD, Boolean.TRUE);
    }

    /** After-filter (runs after errors too): gives the turn back. */
    void leave(Context ctx) {
        if (ctx.attribute(HELD) != null) {
            ctx.attribute(HELD, null);
            permits.release();
        }
    }
}
