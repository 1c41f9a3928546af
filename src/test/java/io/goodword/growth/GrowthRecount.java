package io.goodword.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The testimonial, referral and revenue figures and counters of one workspace counted straight from the rows, as the
 * dashboard did before V70, for {@link GrowthTalliesIT} to compare with what the database keeps.
 */
final class GrowthRecount {
    /** The counter tables by the UTC hour (V70, V71) or the UTC day (V73), and the rows' time cut to the same. */
    enum Unit {
        HOURS("_hours", "hour", "%Y-%m-%d %H:00:00"), DAYS("_utc_days", "day", "%Y-%m-%d 00:00:00");

        final String suffix;
        final String column;
        final String format;

        Unit(String suffix, String column, String format) {
            this.suffix = suffix;
            this.column = column;
            this.format = format;
        }
    }

    private GrowthRecount() {}

    static GrowthDao.Testimonials testimonials(Handle h, long ws, Period p) {
        Map<String, Object> m = h.createQuery("""
                SELECT COUNT(*) AS received, AVG(rating) AS average,
                       (SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws AND status = 'approved'
                        AND approved_at >= :from AND approved_at < :to) AS approved
                FROM testimonials WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to""")
                .bind("ws", ws).bind("from", p.from()).bind("to", p.to()).mapToMap().one();
        BigDecimal average = (BigDecimal) m.get("average");
        return new GrowthDao.Testimonials(((Number) m.get("received")).intValue(), ((Number) m.get("approved")).intValue(),
                average == null ? null : average.setScale(4, RoundingMode.HALF_UP));
    }

    static List<GrowthDao.Revenue> revenue(Handle h, long ws, Period p) {
        return h.createQuery("""
                SELECT origin, currency, COUNT(*) AS projects, SUM(value_cents) AS cents FROM projects
                WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to AND value_cents IS NOT NULL
                GROUP BY origin, currency ORDER BY currency, origin""")
                .bind("ws", ws).bind("from", p.from()).bind("to", p.to())
                .map((rs, ctx) -> new GrowthDao.Revenue(rs.getString("origin"), rs.getString("currency"), rs.getInt("projects"),
                        rs.getLong("cents"))).list();
    }

    static GrowthDao.Referrals referrals(Handle h, long ws, Period p) {
        return h.createQuery("""
                SELECT (SELECT COUNT(*) FROM referral_links WHERE workspace_id = :ws AND used_at >= :from AND used_at < :to) AS links,
                       (SELECT COUNT(*) FROM referral_visits WHERE workspace_id = :ws AND visited_at >= :from AND visited_at < :to) AS visits,
                       COALESCE(SUM(referrer_client_id IS NOT NULL), 0) AS referred_leads,
                       COALESCE(SUM(referrer_client_id IS NULL), 0) AS direct_leads,
                       COALESCE(SUM(referrer_client_id IS NOT NULL AND (qualified_at IS NOT NULL OR won_at IS NOT NULL)), 0) AS qualified,
                       COALESCE(SUM(referrer_client_id IS NOT NULL AND won_at IS NOT NULL), 0) AS won
                FROM referral_leads WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to""")
                .bind("ws", ws).bind("from", p.from()).bind("to", p.to())
                .map((rs, ctx) -> new GrowthDao.Referrals(rs.getInt("links"), rs.getInt("visits"), rs.getInt("referred_leads"),
                        rs.getInt("direct_leads"), rs.getInt("qualified"), rs.getInt("won"))).one();
    }

    /** Every counter table by {@code unit} equals the rows counted by the same hour or day (zero rows aside). */
    static void assertCountersMatchRows(Handle h, long ws, Unit unit) {
        String at = "CAST(" + unit.column + " AS CHAR) AS at"; // as DATE_FORMAT writes it: "2027-03-20 05:00:00"
        assertThat(kept(h, ws, unit, "SELECT " + at + ", received, rating_sum, approved FROM testimonial" + unit.suffix
                + " WHERE workspace_id = :ws")).as("testimonial" + unit.suffix)
                .isNotEmpty()
                .isEqualTo(kept(h, ws, unit, """
                        SELECT at, SUM(received) AS received, SUM(rating_sum) AS rating_sum, SUM(approved) AS approved FROM (
                            SELECT DATE_FORMAT(created_at, :format) AS at, 1 AS received, rating AS rating_sum, 0 AS approved
                            FROM testimonials WHERE workspace_id = :ws
                            UNION ALL SELECT DATE_FORMAT(approved_at, :format), 0, 0, 1 FROM testimonials
                            WHERE workspace_id = :ws AND status = 'approved' AND approved_at IS NOT NULL) d GROUP BY at"""));
        assertThat(kept(h, ws, unit, "SELECT " + at + ", links, visits, referred_leads, direct_leads, qualified, won FROM referral"
                + unit.suffix + " WHERE workspace_id = :ws")).as("referral" + unit.suffix)
                .isNotEmpty()
                .isEqualTo(kept(h, ws, unit, """
                        SELECT at, SUM(links) AS links, SUM(visits) AS visits, SUM(referred) AS referred_leads,
                               SUM(direct) AS direct_leads, SUM(qualified) AS qualified, SUM(won) AS won FROM (
                            SELECT DATE_FORMAT(used_at, :format) AS at, 1 AS links, 0 AS visits, 0 AS referred,
                                   0 AS direct, 0 AS qualified, 0 AS won
                            FROM referral_links WHERE workspace_id = :ws AND used_at IS NOT NULL
                            UNION ALL SELECT DATE_FORMAT(visited_at, :format), 0, 1, 0, 0, 0, 0
                            FROM referral_visits WHERE workspace_id = :ws
                            UNION ALL SELECT DATE_FORMAT(created_at, :format), 0, 0, referrer_client_id IS NOT NULL,
                                   referrer_client_id IS NULL,
                                   referrer_client_id IS NOT NULL AND (qualified_at IS NOT NULL OR won_at IS NOT NULL),
                                   referrer_client_id IS NOT NULL AND won_at IS NOT NULL
                            FROM referral_leads WHERE workspace_id = :ws) d GROUP BY at"""));
        assertThat(kept(h, ws, unit, "SELECT CONCAT(" + unit.column + ", ' ', origin, ' ', currency) AS at, projects, cents"
                + " FROM revenue" + unit.suffix + " WHERE workspace_id = :ws")).as("revenue" + unit.suffix)
                .isNotEmpty()
                .isEqualTo(kept(h, ws, unit, """
                        SELECT CONCAT(t, ' ', origin, ' ', currency) AS at, COUNT(*) AS projects, SUM(value_cents) AS cents
                        FROM (SELECT DATE_FORMAT(created_at, :format) AS t, origin, currency, value_cents FROM projects
                              WHERE workspace_id = :ws AND value_cents IS NOT NULL) d
                        GROUP BY t, origin, currency"""));
    }

    /**
     * Each hour's or day's counts, keyed by the time (and the group after it, if any); rows whose counts are all zero
     * (everything in them was taken back) left out.
     */
    private static Map<String, List<Long>> kept(Handle h, long ws, Unit unit, String sql) {
        Map<String, List<Long>> out = new TreeMap<>();
        var query = h.createQuery(sql).bind("ws", ws);
        if (sql.contains(":format")) query.bind("format", unit.format);
        query.mapToMap().forEach(row -> {
            List<Long> counts = new ArrayList<>();
            String at = null;
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (e.getKey().equals("at")) at = (String) e.getValue();
                else counts.add(((Number) e.getValue()).longValue());
            }
            if (counts.stream().anyMatch(c -> c != 0)) out.put(at, counts);
        });
        return out;
    }
}
