package io.goodword.support;

import io.goodword.security.FormGuard;
import io.goodword.security.Secrets;
import io.goodword.security.Throttle;
import java.time.Clock;
import java.time.Instant;

/** Form stamps signed with the test installation's key, as the portal renders them. */
public final class Stamps {
    private Stamps() {}

    public static FormGuard guard() {
        return new FormGuard(TestDb.jdbi(), new Secrets(TestDb.jdbi()), throttle(), Clock.systemUTC());
    }

    public static Throttle throttle() { return new Throttle(TestDb.jdbi(), Clock.systemUTC()); }

    /** A stamp as if the form had been shown ten seconds ago (past the minimum fill time). */
    public static String shownEarlier(FormGuard.Form form) { return guard().stampAt(form, Instant.now().minusSeconds(10)); }
}
