package io.goodword.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Endpoints and their deliveries; every statement a page or an event runs names its workspace. */
@RegisterConstructorMapper(Endpoint.class)
@RegisterConstructorMapper(Delivery.class)
public interface WebhookDao {
    String ENDPOINT = "id, workspace_id, url, events, signing_secret, paused, created_at, secret_rotated_at";
    String DELIVERY = "id, workspace_id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, "
            + "last_status, last_error, delivered_at, created_at";

    @SqlUpdate("""
            INSERT INTO webhook_endpoints (workspace_id, url, events, signing_secret, created_at)
            VALUES (:ws, :url, :events, :secret, :now)""")
    @GetGeneratedKeys
    long insertEndpoint(@Bind("ws") long ws, @Bind("url") String url, @Bind("events") String events,
                        @Bind("secret") String secret, @Bind("now") Instant now);

    @SqlQuery("SELECT " + ENDPOINT + " FROM webhook_endpoints WHERE workspace_id = :ws ORDER BY id")
    List<Endpoint> endpoints(@Bind("ws") long ws);

    @SqlQuery("SELECT " + ENDPOINT + " FROM webhook_endpoints WHERE id = :id AND workspace_id = :ws")
    Optional<Endpoint> endpoint(@Bind("ws") long ws, @Bind("id") long id);

    /** The endpoints of a workspace that want {@code event} now (paused ones get nothing). */
    @SqlQuery("""
            SELECT id FROM webhook_endpoints
            WHERE workspace_id = :ws AND paused = FALSE AND FIND_IN_SET(:event, events) > 0 ORDER BY id""")
    List<Long> subscribed(@Bind("ws") long ws, @Bind("event") String event);

    @SqlUpdate("UPDATE webhook_endpoints SET paused = :paused WHERE id = :id AND workspace_id = :ws")
    int setPaused(@Bind("ws") long ws, @Bind("id") long id, @Bind("paused") boolean paused);

    @SqlUpdate("UPDATE webhook_endpoints SET signing_secret = :secret, secret_rotated_at = :now WHERE id = :id AND workspace_id = :ws")
    int setSecret(@Bind("ws") long ws, @Bind("id") long id, @Bind("secret") String secret, @Bind("now") Instant now);

    /** Its deliveries go with it (the foreign key cascades), so nothing more is sent to it. */
    @SqlUpdate("DELETE FROM webhook_endpoints WHERE id = :id AND workspace_id = :ws")
    int deleteEndpoint(@Bind("ws") long ws, @Bind("id") long id);

    @SqlQuery("SELECT slug FROM workspaces WHERE id = :ws")
    String workspaceSlug(@Bind("ws") long ws);

    @SqlUpdate("""
            INSERT INTO webhook_deliveries (workspace_id, endpoint_id, event_id, event_type, client_id, testimonial_id,
                                            lead_id, payload, next_attempt_at, created_at)
            VALUES (:ws, :endpoint, :eventId, :type, :clientId, :testimonialId, :leadId, :payload, :now, :now)""")
    @GetGeneratedKeys
    long insertDelivery(@Bind("ws") long ws, @Bind("endpoint") long endpoint, @Bind("eventId") String eventId,
                        @Bind("type") String type, @Bind("clientId") Long clientId, @Bind("testimonialId") Long testimonialId,
                        @Bind("leadId") Long leadId, @Bind("payload") String payload, @Bind("now") Instant now);

    @SqlQuery("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE workspace_id = :ws AND endpoint_id = :endpoint "
            + "ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<Delivery> recent(@Bind("ws") long ws, @Bind("endpoint") long endpoint, @Bind("limit") int limit);

    // ---- the worker: claims under a lease, as the mail outbox does (see mail/OutboxDao)

    /** Due deliveries of endpoints that are not paused, locked for this transaction; rows another worker holds are skipped. */
    @SqlQuery("""
            SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.workspace_id = d.workspace_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= :now AND (d.locked_until IS NULL OR d.locked_until < :now)
                  AND e.paused = FALSE
            ORDER BY d.next_attempt_at, d.id LIMIT :limit
            FOR UPDATE SKIP LOCKED""")
    List<Long> lockDue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("UPDATE webhook_deliveries SET locked_until = :until, claimed_by = :worker WHERE id IN (<ids>)")
    void lease(@BindList("ids") List<Long> ids, @Bind("until") Instant until, @Bind("worker") String worker);

    /** Holds the lease for one whole send from now; 0 when the row is no longer this worker's (or gone). */
    @SqlUpdate("""
            UPDATE webhook_deliveries SET locked_until = :until
            WHERE id = :id AND status = 'pending' AND claimed_by = :worker AND locked_until >= :now""")
    int renew(@Bind("id") long id, @Bind("worker") String worker, @Bind("now") Instant now, @Bind("until") Instant until);

    @SqlUpdate("""
            UPDATE webhook_deliveries SET locked_until = NULL, claimed_by = NULL
            WHERE id IN (<ids>) AND status = 'pending' AND claimed_by = :worker""")
    int release(@BindList("ids") List<Long> ids, @Bind("worker") String worker);

    /** A claimed delivery with its endpoint, if both are still there and the endpoint is not paused. */
    @SqlQuery("""
            SELECT d.id, d.workspace_id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.status, d.attempts,
                   d.next_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at
            FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.workspace_id = d.workspace_id
            WHERE d.id = :id AND e.paused = FALSE""")
    Optional<Delivery> claimed(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE webhook_deliveries SET status = 'delivered', delivered_at = :now, attempts = attempts + 1,
                   last_status = :code, last_error = NULL, locked_until = NULL, claimed_by = NULL
            WHERE id = :id AND status = 'pending' AND claimed_by = :worker""")
    int markDelivered(@Bind("id") long id, @Bind("code") int code, @Bind("now") Instant now, @Bind("worker") String worker);

    /** One failed try; the status is assigned first (MariaDB assigns left to right, see OutboxDao.markFailed). */
    @SqlUpdate("""
            UPDATE webhook_deliveries SET status = CASE WHEN attempts + 1 >= :maxAttempts THEN 'failed' ELSE 'pending' END,
                   attempts = attempts + 1, last_status = :code, last_error = :error, next_attempt_at = :retryAt,
                   locked_until = NULL, claimed_by = NULL
            WHERE id = :id AND status = 'pending' AND claimed_by = :worker""")
    int markFailed(@Bind("id") long id, @Bind("code") Integer code, @Bind("error") String error,
                   @Bind("retryAt") Instant retryAt, @Bind("maxAttempts") int maxAttempts, @Bind("worker") String worker);

    /** Deliveries (delivered, dead or still trying) created before {@code before}, across workspaces: the 30-day limit. */
    @SqlUpdate("DELETE FROM webhook_deliveries WHERE created_at < :before LIMIT 1000")
    int pruneBefore(@Bind("before") Instant before);
}
