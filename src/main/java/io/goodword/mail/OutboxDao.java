package io.goodword.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OutboxMessage.class)
public interface OutboxDao {
    String COLUMNS = "id, workspace_id, kind, to_address, reply_to, subject, text_body, html_body, unsubscribe_url, "
            + "status, attempts, send_after, sent_at, last_error, created_at";

    /** Idempotent when a dedupe key is given: the same key is enqueued once (empty the second time). */
    @SqlUpdate("""
            INSERT IGNORE INTO outbox (workspace_id, kind, dedupe_key, to_address, reply_to, subject, text_body, html_body,
                                       unsubscribe_url, send_after)
            VALUES (:workspaceId, :kind, :dedupeKey, :to, :replyTo, :subject, :text, :html, :unsubscribeUrl, :sendAfter)""")
    @GetGeneratedKeys
    Optional<Long> insert(@Bind("workspaceId") Long workspaceId, @Bind("kind") String kind, @Bind("dedupeKey") String dedupeKey,
                @Bind("to") String to, @Bind("replyTo") String replyTo, @Bind("subject") String subject,
                @Bind("text") String text, @Bind("html") String html, @Bind("unsubscribeUrl") String unsubscribeUrl,
                @Bind("sendAfter") Instant sendAfter);

    /**
     * Rewrites a queued email that no worker holds yet (its content and when it goes), found by its dedupe key: the
     * one email about something that changed before it went out. 0 when there is none, or it is held or gone.
     */
    @SqlUpdate("""
            UPDATE outbox SET to_address = :to, reply_to = :replyTo, subject = :subject, text_body = :text, html_body = :html,
                              unsubscribe_url = :unsubscribeUrl, send_after = :sendAfter
            WHERE workspace_id = :workspaceId AND dedupe_key = :dedupeKey AND status = 'pending' AND claimed_by IS NULL""")
    int replacePending(@Bind("workspaceId") long workspaceId, @Bind("dedupeKey") String dedupeKey, @Bind("to") String to,
                       @Bind("replyTo") String replyTo, @Bind("subject") String subject, @Bind("text") String text,
                       @Bind("html") String html, @Bind("unsubscribeUrl") String unsubscribeUrl,
                       @Bind("sendAfter") Instant sendAfter);

    /** Due rows, locked for this transaction; rows another worker holds are skipped, not waited for. */
    @SqlQuery("""
            SELECT id FROM outbox
            WHERE status = 'pending' AND send_after <= :now AND (locked_until IS NULL OR locked_until < :now)
            ORDER BY send_after, id LIMIT :limit
            FOR UPDATE SKIP LOCKED""")
    List<Long> lockDue(@Bind("now") Instant now, @Bind("limit") int limit);

    /** Takes the lease of rows locked by {@link #lockDue} in the same transaction. */
    @SqlUpdate("UPDATE outbox SET locked_until = :until, claimed_by = :worker WHERE id IN (<ids>)")
    void lease(@BindList("ids") List<Long> ids, @Bind("until") Instant until, @Bind("worker") String worker);

    /**
     * Extends this worker's lease on one row right before sending it; 0 when the row is no longer this worker's
     * (its lease ran out and another worker took it over, or it was sent or given up meanwhile).
     */
    @SqlUpdate("""
            UPDATE outbox SET locked_until = :until
            WHERE id = :id AND status = 'pending' AND claimed_by = :worker AND locked_until >= :now""")
    int renew(@Bind("id") long id, @Bind("worker") String worker, @Bind("now") Instant now, @Bind("until") Instant until);

    /** Hands back claimed rows this worker did not try, so another worker may send them at once. */
    @SqlUpdate("""
            UPDATE outbox SET locked_until = NULL, claimed_by = NULL
            WHERE id IN (<ids>) AND status = 'pending' AND claimed_by = :worker""")
    int release(@BindList("ids") List<Long> ids, @Bind("worker") String worker);

    @SqlQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id")
    Optional<OutboxMessage> findById(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE outbox SET status = 'sent', sent_at = :now, locked_until = NULL, claimed_by = NULL, attempts = attempts + 1
            WHERE id = :id AND status = 'pending'""")
    int markSent(@Bind("id") long id, @Bind("now") Instant now);

    /**
     * One failed try; with {@code giveUp} (or the last allowed try) the row is dead: never tried again.
     * The status is assigned first because MariaDB assigns left to right: after {@code attempts = attempts + 1}
     * the CASE would see the new count and give up one try early.
     */
    @SqlUpdate("""
            UPDATE outbox SET status = CASE WHEN :giveUp OR attempts + 1 >= :maxAttempts THEN 'failed' ELSE 'pending' END,
                   attempts = attempts + 1, last_error = :error, locked_until = NULL, claimed_by = NULL,
                   send_after = :retryAt
            WHERE id = :id AND status = 'pending' AND claimed_by = :worker""")
    void markFailed(@Bind("id") long id, @Bind("error") String error, @Bind("retryAt") Instant retryAt,
                    @Bind("maxAttempts") int maxAttempts, @Bind("worker") String worker, @Bind("giveUp") boolean giveUp);

    /** On shutdown: every unsent row this worker still holds, except the one it is sending ({@code keep}, 0: none). */
    @SqlUpdate("""
            UPDATE outbox SET locked_until = NULL, claimed_by = NULL
            WHERE claimed_by = :worker AND status = 'pending' AND id <> :keep""")
    int releaseAll(@Bind("worker") String worker, @Bind("keep") long keep);

    @SqlQuery("SELECT " + COLUMNS + " FROM outbox WHERE workspace_id = :ws ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<OutboxMessage> listForWorkspace(@Bind("ws") long workspaceId, @Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE workspace_id = :ws")
    int countForWorkspace(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id AND workspace_id = :ws")
    Optional<OutboxMessage> findForWorkspace(@Bind("id") long id, @Bind("ws") long workspaceId);
}
