package io.goodword.growth;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Every dashboard figure but the check-ins' ({@link AskFiguresDao}) is one SQL aggregate over [from, to): the
 * testimonials', the referrals' and the revenue's over counters the database keeps by the UTC day and hour (V73,
 * V70, V71), the others on an index that starts with workspace_id and the event's date (see V52, V59); nothing is
 * counted in Java. Money is always grouped by currency: amounts in different currencies are never added.
 */
public interface GrowthDao {
    record Testimonials(int received, int approved, BigDecimal averageRating) {}

    /**
     * Links shared (first used) and visits in the period; the cohort of leads created in it, referred by an ambassador
     * or arriving directly (no referrer), and how many of the referred ones were qualified and won.
     */
    record Referrals(int links, int visits, int referredLeads, int directLeads, int qualified, int won) {
        boolean none() { return links == 0 && visits == 0 && referredLeads == 0 && directLeads == 0 && qualified == 0 && won == 0; }
    }

    /** A sum of money in one currency, with the number of rows behind it. */
    record Money(String currency, int count, BigDecimal amount) {}

    /** Won deals of the period by whether an ambassador referred them, per currency. */
    record Deals(boolean referred, String currency, int count, BigDecimal amount) {}

    /** Project revenue of the period by where the client came from (repeat, referred, direct), per currency. */
    record Revenue(String origin, String currency, int projects, long cents) {}

    record Clients(int clients, int repeatClients) {}

    record Ambassador(long clientId, String name, int leads, int won) {}

    /** Revenue of one ambassador in one currency: from their won deals, or from the projects of clients they brought. */
    record AmbassadorMoney(long clientId, String name, String currency, int count, BigDecimal amount) {}

    /**
     * Received (and their average rating) by the time created, approved by the time approved, in three parts as in
     * {@link AskFiguresDao}: the period's whole UTC days ({@link Period#daysFrom()} to {@link Period#daysTo()}) from the
     * daily counters (V73), the whole UTC hours before and after them (at most 23 each) from the hourly ones (V70), and
     * the partial hours at either end (a zone whose midnight is not on a UTC hour) from the testimonials themselves.
     * A year is thus ~365 counter rows, not ~8,760.
     */
    @SqlQuery("""
            SELECT COALESCE(SUM(received), 0) AS received, COALESCE(SUM(approved), 0) AS approved,
                   SUM(rating_sum) / NULLIF(SUM(received), 0) AS average_rating
            FROM (SELECT received, rating_sum, approved FROM testimonial_utc_days
                  WHERE workspace_id = :ws AND day >= :p.daysFrom AND day < :p.daysTo
                  UNION ALL
                  SELECT received, rating_sum, approved FROM testimonial_hours
                  WHERE workspace_id = :ws AND (hour >= :p.hoursFrom AND hour < :p.daysFrom
                                                OR hour >= :p.daysTo AND hour < :p.hoursTo)
                  UNION ALL
                  SELECT 1, rating, 0 FROM testimonials FORCE INDEX (ix_testimonials_received)
                  WHERE workspace_id = :ws AND (created_at >= :p.from AND created_at < :p.hoursFrom
                                                OR created_at >= :p.hoursTo AND created_at < :p.to)
                  UNION ALL
                  SELECT 0, 0, 1 FROM testimonials FORCE INDEX (ix_testimonials_approved_status)
                  WHERE workspace_id = :ws AND status = 'approved'
                    AND (approved_at >= :p.from AND approved_at < :p.hoursFrom
                         OR approved_at >= :p.hoursTo AND approved_at < :p.to)) x""")
    @RegisterConstructorMapper(Testimonials.class)
    Testimonials testimonials(@Bind("ws") long ws, @BindMethods("p") Period p);

