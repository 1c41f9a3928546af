package io.goodword.client;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Clients, always within one workspace: a foreign id simply is not found. */
@RegisterConstructorMapper(Client.class)
public interface ClientDao {
    String COLUMNS = "id, workspace_id, name, email, company, phone, tags, notes, language, unsubscribed_at, created_at, updated_at";

    @SqlUpdate("""
            INSERT INTO clients (workspace_id, name, email, company, phone, tags, notes, language)
            VALUES (:workspaceId, :name, :email, :company, :phone, :tags, :notes, :language)""")
    @GetGeneratedKeys
    long insert(@Bind("workspaceId") long workspaceId, @Bind("name") String name, @Bind("email") String email,
                @Bind("company") String company, @Bind("phone") String phone, @Bind("tags") String tags,
                @Bind("notes") String notes, @Bind("language") String language);

    @SqlQuery("SELECT " + COLUMNS + " FROM clients WHERE id = :id AND workspace_id = :ws")
    Optional<Client> findById(@Bind("ws") long workspaceId, @Bind("id") long id);
}
