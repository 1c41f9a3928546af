package io.goodword.testimonial;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes consents: the current ones onto the testimonial row (what public queries filter on) and every one given
 * or revoked into the ledger, in the caller's transaction, so the two never disagree. Callers that change what the
 * public sees run inside {@link PublicChanges}.
 */
final class ConsentLedger {
    private ConsentLedger() {}

    /** Who gave a consent and how: the channel, the name they gave, their IP (public channels) or the account. */
    record Given(ConsentChannel channel, String givenBy, String ip, Long accountId) {
        static Given author(Testimonial t, String ip) { return new Given(ConsentChannel.LINK, t.name(), ip, null); }
    }

    /**
     * The consents and engagement of a testimonial just inserted: every consent is recorded (a consent not given is
     * recorded as refused, so the ledger says what the person was asked). Returns the row as now stored.
     */
    static Testimonial recordNew(Handle h, long workspaceId, long id, Consents c, Origin origin, Given given, Instant now) {
        ConsentDao dao = h.attach(ConsentDao.class);
        dao.setConsents(workspaceId, id, c, c.name().db());
        dao.setEngagement(workspaceId, id, origin.projectId(), origin.milestoneId(), origin.verified() ? now : null);
        write(dao, workspaceId, id, c, null, given, now);
        return h.attach(TestimonialDao.class).findById(workspaceId, id).orElseThrow();
    }

    /**
     * An imported row's consents, as the file gave them (see ImportConsents), on record under the name in the file and
     * channel "import", never as verified; a withdrawal in the file is kept (it only ever takes away).
     */
    static void recordImport(Handle h, long workspaceId, long id, Consents c, String name, Instant withdrawnAt, Instant now) {
        recordNew(h, workspaceId, id, c, new Origin(TestimonialSource.IMPORT, null, null),
                new Given(ConsentChannel.IMPORT, name, null, null), now);
        if (withdrawnAt != null) h.attach(ConsentDao.class).setWithdrawn(workspaceId, id, withdrawnAt);
    }

    /** Changes the current consents; only those that differ are recorded. Returns how many changed. */
    static int change(Handle h, Testimonial before, Consents after, Given given, Instant now) {
        ConsentDao dao = h.attach(ConsentDao.class);
        Consents old = Consents.of(before);
        if (old.equals(after)) return 0;
        dao.setConsents(before.workspaceId(), before.id(), after, after.name().db());
        return write(dao, before.workspaceId(), before.id(), after, old, given, now);
    }

    private static int write(ConsentDao dao, long ws, long id, Consents now, Consents old, Given g, Instant at) {
        Map<ConsentKind, Boolean> was = old == null ? null : old.granted();
        int n = 0;
        for (Map.Entry<ConsentKind, Boolean> e : now.granted().entrySet()) {
            boolean name = e.getKey() == ConsentKind.NAME;
            boolean same = was != null && was.get(e.getKey()).equals(e.getValue()) && (!name || old.name() == now.name());
            if (same) continue;
            dao.record(ws, id, e.getKey().db(), e.getValue(), name ? now.name().db() : null, Consents.WORDING,
                    g.channel().db(), g.givenBy() == null ? "" : g.givenBy(), g.ip(), g.accountId(), at);
            n++;
        }
        return n;
    }
}