    /** As {@link #testimonials}: whole days (V73) and hours (V70) from the counters, the partial hours from the rows. */
    @SqlQuery("""
            SELECT COALESCE(SUM(links), 0) AS links, COALESCE(SUM(visits), 0) AS visits,
                   COALESCE(SUM(referred_leads), 0) AS referred_leads, COALESCE(SUM(direct_leads), 0) AS direct_leads,
                   COALESCE(SUM(qualified), 0) AS qualified, COALESCE(SUM(won), 0) AS won
            FROM (SELECT links, visits, referred_leads, direct_leads, qualified, won FROM referral_utc_days
                  WHERE workspace_id = :ws AND day >= :p.daysFrom AND day < :p.daysTo
                  UNION ALL
                  SELECT links, visits, referred_leads, direct_leads, qualified, won FROM referral_hours
                  WHERE workspace_id = :ws AND (hour >= :p.hoursFrom AND hour < :p.daysFrom
                                                OR hour >= :p.daysTo AND hour < :p.hoursTo)
                  UNION ALL
                  SELECT 1, 0, 0, 0, 0, 0 FROM referral_links FORCE INDEX (ix_referral_links_used)
                  WHERE workspace_id = :ws AND (used_at >= :p.from AND used_at < :p.hoursFrom
                                                OR used_at >= :p.hoursTo AND used_at < :p.to)
                  UNION ALL
                  SELECT 0, 1, 0, 0, 0, 0 FROM referral_visits FORCE INDEX (ix_referral_visits)
                  WHERE workspace_id = :ws AND (visited_at >= :p.from AND visited_at < :p.hoursFrom
                                                OR visited_at >= :p.hoursTo AND visited_at < :p.to)
                  UNION ALL
                  SELECT 0, 0, referrer_client_id IS NOT NULL, referrer_client_id IS NULL,
                         referrer_client_id IS NOT NULL AND (qualified_at IS NOT NULL OR won_at IS NOT NULL),
                         referrer_client_id IS NOT NULL AND won_at IS NOT NULL
                  FROM referral_leads FORCE INDEX (ix_referral_leads_cohort)
                  WHERE workspace_id = :ws AND (created_at >= :p.from AND created_at < :p.hoursFrom
                                                OR created_at >= :p.hoursTo AND created_at < :p.to)) x""")
    @RegisterConstructorMapper(Referrals.class)
    Referrals referrals(@Bind("ws") long ws, @BindMethods("p") Period p);

    /** Deals won in the period; a value entered before deals had a currency is in the workspace's currency. */
    @SqlQuery("""
            SELECT referrer_client_id IS NOT NULL AS referred,
                   COALESCE(NULLIF(deal_currency, ''), (SELECT currency FROM workspaces WHERE id = :ws)) AS currency,
                   COUNT(*) AS count, SUM(deal_value) AS amount
            FROM referral_leads FORCE INDEX (ix_referral_leads_won_money)
            WHERE workspace_id = :ws AND won_at >= :from AND won_at < :to AND deal_value IS NOT NULL
            GROUP BY referred, currency ORDER BY referred DESC, currency""")
    @RegisterConstructorMapper(Deals.class)
    List<Deals> deals(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to);

    /**
     * Rewards owed (created in the period, still pending or approved), per currency. Only money-valued rewards count:
     * an amount with a currency; a percentage ("10 % discount"), a gift or a text reward is not money.
     */
    @SqlQuery("""
            SELECT currency, COUNT(*) AS count, SUM(amount) AS amount
            FROM referral_rewards FORCE INDEX (ix_referral_rewards_owed_money)
            WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to AND status IN ('pending', 'approved')
              AND reward_type <> 'percent' AND amount IS NOT NULL AND CHAR_LENGTH(currency) = 3
            GROUP BY currency ORDER BY currency""")
    @RegisterConstructorMapper(Money.class)
    List<Money> rewardsOwed(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to);

    /** Rewards paid out (fulfilled) in the period, per currency; money-valued only, as {@link #rewardsOwed}. */
    @SqlQuery("""
            SELECT currency, COUNT(*) AS count, SUM(amount) AS amount
            FROM referral_rewards FORCE INDEX (ix_referral_rewards_paid_money)
            WHERE workspace_id = :ws AND fulfilled_at >= :from AND fulfilled_at < :to
              AND reward_type <> 'percent' AND amount IS NOT NULL AND CHAR_LENGTH(currency) = 3
            GROUP BY currency ORDER BY currency""")
    @RegisterConstructorMapper(Money.class)
    List<Money> rewardsPaid(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to);

