package io.goodword.security;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Ids of rendered forms whose submission was stored (see {@link FormGuard.Once}). */
public interface FormUseDao {
    /** 1 the first time; 0 when the id was stored already (waits for a concurrent transaction holding it). */
    @SqlUpdate("INSERT IGNORE INTO form_uses (form_id, used_at) VALUES (:id, :at)")
    int record(@Bind("id") String formId, @Bind("at") Instant at);

    @SqlUpdate("DELETE FROM form_uses WHERE used_at < :before LIMIT 10000")
    int purgeBefore(@Bind("before") Instant before);
}
