package io.goodword.ask;

import io.goodword.client.ClientDao;
import io.goodword.security.Tokens;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The unsubscribe link of every ask email ({@code /u/{token}}). */
public final class Unsubscribes {
    private final Jdbi jdbi;
    private final AskVisits visits;
    private final Clock clock;

    Unsubscribes(Jdbi jdbi, AskVisits visits, Clock clock) {
        this.jdbi = jdbi;
        this.visits = visits;
        this.clock = clock;
    }

    /**
     * The client behind an unsubscribe token, whatever the state of its ask (unsubscribing must work after expiry
     * too). A check-in token does not unsubscribe (except on links emailed before the two were separated).
     */
    public Optional<AskVisit> linkOwner(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) return Optional.empty();
        return jdbi.inTransaction(h -> h.attach(AskDao.class).findByUnsubscribeHash(Tokens.sha256(token))
                .map(a -> visits.toVisit(h, token, a)));
    }

    /** Never emails this client again: marks them unsubscribed and cancels their open ask. */
    public Optional<AskVisit> unsubscribe(String token) {
        Optional<AskVisit> owner = linkOwner(token);
        owner.ifPresent(v -> jdbi.useTransaction(h -> {
            h.attach(ClientDao.class).unsubscribe(v.ask().workspaceId(), v.client().id(), clock.instant());
            h.attach(AskDao.class).cancelOpenOf(v.ask().workspaceId(), v.client().id());
        }));
        return owner;
    }
}
