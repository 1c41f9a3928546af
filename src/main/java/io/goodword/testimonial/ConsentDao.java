package io.goodword.testimonial;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The consent ledger, the current consents on the testimonial row, the extra private links (author, confirm) and
 * the text proposals waiting for the other side. Every statement names the workspace.
 */
@RegisterConstructorMapper(ConsentRecord.class)
@RegisterConstructorMapper(Proposal.class)
public interface ConsentDao {

    /** A private link: its testimonial, what it is for, and (confirm links) the client asked. */
    record Link(long workspaceId, long testimonialId, String purpose, Long clientId, Instant usedAt) {}

    @SqlUpdate("""
            INSERT INTO testimonial_consents (workspace_id, testimonial_id, kind, granted, choice, wording_version, channel,
                   given_by, ip, account_id, created_at)
            VALUES (:ws, :id, :kind, :granted, :choice, :wording, :channel, :givenBy, :ip, :accountId, :now)""")
    void record(@Bind("ws") long workspaceId, @Bind("id") long testimonialId, @Bind("kind") String kind,
                @Bind("granted") boolean granted, @Bind("choice") String choice, @Bind("wording") String wording,
                @Bind("channel") String channel, @Bind("givenBy") String givenBy, @Bind("ip") String ip,
                @Bind("accountId") Long accountId, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, kind, granted, choice, wording_version, channel, given_by, created_at, provenance FROM testimonial_consents
            WHERE workspace_id = :ws AND testimonial_id = :id ORDER BY created_at DESC, id DESC""")
    List<ConsentRecord> ledger(@Bind("ws") long workspaceId, @Bind("id") long testimonialId);

    @SqlUpdate("""
            UPDATE testimonials SET consent_publish = :c.publish, name_display = :name, consent_show_photo = :c.photo,
                   consent_show_company = :c.company, consent_case_study = :c.caseStudy, consent_reference = :c.reference
            WHERE id = :id AND workspace_id = :ws""")
    int setConsents(@Bind("ws") long workspaceId, @Bind("id") long id,
                    @org.jdbi.v3.sqlobject.customizer.BindMethods("c") Consents c, @Bind("name") String nameDisplay);

    /** The engagement a testimonial was given for, and since when it is verified (null: not verified). */
    @SqlUpdate("""
            UPDATE testimonials SET project_id = :project, milestone_id = :milestone, verified_at = :verifiedAt
            WHERE id = :id AND workspace_id = :ws""")
    int setEngagement(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("project") Long projectId,
                      @Bind("milestone") Long milestoneId, @Bind("verifiedAt") Instant verifiedAt);

    @SqlUpdate("UPDATE testimonials SET withdrawn_at = :at WHERE id = :id AND workspace_id = :ws")
    int setWithdrawn(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("at") Instant at);

    /** Ties a hand-typed or imported testimonial to a client; it is verified only once that client confirms. */
    @SqlUpdate("""
            UPDATE testimonials SET client_id = :client, project_id = :project, verified = FALSE, verified_at = NULL
            WHERE id = :id AND workspace_id = :ws AND source IN ('manual', 'import')""")
    int linkClient(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("client") long clientId,
                   @Bind("project") Long projectId);

    @SqlUpdate("UPDATE testimonials SET verified = TRUE, verified_at = :at WHERE id = :id AND workspace_id = :ws AND client_id = :client")
    int confirm(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("client") long clientId, @Bind("at") Instant at);

    @SqlUpdate("UPDATE testimonials SET body = :body, body_hash = :hash, original_body = :original WHERE id = :id AND workspace_id = :ws")
    int replaceBody(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("body") String body,
                    @Bind("hash") String bodyHash, @Bind("original") String originalBody);

    // ---- the client's projects, for linking ----

    record ClientMatch(long id, String name, String email) {}

    record ProjectOption(long id, String title) {}

    @SqlQuery("SELECT id, name, email FROM clients WHERE workspace_id = :ws AND email = :email AND erased_at IS NULL")
    @RegisterConstructorMapper(ClientMatch.class)
    Optional<ClientMatch> clientByEmail(@Bind("ws") long workspaceId, @Bind("email") String email);

    @SqlQuery("SELECT id, name, email FROM clients WHERE workspace_id = :ws AND id = :id AND erased_at IS NULL")
    @RegisterConstructorMapper(ClientMatch.class)
    Optional<ClientMatch> client(@Bind("ws") long workspaceId, @Bind("id") long clientId);

    @SqlQuery("SELECT id, title FROM projects WHERE workspace_id = :ws AND client_id = :client ORDER BY created_at DESC, id DESC LIMIT 50")
    @RegisterConstructorMapper(ProjectOption.class)
    List<ProjectOption> projectsOf(@Bind("ws") long workspaceId, @Bind("client") long clientId);

    // ---- private links ----

    @SqlUpdate("""
            INSERT INTO testimonial_links (token_hash, workspace_id, testimonial_id, purpose, client_id, created_at)
            VALUES (:hash, :ws, :id, :purpose, :client, :now)""")
    void insertLink(@Bind("hash") String tokenHash, @Bind("ws") long workspaceId, @Bind("id") long testimonialId,
                    @Bind("purpose") String purpose, @Bind("client") Long clientId, @Bind("now") Instant now);

    @SqlQuery("SELECT workspace_id, testimonial_id, purpose, client_id, used_at FROM testimonial_links WHERE token_hash = :hash")
    @RegisterConstructorMapper(Link.class)
    Optional<Link> link(@Bind("hash") String tokenHash);

    @SqlUpdate("UPDATE testimonial_links SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
    int useLink(@Bind("hash") String tokenHash, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM testimonials WHERE id = :id AND workspace_id = :ws AND edit_token_hash IS NOT NULL)
                OR EXISTS (SELECT 1 FROM testimonial_links WHERE workspace_id = :ws AND testimonial_id = :id AND purpose = 'author')""")
    boolean hasAuthorLink(@Bind("ws") long workspaceId, @Bind("id") long testimonialId);

