package io.goodword.growth;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The dashboard's check-in figures, from counters the database keeps with every change of a check-in (V72), in
 * three parts: the period's whole UTC days ({@link Period#daysFrom()} to {@link Period#daysTo()}) from the daily
 * counters, the whole UTC hours before and after them (at most 23 each) from the hourly ones, and the partial hours
 * at either end (a zone whose midnight is not on a UTC hour) from asks themselves, on an index that covers what they
 * read. A year is thus ~365 rows per delay bucket, not ~8,760.
 */
public interface AskFiguresDao {
    /**
     * The cohort of check-ins sent in the period and what became of each: opened (an answer implies an opening),
     * answered, promoters among the answers, and a testimonial given through that very check-in. Each step is a
     * subset of the one before (promoters aside, which is a share of the answers), so no step can pass 100 %.
     */
    record AskCohort(int sent, int opened, int answered, int promoters, int testimonials) {}

    record Nps(int promoters, int passives, int detractors) {
        public int answers() { return promoters + passives + detractors; }
    }

    record DelayBucket(int bucket, int sent, int answered, int promoters) {}

    /** Each column as the triggers of V72 count it. */
    @SqlQuery("""
            SELECT COALESCE(SUM(sent), 0) AS sent, COALESCE(SUM(opened), 0) AS opened, COALESCE(SUM(answered), 0) AS answered,
                   COALESCE(SUM(promoters), 0) AS promoters, COALESCE(SUM(testimonials), 0) AS testimonials
            FROM (SELECT sent, opened, answered, promoters, testimonials FROM ask_sent_utc_days
                  WHERE workspace_id = :ws AND day >= :p.daysFrom AND day < :p.daysTo
                  UNION ALL
                  SELECT sent, opened, answered, promoters, testimonials FROM ask_sent_hours
                  WHERE workspace_id = :ws AND (hour >= :p.hoursFrom AND hour < :p.daysFrom
                                                OR hour >= :p.daysTo AND hour < :p.hoursTo)
                  UNION ALL
                  SELECT 1, opened_at IS NOT NULL OR answered_at IS NOT NULL, answered_at IS NOT NULL,
                         answered_at IS NOT NULL AND score IS NOT NULL AND score >= 9,
                         answered_at IS NOT NULL AND gave_testimonial
                  FROM asks FORCE INDEX (ix_asks_cohort)
                  WHERE workspace_id = :ws AND (sent_at >= :p.from AND sent_at < :p.hoursFrom
                                                OR sent_at >= :p.hoursTo AND sent_at < :p.to)) x""")
    @RegisterConstructorMapper(AskCohort.class)
    AskCohort asks(@Bind("ws") long ws, @BindMethods("p") Period p);

    /**
     * The scores given in the period (by the time of the answer). The NPS trend asks this of each month, a period of
     * the workspace's own days, so a month is cut at the workspace's midnights, partial hours included.
     */
    @SqlQuery("""
            SELECT COALESCE(SUM(promoters), 0) AS promoters, COALESCE(SUM(passives), 0) AS passives,
                   COALESCE(SUM(detractors), 0) AS detractors
            FROM (SELECT promoters, passives, detractors FROM ask_answer_utc_days
                  WHERE workspace_id = :ws AND day >= :p.daysFrom AND day < :p.daysTo
                  UNION ALL
                  SELECT promoters, passives, detractors FROM ask_answer_hours
                  WHERE workspace_id = :ws AND (hour >= :p.hoursFrom AND hour < :p.daysFrom
                                                OR hour >= :p.daysTo AND hour < :p.hoursTo)
                  UNION ALL
                  SELECT score >= 9, score BETWEEN 7 AND 8, score <= 6 FROM asks FORCE INDEX (ix_asks_answered_score)
                  WHERE workspace_id = :ws AND (answered_at >= :p.from AND answered_at < :p.hoursFrom
                                                OR answered_at >= :p.hoursTo AND answered_at < :p.to)
                    AND score IS NOT NULL) x""")
    @RegisterConstructorMapper(Nps.class)
    Nps nps(@Bind("ws") long ws, @BindMethods("p") Period p);

    /**
     * Check-ins sent in the period by the delay each went out after (stored when sent, V59), in the buckets of
     * {@code asks.delay_bucket} (V72): 0 = 0–1 days, 1 = 2–3, 2 = 4–7, 3 = 8–14, 4 = 15–30, 5 = 31 and more.
     * Check-ins without a delay (sent by hand, bucket -1) are left out, and so is a bucket with none sent (its counter
     * rows may remain, at zero, after a check-in was moved or deleted).
     */
    @SqlQuery("""
            SELECT bucket, SUM(sent) AS sent, SUM(answered) AS answered, SUM(promoters) AS promoters
            FROM (SELECT delay_bucket AS bucket, sent, answered, promoters FROM ask_sent_utc_days
                  WHERE workspace_id = :ws AND day >= :p.daysFrom AND day < :p.daysTo AND delay_bucket >= 0
                  UNION ALL
                  SELECT delay_bucket, sent, answered, promoters FROM ask_sent_hours
                  WHERE workspace_id = :ws AND (hour >= :p.hoursFrom AND hour < :p.daysFrom
                                                OR hour >= :p.daysTo AND hour < :p.hoursTo) AND delay_bucket >= 0
                  UNION ALL
                  SELECT delay_bucket, 1, answered_at IS NOT NULL, answered_at IS NOT NULL AND score IS NOT NULL AND score >= 9
                  FROM asks FORCE INDEX (ix_asks_cohort)
                  WHERE workspace_id = :ws AND (sent_at >= :p.from AND sent_at < :p.hoursFrom
                                                OR sent_at >= :p.hoursTo AND sent_at < :p.to) AND delay_bucket >= 0) x
            GROUP BY bucket HAVING SUM(sent) <> 0 ORDER BY bucket""")
    @RegisterConstructorMapper(DelayBucket.class)
    List<DelayBucket> answersByDelay(@Bind("ws") long ws, @BindMethods("p") Period p);
}
