package io.goodword.ask;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The daily counters of check-ins (V68) and what one check-in adds to them; see {@link AskTallies}. */
@RegisterConstructorMapper(AskTallyDao.Facts.class)
public interface AskTallyDao {
    /**
     * The "when to ask" bucket of a check-in's delay: 0 = 0–1 days, 1 = 2–3, 2 = 4–7, 3 = 8–14, 4 = 15–30, 5 = 31 and
     * more, -1 = no delay stored (sent by hand). The one definition, used when counting one check-in and all of them.
     */
    String BUCKET = """
            CASE WHEN delay_hours IS NULL THEN -1 WHEN delay_hours < 48 THEN 0 WHEN delay_hours < 96 THEN 1
                 WHEN delay_hours < 192 THEN 2 WHEN delay_hours < 360 THEN 3 WHEN delay_hours < 744 THEN 4 ELSE 5 END""";

    /** What one check-in is, as far as the counters go. */
    record Facts(Instant sentAt, int bucket, boolean opened, Instant answeredAt, Integer score, boolean gaveTestimonial) {}

    /** The zone the workspace's counters were built for ('' = not built). */
    @SqlQuery("SELECT zone FROM ask_tallies WHERE workspace_id = :ws")
    Optional<String> zone(@Bind("ws") long ws);

    /** The same, shared-locked against a recount. */
    @SqlQuery("SELECT zone FROM ask_tallies WHERE workspace_id = :ws LOCK IN SHARE MODE")
    Optional<String> zoneShared(@Bind("ws") long ws);

    /** The same, locked for a recount. */
    @SqlQuery("SELECT zone FROM ask_tallies WHERE workspace_id = :ws FOR UPDATE")
    Optional<String> zoneExclusive(@Bind("ws") long ws);

    @SqlUpdate("INSERT IGNORE INTO ask_tallies (workspace_id, zone) VALUES (:ws, '')")
    void ensureRow(@Bind("ws") long ws);

    @SqlUpdate("DELETE FROM ask_tallies WHERE workspace_id = :ws")
    void forget(@Bind("ws") long ws);

    @SqlUpdate("UPDATE ask_tallies SET zone = :zone WHERE workspace_id = :ws")
    void built(@Bind("ws") long ws, @Bind("zone") String zone);

    @SqlQuery("SELECT sent_at, " + BUCKET + """
             AS bucket, opened_at IS NOT NULL AS opened, answered_at, score, gave_testimonial
            FROM asks WHERE id = :id AND workspace_id = :ws FOR UPDATE""")
    Optional<Facts> facts(@Bind("ws") long ws, @Bind("id") long askId);

    @SqlUpdate("""
            INSERT INTO ask_sent_days (workspace_id, day, delay_bucket, sent, opened, answered, promoters, testimonials)
            VALUES (:ws, :day, :bucket, :sent, :opened, :answered, :promoters, :testimonials)
            ON DUPLICATE KEY UPDATE sent = sent + VALUES(sent), opened = opened + VALUES(opened),
                answered = answered + VALUES(answered), promoters = promoters + VALUES(promoters),
                testimonials = testimonials + VALUES(testimonials)""")
    void addSent(@Bind("ws") long ws, @Bind("day") LocalDate day, @Bind("bucket") int bucket, @Bind("sent") int sent,
                 @Bind("opened") int opened, @Bind("answered") int answered, @Bind("promoters") int promoters,
                 @Bind("testimonials") int testimonials);

    @SqlUpdate("""
            INSERT INTO ask_answer_days (workspace_id, day, promoters, passives, detractors)
            VALUES (:ws, :day, :promoters, :passives, :detractors)
            ON DUPLICATE KEY UPDATE promoters = promoters + VALUES(promoters), passives = passives + VALUES(passives),
                detractors = detractors + VALUES(detractors)""")
    void addAnswer(@Bind("ws") long ws, @Bind("day") LocalDate day, @Bind("promoters") int promoters,
                   @Bind("passives") int passives, @Bind("detractors") int detractors);

    // ---- recount of a whole workspace ----

    @SqlUpdate("DELETE FROM ask_sent_days WHERE workspace_id = :ws")
    void clearSent(@Bind("ws") long ws);

    @SqlUpdate("DELETE FROM ask_answer_days WHERE workspace_id = :ws")
    void clearAnswers(@Bind("ws") long ws);

    record Span(Instant first, Instant last) {}

    @SqlQuery("SELECT MIN(sent_at) AS first, MAX(sent_at) AS last FROM asks WHERE workspace_id = :ws AND sent_at IS NOT NULL")
    @RegisterConstructorMapper(Span.class)
    Span sentSpan(@Bind("ws") long ws);

    @SqlQuery("SELECT MIN(answered_at) AS first, MAX(answered_at) AS last FROM asks WHERE workspace_id = :ws AND answered_at IS NOT NULL")
    @RegisterConstructorMapper(Span.class)
    Span answeredSpan(@Bind("ws") long ws);

    /**
     * Counts the check-ins sent in [from, to), a stretch in which the workspace's zone is {@code offset} seconds
     * from UTC (no DST change inside), onto the workspace's days; a day cut by a change gets both parts added.
     */
    @SqlUpdate("INSERT INTO ask_sent_days (workspace_id, day, delay_bucket, sent, opened, answered, promoters, testimonials) "
            + "SELECT workspace_id, DATE(sent_at + INTERVAL :offset SECOND) AS d, " + BUCKET + """
             AS b, COUNT(*), COALESCE(SUM(opened_at IS NOT NULL OR answered_at IS NOT NULL), 0), COUNT(answered_at),
                   COALESCE(SUM(answered_at IS NOT NULL AND score >= 9), 0),
                   COALESCE(SUM(answered_at IS NOT NULL AND gave_testimonial = 1), 0)
            FROM asks FORCE INDEX (ix_asks_cohort) WHERE workspace_id = :ws AND sent_at >= :from AND sent_at < :to
            GROUP BY workspace_id, d, b
            ON DUPLICATE KEY UPDATE sent = sent + VALUES(sent), opened = opened + VALUES(opened),
                answered = answered + VALUES(answered), promoters = promoters + VALUES(promoters),
                testimonials = testimonials + VALUES(testimonials)""")
    void countSent(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to, @Bind("offset") int offset);

    /** As {@link #countSent}, for the scores given in [from, to). */
    @SqlUpdate("""
            INSERT INTO ask_answer_days (workspace_id, day, promoters, passives, detractors)
            SELECT workspace_id, DATE(answered_at + INTERVAL :offset SECOND) AS d, COALESCE(SUM(score >= 9), 0),
                   COALESCE(SUM(score BETWEEN 7 AND 8), 0), COALESCE(SUM(score <= 6), 0)
            FROM asks FORCE INDEX (ix_asks_answered_score)
            WHERE workspace_id = :ws AND answered_at >= :from AND answered_at < :to AND score IS NOT NULL
            GROUP BY workspace_id, d
            ON DUPLICATE KEY UPDATE promoters = promoters + VALUES(promoters), passives = passives + VALUES(passives),
                detractors = detractors + VALUES(detractors)""")
    void countAnswers(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to, @Bind("offset") int offset);
}