    /**
     * Projects booked (added) in the period with a value, by their client's origin and currency: as
     * {@link #testimonials}, whole days (V73) and hours (V71) from the counters, the partial hours from the projects.
     */
    @SqlQuery("""
            SELECT origin, currency, SUM(projects) AS projects, SUM(cents) AS cents
            FROM (SELECT origin, currency, projects, cents FROM revenue_utc_days
                  WHERE workspace_id = :ws AND day >= :p.daysFrom AND day < :p.daysTo
                  UNION ALL
                  SELECT origin, currency, projects, cents FROM revenue_hours
                  WHERE workspace_id = :ws AND (hour >= :p.hoursFrom AND hour < :p.daysFrom
                                                OR hour >= :p.daysTo AND hour < :p.hoursTo)
                  UNION ALL
                  SELECT origin, currency, 1, value_cents FROM projects FORCE INDEX (ix_projects_revenue)
                  WHERE workspace_id = :ws AND (created_at >= :p.from AND created_at < :p.hoursFrom
                                                OR created_at >= :p.hoursTo AND created_at < :p.to) AND value_cents IS NOT NULL) x
            GROUP BY origin, currency HAVING SUM(projects) <> 0 ORDER BY currency, origin""")
    @RegisterConstructorMapper(Revenue.class)
    List<Revenue> revenue(@Bind("ws") long ws, @BindMethods("p") Period p);

    /** Clients with a project booked in the period, and how many of them had worked with the freelancer before. */
    @SqlQuery("""
            SELECT COUNT(DISTINCT client_id) AS clients, COUNT(DISTINCT CASE WHEN origin = 'repeat' THEN client_id END) AS repeat_clients
            FROM projects FORCE INDEX (ix_projects_revenue)
            WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to""")
    @RegisterConstructorMapper(Clients.class)
    Clients clients(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to);

    /**
     * The ambassadors whose referred leads of the period went furthest, ties by name. Only the groups that can make
     * the list (ranked within the first {@code limit}, ties sharing a rank) are joined to their client for the name.
     */
    @SqlQuery("""
            SELECT g.client_id, c.name, g.leads, g.won
            FROM (SELECT referrer_client_id AS client_id, COUNT(*) AS leads, COALESCE(SUM(won_at IS NOT NULL), 0) AS won,
                         RANK() OVER (ORDER BY COALESCE(SUM(won_at IS NOT NULL), 0) DESC, COUNT(*) DESC) AS place
                  FROM referral_leads FORCE INDEX (ix_referral_leads_cohort)
                  WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to AND referrer_client_id IS NOT NULL
                  GROUP BY referrer_client_id) g
            JOIN clients c ON c.id = g.client_id AND c.workspace_id = :ws
            WHERE g.place <= :limit
            ORDER BY g.won DESC, g.leads DESC, c.name, g.client_id
            LIMIT :limit""")
    @RegisterConstructorMapper(Ambassador.class)
    List<Ambassador> topAmbassadors(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to,
                                    @Bind("limit") int limit);

    /** The won deal value of these ambassadors' leads of the period, per currency. */
    @SqlQuery("""
            SELECT l.referrer_client_id AS client_id, '' AS name,
                   COALESCE(NULLIF(l.deal_currency, ''), (SELECT currency FROM workspaces WHERE id = :ws)) AS currency,
                   COUNT(*) AS count, SUM(l.deal_value) AS amount
            FROM referral_leads l FORCE INDEX (ix_referral_leads_cohort)
            WHERE l.workspace_id = :ws AND l.created_at >= :from AND l.created_at < :to
              AND l.referrer_client_id IN (<ids>) AND l.won_at IS NOT NULL AND l.deal_value IS NOT NULL
            GROUP BY l.referrer_client_id, currency ORDER BY l.referrer_client_id, currency""")
    @RegisterConstructorMapper(AmbassadorMoney.class)
    List<AmbassadorMoney> ambassadorDeals(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to,
                                          @BindList("ids") List<Long> ids);

