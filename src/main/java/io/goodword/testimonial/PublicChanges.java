package io.goodword.testimonial;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The one way to change what the public sees: the change runs in a transaction that also bumps the workspace's wall
 * version (other processes re-render within a second), then this process's public cache is cleared, so wall,
 * widget, feed, single pages and case studies show the change at once.
 */
final class PublicChanges {
    private final Jdbi jdbi;
    private final PublicCache cache;

    PublicChanges(Jdbi jdbi, PublicCache cache) {
        this.jdbi = jdbi;
        this.cache = cache;
    }

    /** Runs {@code change}; when it reports a changed row (a count above 0) the public pages are rebuilt. */
    int run(long workspaceId, HandleCallback<Integer, RuntimeException> change) {
        int n = jdbi.inTransaction(h -> {
            int count = change.withHandle(h);
            if (count > 0) h.attach(TestimonialDao.class).bumpWallVersion(workspaceId);
            return count;
        });
        cache.invalidate(workspaceId);
        return n;
    }

    Jdbi jdbi() { return jdbi; }
}
