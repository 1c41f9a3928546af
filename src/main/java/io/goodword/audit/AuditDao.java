package io.goodword.audit;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit log of one workspace, newest first. */
@RegisterConstructorMapper(AuditEntry.class)
public interface AuditDao {

    /** The actor is the account's email at the time (or "system" when no account acted). */
    @SqlUpdate("""
            INSERT INTO audit_log (workspace_id, account_id, actor, action, detail)
            VALUES (:ws, (SELECT a.id FROM accounts a WHERE a.id = :account AND a.workspace_id = :ws),
                    COALESCE((SELECT a.email FROM accounts a WHERE a.id = :account AND a.workspace_id = :ws), 'system'),
                    :action, :detail)""")
    void insert(@Bind("ws") long workspaceId, @Bind("account") Long accountId, @Bind("action") String action,
                @Bind("detail") String detail);

    @SqlQuery("""
            SELECT id, workspace_id, account_id, actor, action, detail, created_at FROM audit_log
            WHERE workspace_id = :ws ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
    List<AuditEntry> page(@Bind("ws") long workspaceId, @Bind("limit") int limit, @Bind("offset") int offset);

    /**
     * The name an entry is about, read when the log is shown rather than stored with the entry, so the log keeps no
     * personal data of clients and an erased client's name is gone from it too. Empty when the row no longer exists.
     */
    @SqlQuery("SELECT name FROM testimonials WHERE id = :id AND workspace_id = :ws")
    java.util.Optional<String> testimonialName(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT name FROM clients WHERE id = :id AND workspace_id = :ws")
    java.util.Optional<String> clientName(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT title FROM case_studies WHERE id = :id AND workspace_id = :ws")
    java.util.Optional<String> caseStudyTitle(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT name FROM referral_leads WHERE id = :id AND workspace_id = :ws")
    java.util.Optional<String> leadName(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT name FROM referral_programs WHERE id = :id AND workspace_id = :ws")
    java.util.Optional<String> programName(@Bind("ws") long workspaceId, @Bind("id") long id);
}
