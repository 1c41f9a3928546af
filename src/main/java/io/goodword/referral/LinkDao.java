package io.goodword.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Ambassadors' links, and the few things referrals read from other features' tables (clients, approved
 * testimonials, the workspace's account emails): always filtered by workspace in SQL.
 */
@RegisterConstructorMapper(Link.class)
@RegisterConstructorMapper(ClientRef.class)
@RegisterConstructorMapper(PublicTestimonial.class)
@RegisterConstructorMapper(LinkDao.AmbassadorRow.class)
@RegisterConstructorMapper(WorkspaceRef.class)
public interface LinkDao {
    String COLUMNS = "id, workspace_id, program_id, client_id, code, created_at";

    /** A client and, when one exists, their link for a program. */
    record AmbassadorRow(long clientId, String name, String email, String company, Long linkId, String code,
                         Long programId, String programName, Instant linkCreatedAt) {}

    /**
     * The first use of a link (emailed, copied, visited, a friend introduced through it): from then on it counts as
     * "shared" on the dashboard. A link that was only shown on a page keeps used_at NULL and is never counted.
     */
    @SqlUpdate("UPDATE referral_links SET used_at = :at WHERE id = :id AND workspace_id = :ws AND used_at IS NULL")
    int markUsed(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO referral_links (workspace_id, program_id, client_id, code) VALUES (:ws, :program, :client, :code)")
    @GetGeneratedKeys
    long insert(@Bind("ws") long workspaceId, @Bind("program") long programId, @Bind("client") long clientId,
                @Bind("code") String code);

    /** The landing page finds a link by its code alone: codes are unique across the installation. */
    @SqlQuery("SELECT " + COLUMNS + " FROM referral_links WHERE code = :code")
    Optional<Link> findByCode(@Bind("code") String code);

    @SqlQuery("SELECT " + COLUMNS + " FROM referral_links WHERE workspace_id = :ws AND program_id = :program AND client_id = :client")
    Optional<Link> find(@Bind("ws") long workspaceId, @Bind("program") long programId, @Bind("client") long clientId);

    @SqlQuery("SELECT " + COLUMNS + " FROM referral_links WHERE workspace_id = :ws AND client_id = :client ORDER BY created_at DESC, id DESC")
    List<Link> forClient(@Bind("ws") long workspaceId, @Bind("client") long clientId);

    /** Serializes reward decisions for one ambassador (the per-referrer cap). */
    @SqlQuery("SELECT id FROM referral_links WHERE id = :id AND workspace_id = :ws FOR UPDATE")
    Optional<Long> lock(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("""
            SELECT c.id AS client_id, c.name, c.email, c.company, l.id AS link_id, l.code, l.program_id,
                   p.name AS program_name, l.created_at AS link_created_at
            FROM clients c
            LEFT JOIN referral_links l ON l.client_id = c.id AND l.workspace_id = :ws
            LEFT JOIN referral_programs p ON p.id = l.program_id AND p.workspace_id = :ws
            WHERE c.workspace_id = :ws
            ORDER BY c.name, c.id, p.name
            LIMIT 1000""")
    List<AmbassadorRow> ambassadors(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT id, name, email, company, language FROM clients WHERE id = :id AND workspace_id = :ws")
    Optional<ClientRef> client(@Bind("ws") long workspaceId, @Bind("id") long clientId);

    @SqlQuery("SELECT COUNT(*) FROM clients WHERE workspace_id = :ws AND email = :email AND id <> :except")
    int clientsWithEmail(@Bind("ws") long workspaceId, @Bind("email") String email, @Bind("except") long exceptClientId);

    @SqlQuery("""
            SELECT id, rating, body, name, role, CASE WHEN consent_show_company THEN company ELSE '' END AS company
            FROM testimonials
            WHERE workspace_id = :ws AND status = 'approved' AND consent_publish = 1
            ORDER BY featured DESC, rating DESC, approved_at DESC, id DESC
            LIMIT :limit""")
    List<PublicTestimonial> bestTestimonials(@Bind("ws") long workspaceId, @Bind("limit") int limit);

    @SqlQuery("SELECT email FROM accounts WHERE workspace_id = :ws ORDER BY id")
    List<String> accountEmails(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT id, slug, display_name, language, logo_file FROM workspaces WHERE id = :id")
    Optional<WorkspaceRef> workspace(@Bind("id") long workspaceId);

    @SqlQuery("SELECT id, slug, display_name, language, logo_file FROM workspaces WHERE slug = :slug")
    Optional<WorkspaceRef> workspaceBySlug(@Bind("slug") String slug);
}
