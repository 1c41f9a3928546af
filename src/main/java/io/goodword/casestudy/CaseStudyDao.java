package io.goodword.casestudy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import io.goodword.testimonial.PublicTestimonial;
import io.goodword.testimonial.PublicTestimonials;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Case studies, their versions and approval requests; every statement is scoped to one workspace. */
@RegisterConstructorMapper(CaseStudy.class)
@RegisterConstructorMapper(CaseStudyVersion.class)
@RegisterConstructorMapper(Approval.class)
@RegisterConstructorMapper(ClientOption.class)
public interface CaseStudyDao {
    String COLUMNS = "id, workspace_id, slug, title, client_id, status, current_version_id, published_version_id, "
            + "published_at, created_at, updated_at";
    String VERSION_COLUMNS = "id, workspace_id, case_study_id, number, content, content_hash, note, created_at";
    String APPROVAL_COLUMNS = "id, workspace_id, case_study_id, version_id, client_id, sent_to, status, comment, "
            + "requested_at, expires_at, answered_at";

    // ---- case studies ----

    @SqlUpdate("INSERT INTO case_studies (workspace_id, slug, title, client_id) VALUES (:ws, :slug, :title, :clientId)")
    @GetGeneratedKeys
    long insert(@Bind("ws") long workspaceId, @Bind("slug") String slug, @Bind("title") String title,
                @Bind("clientId") Long clientId);

    @SqlQuery("SELECT " + COLUMNS + " FROM case_studies WHERE id = :id AND workspace_id = :ws")
    Optional<CaseStudy> find(@Bind("ws") long workspaceId, @Bind("id") long id);

