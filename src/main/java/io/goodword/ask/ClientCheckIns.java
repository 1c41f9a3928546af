package io.goodword.ask;

import io.goodword.client.CheckIns;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** The check-ins the client feature asks for ({@link CheckIns}), done by this feature's service and DAO. */
public final class ClientCheckIns implements CheckIns {
    private final AskService asks;
    private final AskDao dao;

    public ClientCheckIns(AskService asks, AskDao dao) {
        this.asks = asks;
        this.dao = dao;
    }

    @Override
    public Outcome schedule(Handle h, long ws, long clientId, long projectId, Long milestoneId) {
        Ask.Reason reason = milestoneId == null ? Ask.Reason.PROJECT : Ask.Reason.MILESTONE;
        return outcome(asks.scheduleCheckIn(h, ws, clientId, projectId, milestoneId, reason));
    }

    @Override
    public Outcome sendNow(long ws, long clientId) {
        AskService.Outcome o = asks.sendNow(ws, clientId);
        // nothing was saved when the rules held it back: say why, not "Saved."
        return o == AskService.Outcome.SENDING ? outcome(o) : new Outcome(blockedKey(o));
    }

    @Override
    public String sendNowBlocked(long ws, long clientId) {
        AskService.Outcome o = asks.sendNowBlocked(ws, clientId);
        return o == null ? null : blockedKey(o);
    }

    private static String blockedKey(AskService.Outcome o) {
        return "client.ask.blocked." + o.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public PersonalLink personalLink(long ws, long clientId) {
        AskService.LinkResult r = asks.personalLink(ws, clientId);
        return new PersonalLink(outcome(r.outcome()), r.url());
    }

    @Override
    public List<CheckIn> forClient(long ws, long clientId) {
        return dao.forClient(ws, clientId).stream().map(a -> new CheckIn(a.status(),
                a.statusEnum() != null && a.statusEnum().open(), a.createdAt(), a.scheduledFor(), a.sentAt(), a.openedAt(),
                a.answeredAt(), a.score(), a.comment())).toList();
    }

    private static Outcome outcome(AskService.Outcome o) { return o == null ? null : new Outcome(o.flashKey()); }
}
