package io.goodword.ask;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Asks and their links. Admin queries are scoped by workspace; the worker's claims lock rows with
 * FOR UPDATE SKIP LOCKED so two portal processes never take the same ask.
 */
@RegisterConstructorMapper(Ask.class)
@RegisterConstructorMapper(AskRow.class)
public interface AskDao {
    String COLUMNS = """
            a.id, a.workspace_id, a.client_id, a.project_id, a.milestone_id, a.reason, a.status, a.step, a.score, a.comment,
            a.feedback, a.completed_steps, a.skipped_steps, a.scheduled_for, a.sent_at, a.opened_at, a.answered_at,
            a.finished_at, a.expires_at, a.reminders_sent, a.next_reminder_at, a.created_at""";
    String ROW = """
            a.id, a.client_id, c.name AS client_name, a.reason, a.status, a.step, a.score, a.completed_steps, a.scheduled_for,
            a.sent_at, a.opened_at, a.answered_at, a.reminders_sent, a.next_reminder_at, a.comment
            FROM asks a JOIN clients c ON c.id = a.client_id AND c.workspace_id = a.workspace_id""";

    /** Fails with a duplicate key (uq_ask_open) when the client already has an open ask. */
    @SqlUpdate("""
            INSERT INTO asks (workspace_id, client_id, project_id, milestone_id, reason, status, scheduled_for, created_at)
            VALUES (:ws, :client, :project, :milestone, :reason, 'scheduled', :at, :now)""")
    @GetGeneratedKeys
    long insertScheduled(@Bind("ws") long workspaceId, @Bind("client") long clientId, @Bind("project") Long projectId,
                         @Bind("milestone") Long milestoneId, @Bind("reason") String reason, @Bind("at") Instant at,
                         @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM asks a WHERE a.id = :id AND a.workspace_id = :ws")
    Optional<Ask> findById(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM asks a WHERE a.id = :id FOR UPDATE")
    Optional<Ask> lock(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM asks a WHERE a.workspace_id = :ws AND a.client_id = :client AND a.open_slot = 1")
    Optional<Ask> findOpen(@Bind("ws") long workspaceId, @Bind("client") long clientId);

    /** When the client was last asked (sent, or due to be sent), ignoring cancelled asks. */
    @SqlQuery("""
            SELECT MAX(COALESCE(a.sent_at, a.scheduled_for)) FROM asks a
            WHERE a.workspace_id = :ws AND a.client_id = :client AND a.status <> 'cancelled'""")
    Optional<Instant> lastAskedAt(@Bind("ws") long workspaceId, @Bind("client") long clientId);

    @SqlQuery("SELECT " + COLUMNS + " FROM asks a WHERE a.workspace_id = :ws AND a.client_id = :client ORDER BY a.created_at DESC, a.id DESC")
    List<Ask> forClient(@Bind("ws") long workspaceId, @Bind("client") long clientId);

    // ---- the worker ----

    @SqlQuery("""
            SELECT id FROM asks WHERE status = 'scheduled' AND scheduled_for <= :now
            ORDER BY scheduled_for, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<Long> lockDue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlQuery("""
            SELECT id FROM asks WHERE status = 'sent' AND next_reminder_at <= :now
            ORDER BY next_reminder_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<Long> lockRemindersDue(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE asks SET status = 'sent', sent_at = :now, expires_at = :expires, next_reminder_at = :nextReminder,
                   delay_hours = CASE WHEN reason IN ('project', 'milestone') THEN TIMESTAMPDIFF(HOUR, created_at, :now) END
            WHERE id = :id AND status = 'scheduled'""")
    int markSent(@Bind("id") long id, @Bind("now") Instant now, @Bind("expires") Instant expires,
                 @Bind("nextReminder") Instant nextReminder);

    @SqlUpdate("UPDATE asks SET reminders_sent = :n, next_reminder_at = :next WHERE id = :id AND status = 'sent'")
    int reminderSent(@Bind("id") long id, @Bind("n") int n, @Bind("next") Instant next);

    @SqlUpdate("UPDATE asks SET next_reminder_at = NULL WHERE id = :id")
    void stopReminders(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE asks SET status = 'expired', open_slot = NULL, next_reminder_at = NULL
            WHERE status = 'sent' AND expires_at <= :now LIMIT 500""")
    int expire(@Bind("now") Instant now);

    // ---- changes by the freelancer ----

    @SqlUpdate("UPDATE asks SET scheduled_for = :at WHERE id = :id AND workspace_id = :ws AND status = 'scheduled'")
    int reschedule(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE asks SET status = 'cancelled', open_slot = NULL, next_reminder_at = NULL
            WHERE id = :id AND workspace_id = :ws AND status IN ('scheduled', 'sent')""")
    int cancel(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlUpdate("""
            UPDATE asks SET status = 'cancelled', open_slot = NULL, next_reminder_at = NULL
            WHERE workspace_id = :ws AND client_id = :client AND status IN ('scheduled', 'sent')""")
    int cancelOpenOf(@Bind("ws") long workspaceId, @Bind("client") long clientId);

    // ---- the client's answers ----

    @SqlUpdate("UPDATE asks SET opened_at = :now WHERE id = :id AND opened_at IS NULL")
    int markOpened(@Bind("id") long id, @Bind("now") Instant now);

    /** Saves the score once: only while the ask waits for it. */
    @SqlUpdate("""
            UPDATE asks SET status = 'answered', open_slot = NULL, next_reminder_at = NULL, score = :score, comment = :comment,
                   answered_at = :now, step = :next, completed_steps = 'score', finished_at = :finished
            WHERE id = :id AND status = 'sent' AND step = 'score'""")
    int answer(@Bind("id") long id, @Bind("score") int score, @Bind("comment") String comment, @Bind("next") String next,
               @Bind("now") Instant now, @Bind("finished") Instant finished);

    @SqlUpdate("""
            UPDATE asks SET status = 'declined', open_slot = NULL, next_reminder_at = NULL, step = 'done',
                   skipped_steps = 'score', finished_at = :now
            WHERE id = :id AND status = 'sent' AND step = 'score'""")
    int decline(@Bind("id") long id, @Bind("now") Instant now);

    /** Moves on from {@code from} (only if that is still the current step, so a double submit does nothing). */
    @SqlUpdate("""
            UPDATE asks SET step = :to, completed_steps = :completed, skipped_steps = :skipped, finished_at = :finished,
                   gave_testimonial = FIND_IN_SET('testimonial', :completed) > 0
            WHERE id = :id AND step = :from""")
    int advance(@Bind("id") long id, @Bind("from") String from, @Bind("to") String to, @Bind("completed") String completed,
                @Bind("skipped") String skipped, @Bind("finished") Instant finished);

    @SqlUpdate("UPDATE asks SET feedback = :feedback WHERE id = :id AND step = 'feedback'")
    int saveFeedback(@Bind("id") long id, @Bind("feedback") String feedback);

    // ---- links ----

    @SqlUpdate("INSERT INTO ask_links (token_hash, workspace_id, ask_id, created_at) VALUES (:hash, :ws, :ask, :now)")
    void insertLink(@Bind("hash") String tokenHash, @Bind("ws") long workspaceId, @Bind("ask") long askId,
                    @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM ask_links l JOIN asks a ON a.id = l.ask_id AND a.workspace_id = l.workspace_id WHERE l.token_hash = :hash")
    Optional<Ask> findByTokenHash(@Bind("hash") String tokenHash);

    /** A link that goes out by email: its check-in token and, separately, its unsubscribe token (hashes of both). */
    @SqlUpdate("""
            INSERT INTO ask_links (token_hash, unsubscribe_token_hash, workspace_id, ask_id, created_at)
            VALUES (:hash, :unsubscribeHash, :ws, :ask, :now)""")
    void insertEmailLink(@Bind("hash") String tokenHash, @Bind("unsubscribeHash") String unsubscribeHash,
                         @Bind("ws") long workspaceId, @Bind("ask") long askId, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM ask_links l JOIN asks a ON a.id = l.ask_id AND a.workspace_id = l.workspace_id WHERE l.unsubscribe_token_hash = :hash")
    Optional<Ask> findByUnsubscribeHash(@Bind("hash") String unsubscribeHash);

    // ---- the overview ----

    @SqlQuery("SELECT " + ROW + " WHERE a.workspace_id = :ws AND a.status = 'scheduled' ORDER BY a.scheduled_for, a.id LIMIT :limit")
    List<AskRow> scheduledNext(@Bind("ws") long workspaceId, @Bind("limit") int limit);

    @SqlQuery("SELECT " + ROW + " WHERE a.workspace_id = :ws AND a.status = 'sent' AND a.next_reminder_at IS NOT NULL ORDER BY a.next_reminder_at, a.id LIMIT :limit")
    List<AskRow> remindersNext(@Bind("ws") long workspaceId, @Bind("limit") int limit);

    /** The check-ins page, newest first: read in the order of ix_asks_created (V75), never sorted. */
    @SqlQuery("SELECT " + ROW + " WHERE a.workspace_id = :ws AND (:status = '' OR a.status = :status)"
            + " ORDER BY a.created_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
    List<AskRow> list(@Bind("ws") long workspaceId, @Bind("status") String status, @Bind("limit") int limit,
                      @Bind("offset") int offset);

    // ---- follow-ups and people to notify ----

    @SqlUpdate("""
            INSERT INTO client_tasks (workspace_id, client_id, ask_id, score, body, created_at) VALUES (:ws, :client, :ask, :score, :body, :now)
            ON DUPLICATE KEY UPDATE body = VALUES(body)""")
    void upsertTask(@Bind("ws") long workspaceId, @Bind("client") long clientId, @Bind("ask") long askId,
                    @Bind("score") int score, @Bind("body") String body, @Bind("now") Instant now);

    @SqlQuery("SELECT email FROM accounts WHERE workspace_id = :ws ORDER BY id LIMIT 1")
    Optional<String> freelancerEmail(@Bind("ws") long workspaceId);
}