    @SqlQuery("SELECT COUNT(*) FROM testimonial_links WHERE workspace_id = :ws AND testimonial_id = :id AND purpose = 'confirm' AND used_at IS NULL")
    int openConfirmations(@Bind("ws") long workspaceId, @Bind("id") long testimonialId);

    // ---- proposals ----

    @SqlUpdate("""
            UPDATE testimonial_proposals SET status = 'superseded', decided_at = :now
            WHERE workspace_id = :ws AND testimonial_id = :id AND status = 'pending'""")
    int supersede(@Bind("ws") long workspaceId, @Bind("id") long testimonialId, @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO testimonial_proposals (workspace_id, testimonial_id, proposed_by, account_id, body, created_at)
            VALUES (:ws, :id, :by, :accountId, :body, :now)""")
    @GetGeneratedKeys
    long propose(@Bind("ws") long workspaceId, @Bind("id") long testimonialId, @Bind("by") String proposedBy,
                 @Bind("accountId") Long accountId, @Bind("body") String body, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, testimonial_id, proposed_by, body, status, created_at, decided_at FROM testimonial_proposals
            WHERE workspace_id = :ws AND testimonial_id = :id ORDER BY created_at DESC, id DESC""")
    List<Proposal> proposals(@Bind("ws") long workspaceId, @Bind("id") long testimonialId);

    @SqlQuery("""
            SELECT id, testimonial_id, proposed_by, body, status, created_at, decided_at FROM testimonial_proposals
            WHERE workspace_id = :ws AND testimonial_id = :tid AND id = :id AND status = 'pending' FOR UPDATE""")
    Optional<Proposal> lockPending(@Bind("ws") long workspaceId, @Bind("tid") long testimonialId, @Bind("id") long id);

    @SqlUpdate("UPDATE testimonial_proposals SET status = :status, decided_at = :now WHERE id = :id AND workspace_id = :ws AND status = 'pending'")
    int decide(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("status") String status, @Bind("now") Instant now);
}
