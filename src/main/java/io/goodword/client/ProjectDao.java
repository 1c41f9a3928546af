package io.goodword.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Projects and their milestones, always within one workspace. */
@RegisterConstructorMapper(Project.class)
@RegisterConstructorMapper(Milestone.class)
public interface ProjectDao {
    String COLUMNS = "id, workspace_id, client_id, title, value_cents, currency, start_date, end_date, status, completed_at, created_at";
    String M_COLUMNS = "id, workspace_id, project_id, name, due_date, reached_on, reached_at, created_at";

    @SqlUpdate("""
            INSERT INTO projects (workspace_id, client_id, title, value_cents, currency, start_date, end_date, status, completed_at)
            VALUES (:ws, :client, :title, :valueCents, :currency, :start, :end, :status, :completedAt)""")
    @GetGeneratedKeys
    long insert(@Bind("ws") long workspaceId, @Bind("client") long clientId, @Bind("title") String title,
                @Bind("valueCents") Long valueCents, @Bind("currency") String currency, @Bind("start") LocalDate start,
                @Bind("end") LocalDate end, @Bind("status") String status, @Bind("completedAt") Instant completedAt);

    /**
     * Where the client of a new project came from, fixed once when the project is added (the dashboard's revenue by
     * origin reads it): 'repeat' when the client already had a project, 'referred' when an ambassador introduced the
     * client (a referred lead with the client's email), otherwise 'direct'.
     */
    @SqlUpdate("""
            UPDATE projects p
              JOIN clients c ON c.id = p.client_id AND c.workspace_id = p.workspace_id
              LEFT JOIN (SELECT client_id FROM projects WHERE workspace_id = :ws AND client_id = :client AND id < :id LIMIT 1) e
                ON e.client_id = p.client_id
               SET p.referrer_client_id = CASE WHEN e.client_id IS NULL THEN
                       (SELECT l.referrer_client_id FROM referral_leads l
                         WHERE l.workspace_id = p.workspace_id AND c.email IS NOT NULL AND l.email = c.email
                           AND l.referrer_client_id IS NOT NULL AND l.referrer_client_id <> p.client_id
                         ORDER BY l.created_at, l.id LIMIT 1) END,
                   p.origin = CASE WHEN e.client_id IS NOT NULL THEN 'repeat'
                       WHEN EXISTS (SELECT 1 FROM referral_leads l WHERE l.workspace_id = p.workspace_id
                           AND c.email IS NOT NULL AND l.email = c.email AND l.referrer_client_id IS NOT NULL
                           AND l.referrer_client_id <> p.client_id) THEN 'referred' ELSE 'direct' END
             WHERE p.id = :id AND p.workspace_id = :ws AND p.client_id = :client""")
    int classifyOrigin(@Bind("ws") long workspaceId, @Bind("client") long clientId, @Bind("id") long projectId);

    @SqlUpdate("""
            UPDATE projects SET title = :title, value_cents = :valueCents, currency = :currency, start_date = :start,
                   end_date = :end, status = :status, completed_at = :completedAt
            WHERE id = :id AND workspace_id = :ws""")
    int update(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("title") String title,
               @Bind("valueCents") Long valueCents, @Bind("currency") String currency, @Bind("start") LocalDate start,
               @Bind("end") LocalDate end, @Bind("status") String status, @Bind("completedAt") Instant completedAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM projects WHERE id = :id AND workspace_id = :ws")
    Optional<Project> findById(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM projects WHERE workspace_id = :ws AND client_id = :client ORDER BY created_at DESC, id DESC")
    List<Project> forClient(@Bind("ws") long workspaceId, @Bind("client") long clientId);

    @SqlUpdate("INSERT INTO milestones (workspace_id, project_id, name, due_date) VALUES (:ws, :project, :name, :due)")
    @GetGeneratedKeys
    long insertMilestone(@Bind("ws") long workspaceId, @Bind("project") long projectId, @Bind("name") String name,
                         @Bind("due") LocalDate due);

    @SqlQuery("SELECT " + M_COLUMNS + " FROM milestones WHERE id = :id AND workspace_id = :ws AND project_id = :project")
    Optional<Milestone> findMilestone(@Bind("ws") long workspaceId, @Bind("project") long projectId, @Bind("id") long id);

    @SqlQuery("SELECT " + M_COLUMNS + " FROM milestones WHERE workspace_id = :ws AND project_id = :project ORDER BY due_date IS NULL, due_date, id")
    List<Milestone> milestones(@Bind("ws") long workspaceId, @Bind("project") long projectId);

    @SqlQuery("""
            SELECT m.id, m.workspace_id, m.project_id, m.name, m.due_date, m.reached_on, m.reached_at, m.created_at
            FROM milestones m JOIN projects p ON p.id = m.project_id AND p.workspace_id = m.workspace_id
            WHERE m.workspace_id = :ws AND p.client_id = :client""")
    List<Milestone> milestonesOfClient(@Bind("ws") long workspaceId, @Bind("client") long clientId);

    /** Marks reached once; returns 0 when it already was (so reaching twice schedules nothing twice). */
    @SqlUpdate("""
            UPDATE milestones SET reached_on = :on, reached_at = :at
            WHERE id = :id AND workspace_id = :ws AND project_id = :project AND reached_on IS NULL""")
    int markReached(@Bind("ws") long workspaceId, @Bind("project") long projectId, @Bind("id") long id,
                    @Bind("on") LocalDate on, @Bind("at") Instant at);
}
