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

    /** Due rows, locked for this transaction; rows another worker holds are skipped, not waited for. */
    @SqlQuery("""
            SELECT id FROM outbox
            WHERE status = 'pending' AND send_after <= :now AND (locked_until IS NULL OR locked_until < :now)
            ORDER BY send_after, id LIMIT :limit
            FOR UPDATE SKIP LOCKED""")
    List<Long> lockDue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("UPDATE outbox SET locked_until = :until WHERE id IN (<ids>)")
    void lease(@BindList("ids") List<Long> ids, @Bind("until") Instant until);

    @SqlQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id")
    Optional<OutboxMessage> findById(@Bind("id") long id);

    @SqlUpdate("UPDATE outbox SET status = 'sent', sent_at = :now, locked_until = NULL, attempts = attempts + 1 WHERE id = :id AND status = 'pending'")
    int markSent(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE outbox SET attempts = attempts + 1, last_error = :error, locked_until = NULL, send_after = :retryAt,
                   status = CASE WHEN attempts + 1 >= :maxAttempts THEN 'failed' ELSE 'pending' END
            WHERE id = :id""")
    void markFailed(@Bind("id") long id, @Bind("error") String error, @Bind("retryAt") Instant retryAt,
                    @Bind("maxAttempts") int maxAttempts);

    @SqlQuery("SELECT " + COLUMNS + " FROM outbox WHERE workspace_id = :ws ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<OutboxMessage> listForWorkspace(@Bind("ws") long workspaceId, @Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE workspace_id = :ws")
    int countForWorkspace(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id AND workspace_id = :ws")
    Optional<OutboxMessage> findForWorkspace(@Bind("id") long id, @Bind("ws") long workspaceId);
}
