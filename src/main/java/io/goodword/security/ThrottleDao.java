package io.goodword.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The rate-limit counters: one row per counted event. */
public interface ThrottleDao {
    @SqlUpdate("INSERT INTO throttle_events (bucket, subject, at) VALUES (:bucket, :subject, :at)")
    @GetGeneratedKeys("id")
    long insert(@Bind("bucket") String bucket, @Bind("subject") String subject, @Bind("at") Instant at);

    @SqlQuery("SELECT COUNT(*) FROM throttle_events WHERE bucket = :bucket AND subject = :subject AND at > :since")
    int count(@Bind("bucket") String bucket, @Bind("subject") String subject, @Bind("since") Instant since);

    @SqlQuery("SELECT MIN(at) FROM throttle_events WHERE bucket = :bucket AND subject = :subject AND at > :since")
    Optional<Instant> oldest(@Bind("bucket") String bucket, @Bind("subject") String subject, @Bind("since") Instant since);

    @SqlUpdate("DELETE FROM throttle_events WHERE id IN (<ids>)")
    int delete(@BindList("ids") List<Long> ids);

    @SqlUpdate("DELETE FROM throttle_events WHERE bucket = :bucket AND subject = :subject")
    int clear(@Bind("bucket") String bucket, @Bind("subject") String subject);

    @SqlUpdate("DELETE FROM throttle_events WHERE at < :before LIMIT 10000")
    int purgeBefore(@Bind("before") Instant before);
}
