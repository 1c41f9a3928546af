package io.goodword.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import io.goodword.client.ClientDao;
import io.goodword.client.ClientQuery;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Ambassadors' links, and the few things referrals read from other features' tables (clients, the workspace's
 * account emails): always filtered by workspace in SQL. Testimonials are read through the testimonial feature's
 * {@link io.goodword.testimonial.PublicTestimonials}, the workspace behind /p/{slug} through
 * {@link io.goodword.account.PublicSites}.
 */
@RegisterConstructorMapper(Link.class)
@RegisterConstructorMapper(ClientRef.class)
@RegisterConstructorMapper(LinkDao.AmbassadorRow.class)
@RegisterConstructorMapper(WorkspaceRef.class)
@RegisterConstructorMapper(ReferrerMatch.Candidate.class)
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

    /** The admin's own link by its code: another workspace's code finds nothing. */
    @SqlQuery("SELECT " + COLUMNS + " FROM referral_links WHERE workspace_id = :ws AND code = :code")
    Optional<Link> findInWorkspace(@Bind("ws") long workspaceId, @Bind("code") String code);

    @SqlQuery("SELECT " + COLUMNS + " FROM referral_links WHERE workspace_id = :ws AND program_id = :program AND client_id = :client")
    Optional<Link> find(@Bind("ws") long workspaceId, @Bind("program") long programId, @Bind("client") long clientId);

    @SqlQuery("SELECT " + COLUMNS + " FROM referral_links WHERE workspace_id = :ws AND client_id = :client ORDER BY created_at DESC, id DESC")
    List<Link> forClient(@Bind("ws") long workspaceId, @Bind("client") long clientId);

    /** Serializes reward decisions for one ambassador (the per-referrer cap). */
    @SqlQuery("SELECT id FROM referral_links WHERE id = :id AND workspace_id = :ws FOR UPDATE")
    Optional<Long> lock(@Bind("ws") long workspaceId, @Bind("id") long id);

    /**
     * One page of clients with their links. Clients are paged and searched exactly like the client list (its
     * {@link ClientDao#filter} and {@link ClientQuery.Sort} clauses), then joined to their links, so a page never
     * cuts a client's links apart. {@code orderBy} is one of the fixed Sort clauses, never request text. The page's
     * order is numbered after its LIMIT: numbered before it, MariaDB sorted and numbered every client of the
     * workspace for each page (0.69 s at 100,000 clients, bench/admin.sh; 0.04 s now).
     */
    @SqlQuery("""
            SELECT c.id AS client_id, c.name, c.email, c.company, l.id AS link_id, l.code, l.program_id,
                   p.name AS program_name, l.created_at AS link_created_at
            FROM (SELECT x.id, x.name, x.email, x.company, ROW_NUMBER() OVER (ORDER BY <orderBy>) AS pos
                  FROM (SELECT id, name, email, company, created_at FROM clients
                        <filter> ORDER BY <orderBy> LIMIT :limit OFFSET :offset) x) c
            LEFT JOIN referral_links l ON l.client_id = c.id AND l.workspace_id = :ws
            LEFT JOIN referral_programs p ON p.id = l.program_id AND p.workspace_id = :ws
            ORDER BY c.pos, p.name, l.id""")
    @AllowUnusedBindings
    List<AmbassadorRow> ambassadors(@Bind("ws") long workspaceId, @Define("filter") String filter, @Bind("like") String like,
                                    @Bind("tag") String tag, @Define("orderBy") String orderBy,
                                    @Bind("limit") int limit, @Bind("offset") int offset);

    /**
     * The ambassadors a "who referred you?" answer could mean: the owner of the code or the email, and clients whose
     * name starts with the answer's first word or ends with its last (the collation ignores case and accents).
     * Erased clients are never candidates. {@link ReferrerMatch} decides among them.
     */
    @SqlQuery("""
            SELECT c.id AS client_id, c.name, c.email,
                   (SELECT l.code FROM referral_links l WHERE l.workspace_id = :ws AND l.client_id = c.id
                    ORDER BY (l.code = :code) DESC, l.created_at DESC, l.id DESC LIMIT 1) AS code
            FROM clients c
            WHERE c.workspace_id = :ws AND c.erased_at IS NULL
              AND (c.id IN (SELECT l.client_id FROM referral_links l WHERE l.workspace_id = :ws AND l.code = :code)
                   OR c.email = :email OR c.email LIKE :emailStart
                   OR c.name LIKE :nameStart OR c.name LIKE :nameEnd)
            ORDER BY c.id
            LIMIT 200""")
    List<ReferrerMatch.Candidate> referrerCandidates(@Bind("ws") long workspaceId, @Bind("code") String code,
                                                     @Bind("email") String email, @Bind("emailStart") String emailStart,
                                                     @Bind("nameStart") String nameStart, @Bind("nameEnd") String nameEnd);

    /** How many clients the ambassadors page finds, with the client list's own filter. */
    @SqlQuery("SELECT COUNT(*) FROM clients <filter>")
    @AllowUnusedBindings
    int countAmbassadors(@Bind("ws") long workspaceId, @Define("filter") String filter, @Bind("like") String like,
                         @Bind("tag") String tag);

    @SqlQuery("SELECT id, name, email, company, language FROM clients WHERE id = :id AND workspace_id = :ws")
    Optional<ClientRef> client(@Bind("ws") long workspaceId, @Bind("id") long clientId);

    @SqlQuery("SELECT COUNT(*) FROM clients WHERE workspace_id = :ws AND email = :email AND id <> :except")
    int clientsWithEmail(@Bind("ws") long workspaceId, @Bind("email") String email, @Bind("except") long exceptClientId);

    @SqlQuery("SELECT email FROM accounts WHERE workspace_id = :ws ORDER BY id")
    List<String> accountEmails(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT id, slug, display_name, language, logo_file FROM workspaces WHERE id = :id")
    Optional<WorkspaceRef> workspace(@Bind("id") long workspaceId);

}
