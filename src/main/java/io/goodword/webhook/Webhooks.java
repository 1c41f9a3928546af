package io.goodword.webhook;

import io.goodword.audit.AuditLog;
import io.goodword.security.CurrentUser;
import io.goodword.security.Tokens;
import io.goodword.web.FormErrors;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A workspace's endpoints: added only when every address of the host may be reached ({@link SafeResolver}), with a
 * secret made here (256 random bits, base64url); paused, resumed, deleted, their secret rotated, a test event
 * queued. Each change is recorded in the audit log in its own transaction, naming the endpoint and its host only (the
 * rest of a URL may be the receiver's own secret). Every statement names the workspace: a foreign id is not found.
 */
public final class Webhooks {
    /** The new endpoint's id, or the errors to show next to the form. */
    public record Saved(long id, FormErrors errors) {}

    private final Jdbi jdbi;
    private final SafeResolver resolver;
    private final Clock clock;

    public Webhooks(Jdbi jdbi, boolean allowPrivate, Clock clock) {
        this.jdbi = jdbi;
        this.resolver = new SafeResolver(allowPrivate);
        this.clock = clock;
    }

    public Saved create(CurrentUser user, WebhookForm form) {
        FormErrors errors = form.validate();
        if (!errors.has("url")) {
            String problem = resolver.problem(form.url());
            if (problem != null) errors.add("url", problem);
        }
        if (!errors.isEmpty()) return new Saved(0, errors);
        long id = jdbi.inTransaction(h -> {
            long created = h.attach(WebhookDao.class).insertEndpoint(user.workspaceId(), form.url(),
                    String.join(",", form.events()), Tokens.random(), clock.instant());
            AuditLog.record(h, user.workspaceId(), user.accountId(), "webhook.created",
                    "endpoint #" + created + ", host " + SafeResolver.host(form.url()) + ", " + String.join(" ", form.events()));
            return created;
        });
        return new Saved(id, FormErrors.none());
    }

    public Optional<Endpoint> find(long workspaceId, long id) {
        return jdbi.onDemand(WebhookDao.class).endpoint(workspaceId, id);
    }

    public boolean setPaused(CurrentUser user, long id, boolean paused) {
        return change(user, id, paused ? "webhook.paused" : "webhook.resumed",
                (h, dao, e) -> dao.setPaused(user.workspaceId(), id, paused));
    }

    public boolean rotateSecret(CurrentUser user, long id) {
        return change(user, id, "webhook.secretRotated",
                (h, dao, e) -> dao.setSecret(user.workspaceId(), id, Tokens.random(), clock.instant()));
    }

    public boolean delete(CurrentUser user, long id) {
        return change(user, id, "webhook.deleted", (h, dao, e) -> dao.deleteEndpoint(user.workspaceId(), id));
    }

    /** Queues a {@code ping} for this endpoint alone; false when it is not this workspace's. */
    public boolean sendTest(CurrentUser user, long id) {
        return change(user, id, "webhook.tested", (h, dao, e) -> {
            WebhookEvents.ping(h, clock.instant(), e);
            return 1;
        });
    }

    private interface Change { int apply(Handle h, WebhookDao dao, Endpoint endpoint); }

    private boolean change(CurrentUser user, long id, String action, Change change) {
        return jdbi.inTransaction(h -> {
            WebhookDao dao = h.attach(WebhookDao.class);
            Optional<Endpoint> e = dao.endpoint(user.workspaceId(), id);
            if (e.isEmpty() || change.apply(h, dao, e.get()) == 0) return false;
            AuditLog.record(h, user.workspaceId(), user.accountId(), action, "endpoint #" + id + ", host " + e.get().host());
            return true;
        });
    }
}