    /** Locks the row for the rest of the transaction, so two saves cannot take the same version number. */
    @SqlQuery("SELECT " + COLUMNS + " FROM case_studies WHERE id = :id AND workspace_id = :ws FOR UPDATE")
    Optional<CaseStudy> lock(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM case_studies WHERE workspace_id = :ws ORDER BY updated_at DESC, id DESC")
    List<CaseStudy> list(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT " + COLUMNS + " FROM case_studies WHERE workspace_id = :ws AND slug = :slug")
    Optional<CaseStudy> findBySlug(@Bind("ws") long workspaceId, @Bind("slug") String slug);

    @SqlQuery("""
            SELECT c.id, c.workspace_id, c.slug, c.title, c.client_id, c.status, c.current_version_id,
                   c.published_version_id, c.published_at, c.created_at, c.updated_at
            FROM case_studies c
            WHERE c.workspace_id = :ws AND c.status = 'published' AND c.published_version_id IS NOT NULL
            ORDER BY c.published_at DESC, c.id DESC""")
    List<CaseStudy> listPublished(@Bind("ws") long workspaceId);

    @SqlUpdate("""
            UPDATE case_studies SET slug = :slug, title = :title, client_id = :clientId, current_version_id = :versionId
            WHERE id = :id AND workspace_id = :ws""")
    int updateHead(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("slug") String slug,
                   @Bind("title") String title, @Bind("clientId") Long clientId, @Bind("versionId") long versionId);

    @SqlUpdate("""
            UPDATE case_studies SET status = 'published', published_version_id = current_version_id,
                   published_at = COALESCE(published_at, :now)
            WHERE id = :id AND workspace_id = :ws""")
    int publish(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE case_studies SET status = :status WHERE id = :id AND workspace_id = :ws")
    int updateStatus(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("status") CaseStatus status);

    @SqlUpdate("DELETE FROM case_studies WHERE id = :id AND workspace_id = :ws")
    int delete(@Bind("ws") long workspaceId, @Bind("id") long id);

    // ---- versions ----

    @SqlUpdate("""
            INSERT INTO case_study_versions (workspace_id, case_study_id, number, content, content_hash, note)
            SELECT :ws, :caseStudyId, COALESCE(MAX(number), 0) + 1, :content, :hash, :note
            FROM case_study_versions WHERE case_study_id = :caseStudyId AND workspace_id = :ws""")
    @GetGeneratedKeys
    long insertVersion(@Bind("ws") long workspaceId, @Bind("caseStudyId") long caseStudyId,
                       @Bind("content") String content, @Bind("hash") String hash, @Bind("note") String note);

    @SqlQuery("SELECT " + VERSION_COLUMNS + " FROM case_study_versions WHERE id = :id AND workspace_id = :ws")
    Optional<CaseStudyVersion> findVersion(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("""
            SELECT id, workspace_id, case_study_id, number, '' AS content, content_hash, note, created_at
            FROM case_study_versions WHERE workspace_id = :ws AND case_study_id = :caseStudyId
            ORDER BY number DESC LIMIT 100""")
    List<CaseStudyVersion> listVersions(@Bind("ws") long workspaceId, @Bind("caseStudyId") long caseStudyId);

    // ---- approvals ----

    @SqlUpdate("""
            INSERT INTO case_study_approvals (workspace_id, case_study_id, version_id, client_id, sent_to, token_hash,
                                              requested_at, expires_at)
            VALUES (:ws, :caseStudyId, :versionId, :clientId, :sentTo, :tokenHash, :now, :expiresAt)""")
    @GetGeneratedKeys
    long insertApproval(@Bind("ws") long workspaceId, @Bind("caseStudyId") long caseStudyId,
                        @Bind("versionId") long versionId, @Bind("clientId") long clientId,
                        @Bind("sentTo") String sentTo, @Bind("tokenHash") String tokenHash, @Bind("now") Instant now,
                        @Bind("expiresAt") Instant expiresAt);

    /** A newer request replaces the ones still open: only the latest link can be answered. */
    @SqlUpdate("""
            UPDATE case_study_approvals SET status = 'superseded'
            WHERE workspace_id = :ws AND case_study_id = :caseStudyId AND status = 'pending'""")
    int supersedePending(@Bind("ws") long workspaceId, @Bind("caseStudyId") long caseStudyId);

    /** The approval behind a link; the token itself identifies the workspace (only its hash is stored). */
    @SqlQuery("SELECT " + APPROVAL_COLUMNS + " FROM case_study_approvals WHERE token_hash = :hash")
    Optional<Approval> findApprovalByTokenHash(@Bind("hash") String tokenHash);

    @SqlUpdate("""
            UPDATE case_study_approvals SET status = :status, comment = :comment, answered_at = :now
            WHERE id = :id AND workspace_id = :ws AND status = 'pending'""")
    int answer(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("status") ApprovalStatus status,
               @Bind("comment") String comment, @Bind("now") Instant now);

    @SqlQuery("SELECT " + APPROVAL_COLUMNS + " FROM case_study_approvals WHERE workspace_id = :ws AND case_study_id = :caseStudyId ORDER BY requested_at DESC, id DESC")
    List<Approval> listApprovals(@Bind("ws") long workspaceId, @Bind("caseStudyId") long caseStudyId);

    /** Whether this client approved content with this hash (in any version of this case study). */
    @SqlQuery("""
            SELECT COUNT(*) FROM case_study_approvals a
            JOIN case_study_versions v ON v.id = a.version_id AND v.workspace_id = a.workspace_id
            WHERE a.workspace_id = :ws AND a.case_study_id = :caseStudyId AND a.client_id = :clientId
              AND a.status = 'approved' AND v.content_hash = :hash""")
    int approvalsFor(@Bind("ws") long workspaceId, @Bind("caseStudyId") long caseStudyId,
                     @Bind("clientId") long clientId, @Bind("hash") String contentHash);

    /** The version the client last answered about before this request (to show what changed since). */
    @SqlQuery("""
            SELECT a.version_id FROM case_study_approvals a
            WHERE a.workspace_id = :ws AND a.case_study_id = :caseStudyId AND a.status IN ('approved', 'changes_requested')
              AND a.id <> :exceptId
            ORDER BY a.answered_at DESC, a.id DESC LIMIT 1""")
    Optional<Long> lastAnsweredVersion(@Bind("ws") long workspaceId, @Bind("caseStudyId") long caseStudyId,
                                       @Bind("exceptId") long exceptApprovalId);

    // ---- what a case study may link to (read-only views of other features' tables) ----

    @SqlQuery("SELECT id, name, email, company, language FROM clients WHERE workspace_id = :ws ORDER BY name, id LIMIT 1000")
    List<ClientOption> clients(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT id, name, email, company, language FROM clients WHERE workspace_id = :ws AND id = :id")
    Optional<ClientOption> client(@Bind("ws") long workspaceId, @Bind("id") long id);

    /** Where to tell the freelancer that a client answered: the workspace's first account. */
    @SqlQuery("SELECT email FROM accounts WHERE workspace_id = :ws ORDER BY id LIMIT 1")
    Optional<String> ownerEmail(@Bind("ws") long workspaceId);

    /** The testimonial feature's public projection, on this DAO's handle. */
    @CreateSqlObject
    PublicTestimonials testimonials();

    /** What the editor offers to quote: the most recently approved public testimonials. */
    default List<PublicTestimonial> publishableTestimonials(long workspaceId) {
        return testimonials().latest(workspaceId, 500);
    }

    /** The given testimonials that may still be quoted publicly (one withdrawn since is left out). */
    default List<PublicTestimonial> publishableTestimonials(long workspaceId, Collection<Long> ids) {
        return testimonials().byIds(workspaceId, ids);
    }
}
