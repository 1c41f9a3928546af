package io.goodword.growth;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The dashboard's check-in figures, added up from the daily counters that every change of a check-in keeps true
 * (V68, ask/AskTallies): a period is a range of the workspace's days, so a year is at most 365 rows per delay bucket
 * instead of every check-in sent in it. Call {@code AskTallies.ready} first.
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

    record MonthNps(int year, int month, int promoters, int passives, int detractors) {
        Nps nps() { return new Nps(promoters, passives, detractors); }
    }

    record DelayBucket(int bucket, int sent, int answered, int promoters) {}

    @SqlQuery("""
            SELECT COALESCE(SUM(sent), 0) AS sent, COALESCE(SUM(opened), 0) AS opened, COALESCE(SUM(answered), 0) AS answered,
                   COALESCE(SUM(promoters), 0) AS promoters, COALESCE(SUM(testimonials), 0) AS testimonials
            FROM ask_sent_days WHERE workspace_id = :ws AND day >= :first AND day <= :last""")
    @RegisterConstructorMapper(AskCohort.class)
    AskCohort asks(@Bind("ws") long ws, @Bind("first") LocalDate first, @Bind("last") LocalDate last);

    /** The scores given in the period (by the day of the answer). */
    @SqlQuery("""
            SELECT COALESCE(SUM(promoters), 0) AS promoters, COALESCE(SUM(passives), 0) AS passives,
                   COALESCE(SUM(detractors), 0) AS detractors
            FROM ask_answer_days WHERE workspace_id = :ws AND day >= :first AND day <= :last""")
    @RegisterConstructorMapper(Nps.class)
    Nps nps(@Bind("ws") long ws, @Bind("first") LocalDate first, @Bind("last") LocalDate last);

    /** The scores given in each month of [first, last] that has any. */
    @SqlQuery("""
            SELECT YEAR(day) AS year, MONTH(day) AS month, SUM(promoters) AS promoters, SUM(passives) AS passives,
                   SUM(detractors) AS detractors
            FROM ask_answer_days WHERE workspace_id = :ws AND day >= :first AND day <= :last
            GROUP BY YEAR(day), MONTH(day)""")
    @RegisterConstructorMapper(MonthNps.class)
    List<MonthNps> npsByMonth(@Bind("ws") long ws, @Bind("first") LocalDate first, @Bind("last") LocalDate last);

    /**
     * Check-ins sent since {@code since} by the delay each went out after (stored when sent, V59), in the buckets of
     * {@code AskTallyDao.BUCKET}: 0 = 0–1 days, 1 = 2–3, 2 = 4–7, 3 = 8–14, 4 = 15–30, 5 = 31 and more. Check-ins
     * without a delay (sent by hand) are left out.
     */
    @SqlQuery("""
            SELECT delay_bucket AS bucket, SUM(sent) AS sent, SUM(answered) AS answered, SUM(promoters) AS promoters
            FROM ask_sent_days WHERE workspace_id = :ws AND day >= :since AND delay_bucket >= 0
            GROUP BY delay_bucket ORDER BY delay_bucket""")
    @RegisterConstructorMapper(DelayBucket.class)
    List<DelayBucket> answersByDelay(@Bind("ws") long ws, @Bind("since") LocalDate since);
}
