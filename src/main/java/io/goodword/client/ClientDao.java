package io.goodword.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Clients, always within one workspace: a foreign id simply is not found. */
@RegisterConstructorMapper(Client.class)
public interface ClientDao {
    String COLUMNS = "id, workspace_id, name, email, company, phone, tags, notes, language, unsubscribed_at, created_at, updated_at";

    /**
     * The client list's search and tag, only those in use (an empty {@code q} or {@code tag} is none; the values stay
     * bound as {@code :like} and {@code :tag}), for statements defining it as {@code <filter>}: the list and the
     * referral ambassadors page. Written as "(:q = '' OR …)", MariaDB planned before folding it away, so every page
     * and count read the workspace's clients through the conditions (bench/admin.sh, 100,000 clients: the first
     * page 48 -> 15 ms, the count 97 -> 49 ms).
     */
    static String filter(String q, String tag) {
        return "WHERE workspace_id = :ws" + (q.isEmpty() ? "" : " AND (name LIKE :like OR email LIKE :like OR company LIKE :like)")
                + (tag.isEmpty() ? "" : " AND FIND_IN_SET(:tag, tags) > 0");
    }

    @SqlUpdate("""
            INSERT INTO clients (workspace_id, name, email, company, phone, tags, notes, language)
            VALUES (:workspaceId, :name, :email, :company, :phone, :tags, :notes, :language)""")
    @GetGeneratedKeys
    long insert(@Bind("workspaceId") long workspaceId, @Bind("name") String name, @Bind("email") String email,
                @Bind("company") String company, @Bind("phone") String phone, @Bind("tags") String tags,
                @Bind("notes") String notes, @Bind("language") String language);

    @SqlQuery("SELECT " + COLUMNS + " FROM clients WHERE id = :id AND workspace_id = :ws")
    Optional<Client> findById(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM clients WHERE id = :id AND workspace_id = :ws FOR UPDATE")
    Optional<Client> lockById(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM clients WHERE workspace_id = :ws AND email = :email")
    Optional<Client> findByEmail(@Bind("ws") long workspaceId, @Bind("email") String email);

    @SqlUpdate("""
            UPDATE clients SET name = :name, email = :emailOrNull, company = :company, phone = :phone, tags = :tagList,
                   notes = :notes, language = :language
            WHERE id = :id AND workspace_id = :ws""")
    int update(@Bind("ws") long workspaceId, @Bind("id") long id, @BindMethods ClientForm form);

    /** One page of the list; {@code orderBy} is one of the fixed clauses of {@link ClientQuery.Sort}. */
    @SqlQuery("SELECT " + COLUMNS + " FROM clients <filter> ORDER BY <orderBy> LIMIT :limit OFFSET :offset")
    @AllowUnusedBindings
    List<Client> search(@Bind("ws") long workspaceId, @Define("filter") String filter, @Bind("like") String like,
                        @Bind("tag") String tag, @Define("orderBy") String orderBy, @Bind("limit") int limit,
                        @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM clients <filter>")
    @AllowUnusedBindings
    int count(@Bind("ws") long workspaceId, @Define("filter") String filter, @Bind("like") String like, @Bind("tag") String tag);

    @SqlQuery("SELECT " + COLUMNS + " FROM clients WHERE workspace_id = :ws ORDER BY name, id")
    List<Client> all(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT tags FROM clients WHERE workspace_id = :ws AND tags <> ''")
    List<String> tagLists(@Bind("ws") long workspaceId);

    /** Unsubscribes once; returns 0 when the client had already unsubscribed. */
    @SqlUpdate("UPDATE clients SET unsubscribed_at = :at WHERE id = :id AND workspace_id = :ws AND unsubscribed_at IS NULL")
    int unsubscribe(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("at") Instant at);

    // ---- follow-up tasks on the client page ----

    @SqlQuery("""
            SELECT id, workspace_id, client_id, ask_id, score, body, done_at, created_at FROM client_tasks
            WHERE workspace_id = :ws AND client_id = :client ORDER BY done_at IS NULL DESC, created_at DESC""")
    @RegisterConstructorMapper(ClientTask.class)
    List<ClientTask> tasks(@Bind("ws") long workspaceId, @Bind("client") long clientId);

    @SqlUpdate("UPDATE client_tasks SET done_at = :at WHERE id = :id AND workspace_id = :ws AND client_id = :client AND done_at IS NULL")
    int completeTask(@Bind("ws") long workspaceId, @Bind("client") long clientId, @Bind("id") long id, @Bind("at") Instant at);

    /** The testimonials this client gave (read-only here; the testimonial feature owns them). */
    @SqlQuery("""
            SELECT id, status, rating, created_at FROM testimonials
            WHERE workspace_id = :ws AND client_id = :client ORDER BY created_at DESC""")
    @RegisterConstructorMapper(ClientTestimonial.class)
    List<ClientTestimonial> testimonials(@Bind("ws") long workspaceId, @Bind("client") long clientId);
}