    /**
     * Revenue per ambassador: the value of projects booked in the period by clients they referred, per currency, the
     * largest first. As in {@link #topAmbassadors}, only the groups that can make the list (ranked within the first
     * {@code limit}, ties sharing a rank) are joined to their client for the name.
     */
    @SqlQuery("""
            SELECT g.client_id, c.name, g.currency, g.count, g.amount
            FROM (SELECT referrer_client_id AS client_id, currency, COUNT(*) AS count, SUM(value_cents) / 100 AS amount,
                         RANK() OVER (ORDER BY SUM(value_cents) DESC) AS place
                  FROM projects FORCE INDEX (ix_projects_revenue)
                  WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to AND origin = 'referred'
                    AND referrer_client_id IS NOT NULL AND value_cents IS NOT NULL
                  GROUP BY referrer_client_id, currency) g
            JOIN clients c ON c.id = g.client_id AND c.workspace_id = :ws
            WHERE g.place <= :limit
            ORDER BY g.amount DESC, c.name, g.client_id, g.currency
            LIMIT :limit""")
    @RegisterConstructorMapper(AmbassadorMoney.class)
    List<AmbassadorMoney> revenuePerAmbassador(@Bind("ws") long ws, @Bind("from") Instant from, @Bind("to") Instant to,
                                               @Bind("limit") int limit);

    @SqlQuery("SELECT currency FROM workspaces WHERE id = :ws")
    String currency(@Bind("ws") long ws);

    /** Records a visit of an ambassador's link by its code (nothing about the visitor). */
    @SqlUpdate("INSERT INTO referral_visits (workspace_id, link_id, visited_at) SELECT workspace_id, id, :at FROM referral_links WHERE code = :code")
    int recordVisit(@Bind("code") String code, @Bind("at") Instant at);

    /** A visit is a use: the link counts as shared from its first visit on (unless it was sent or copied before). */
    @SqlUpdate("UPDATE referral_links SET used_at = :at WHERE code = :code AND used_at IS NULL")
    int markVisited(@Bind("code") String code, @Bind("at") Instant at);

    /**
     * Which first steps have happened (the dashboard's checklist) and whether there is anything to chart yet: a
     * check-in, a testimonial, a referral link or a lead. One row of EXISTS probes, each on a workspace_id index.
     */
    record FirstSteps(boolean branded, boolean hasClient, boolean shared, boolean widget, boolean program,
                      boolean anyData) {}

    @SqlQuery("""
            SELECT (w.logo_file IS NOT NULL OR LOWER(w.brand_color) <> LOWER(:defaultColor)) AS branded,
                   EXISTS (SELECT 1 FROM clients c WHERE c.workspace_id = w.id) AS has_client,
                   (EXISTS (SELECT 1 FROM testimonials t WHERE t.workspace_id = w.id)
                    OR EXISTS (SELECT 1 FROM asks a WHERE a.workspace_id = w.id AND a.sent_at IS NOT NULL)) AS shared,
                   w.widget_opened_at IS NOT NULL AS widget,
                   EXISTS (SELECT 1 FROM referral_programs p WHERE p.workspace_id = w.id) AS program,
                   (EXISTS (SELECT 1 FROM asks a WHERE a.workspace_id = w.id)
                    OR EXISTS (SELECT 1 FROM testimonials t WHERE t.workspace_id = w.id)
                    OR EXISTS (SELECT 1 FROM referral_links l WHERE l.workspace_id = w.id)
                    OR EXISTS (SELECT 1 FROM referral_leads d WHERE d.workspace_id = w.id)) AS any_data
            FROM workspaces w WHERE w.id = :ws""")
    @RegisterConstructorMapper(FirstSteps.class)
    FirstSteps firstSteps(@Bind("ws") long workspaceId, @Bind("defaultColor") String defaultBrandColor);
}
