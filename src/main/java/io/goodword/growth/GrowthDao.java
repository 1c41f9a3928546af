package io.goodword.growth;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Every dashboard figure is one SQL aggregate over [from, to) on an index that starts with workspace_id and the
 * event's date (see V52); nothing is counted in Java.
 */
public interface GrowthDao {
    record AskCounts(int sent, int opened, int answered) {}

    record Nps(int promoters, int passives, int detractors) {
        public int answers() { return promoters + passives + detractors; }
    }

    record Testimonials(int received, int approved, BigDecimal averageRating) {}

    record Referrals(int links, int visits, int leads, int qualified, int won, BigDecimal revenue) {}

    record Rewards(int owedCount, BigDecimal owed, int paidCount, BigDecimal paid) {}

    record Ambassador(long clientId, String name, int leads, int won, BigDecimal revenue) {}

    record DelayBucket(int bucket, int sent, int answered, int promoters) {}

    @SqlQuery("""
            SELECT COUNT(*) AS sent, COUNT(opened_at) AS opened, COUNT(answered_at) AS answered
            FROM asks WHERE workspace_id = :ws AND sent_at >= :from AND sent_at < :to""")
    @RegisterConstructorMapper(AskCounts.class)
    AskCounts asks(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            SELECT COALESCE(SUM(score >= 9), 0) AS promoters, COALESCE(SUM(score BETWEEN 7 AND 8), 0) AS passives,
                   COALESCE(SUM(score <= 6), 0) AS detractors
            FROM asks WHERE workspace_id = :ws AND answered_at >= :from AND answered_at < :to AND score IS NOT NULL""")
    @RegisterConstructorMapper(Nps.class)
    Nps nps(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            SELECT (SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to) AS received,
                   (SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws AND approved_at >= :from AND approved_at < :to
                           AND status = 'approved') AS approved,
                   (SELECT AVG(rating) FROM testimonials WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to) AS average_rating""")
    @RegisterConstructorMapper(Testimonials.class)
    Testimonials testimonials(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            SELECT (SELECT COUNT(*) FROM referral_links WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to) AS links,
                   (SELECT COUNT(*) FROM referral_visits WHERE workspace_id = :ws AND visited_at >= :from AND visited_at < :to) AS visits,
                   (SELECT COUNT(*) FROM referral_leads WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to) AS leads,
                   (SELECT COUNT(*) FROM referral_leads WHERE workspace_id = :ws AND qualified_at >= :from AND qualified_at < :to) AS qualified,
                   (SELECT COUNT(*) FROM referral_leads WHERE workspace_id = :ws AND won_at >= :from AND won_at < :to) AS won,
                   (SELECT COALESCE(SUM(deal_value), 0) FROM referral_leads
                     WHERE workspace_id = :ws AND won_at >= :from AND won_at < :to) AS revenue""")
    @RegisterConstructorMapper(Referrals.class)
    Referrals referrals(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            SELECT (SELECT COUNT(*) FROM referral_rewards WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to
                           AND status IN ('PENDING', 'APPROVED')) AS owed_count,
                   (SELECT COALESCE(SUM(amount), 0) FROM referral_rewards WHERE workspace_id = :ws AND created_at >= :from
                           AND created_at < :to AND status IN ('PENDING', 'APPROVED')) AS owed,
                   (SELECT COUNT(*) FROM referral_rewards WHERE workspace_id = :ws AND fulfilled_at >= :from AND fulfilled_at < :to) AS paid_count,
                   (SELECT COALESCE(SUM(amount), 0) FROM referral_rewards
                     WHERE workspace_id = :ws AND fulfilled_at >= :from AND fulfilled_at < :to) AS paid""")
    @RegisterConstructorMapper(Rewards.class)
    Rewards rewards(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to);

    @SqlQuery("""
            SELECT l.referrer_client_id AS client_id, c.name, COUNT(*) AS leads, COALESCE(SUM(l.status = 'WON'), 0) AS won,
                   COALESCE(SUM(CASE WHEN l.status = 'WON' THEN l.deal_value END), 0) AS revenue
            FROM referral_leads l
            JOIN clients c ON c.id = l.referrer_client_id AND c.workspace_id = l.workspace_id
            WHERE l.workspace_id = :ws AND l.created_at >= :from AND l.created_at < :to AND l.referrer_client_id IS NOT NULL
            GROUP BY l.referrer_client_id, c.name
            ORDER BY won DESC, revenue DESC, leads DESC, c.name
            LIMIT :limit""")
    @RegisterConstructorMapper(Ambassador.class)
    List<Ambassador> topAmbassadors(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to,
                                    @Bind("limit") int limit);

    /**
     * Check-ins sent since {@code since}, by whole days between the moment of satisfaction (milestone reached or project
     * completed) and the send: buckets 0 = 0–1 days, 1 = 2–3, 2 = 4–7, 3 = 8–14, 4 = 15–30, 5 = 31 and more.
     */
    @SqlQuery("""
            SELECT CASE WHEN d < 2 THEN 0 WHEN d < 4 THEN 1 WHEN d < 8 THEN 2 WHEN d < 15 THEN 3 WHEN d < 31 THEN 4 ELSE 5 END AS bucket,
                   COUNT(*) AS sent, COUNT(answered_at) AS answered, COALESCE(SUM(score >= 9), 0) AS promoters
            FROM (SELECT TIMESTAMPDIFF(HOUR, COALESCE(m.reached_at, p.completed_at), a.sent_at) DIV 24 AS d,
                         a.answered_at, a.score
                  FROM asks a
                  LEFT JOIN projects p ON p.id = a.project_id AND p.workspace_id = a.workspace_id
                  LEFT JOIN milestones m ON m.id = a.milestone_id AND m.workspace_id = a.workspace_id
                  WHERE a.workspace_id = :ws AND a.sent_at >= :since
                    AND COALESCE(m.reached_at, p.completed_at) IS NOT NULL
                    AND a.sent_at >= COALESCE(m.reached_at, p.completed_at)) x
            GROUP BY bucket ORDER BY bucket""")
    @RegisterConstructorMapper(DelayBucket.class)
    List<DelayBucket> answersByDelay(@Bind("ws") long ws, @Bind("since") Instant since);

    /** Records a visit of an ambassador's link by its code (nothing about the visitor). */
    @SqlUpdate("INSERT INTO referral_visits (workspace_id, link_id, visited_at) SELECT workspace_id, id, :at FROM referral_links WHERE code = :code")
    int recordVisit(@Bind("code") String code, @Bind("at") Instant at);
}
