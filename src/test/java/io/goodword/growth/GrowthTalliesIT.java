package io.goodword.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.referral.ReferralCodes;
import io.goodword.support.Fixtures;
import io.goodword.support.TestDb;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hourly testimonial and referral counters the database keeps with triggers (V70), on real MariaDB: after random
 * inserts, updates (approve, reject, re-rate, re-attribute, qualify, win, first use) and deletes they equal a recount
 * from the rows, and the dashboard's figures read from them equal the rows counted directly, also in zones whose
 * midnight is half or three quarters past a UTC hour (India, Nepal, Newfoundland).
 */
class GrowthTalliesIT {
    private static final Jdbi JDBI = TestDb.jdbi();
    private static final Instant START = Instant.parse("2027-03-20T00:00:00Z");
    private static final int DAYS = 10;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/St_Johns"));
    private static long ws;
    private static long program;
    private static final List<Long> ambassadors = new ArrayList<>();

    @BeforeAll
    static void seed() {
        ws = Fixtures.freelancer().workspaceId();
        Random random = new Random(20270320);
        JDBI.useTransaction(h -> {
            program = h.createUpdate("""
                    INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type, status)
                    VALUES (?, 'Friends', '', '', 'cash', 'active')""").bind(0, ws)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (int i = 0; i < 30; i++) { // one link per ambassador and program
                ambassadors.add(h.attach(ClientDao.class).insert(ws, "Ambassador " + i, null, "", "", "", null, "en"));
            }
            for (int i = 0; i < 120; i++) {
                Instant created = at(random);
                boolean approved = random.nextInt(3) > 0;
                h.createUpdate("""
                        INSERT INTO testimonials (workspace_id, status, rating, body, name, created_at, approved_at)
                        VALUES (?, ?, ?, 'Good work', 'Someone', ?, ?)""").bind(0, ws).bind(1, approved ? "approved" : "pending")
                        .bind(2, 1 + random.nextInt(5)).bind(3, created)
                        .bind(4, approved ? created.plusSeconds(random.nextInt(200_000)) : null).execute();
            }
            for (int i = 0; i < 90; i++) {
                h.createUpdate("""
                        INSERT INTO projects (workspace_id, client_id, title, value_cents, currency, status, created_at,
                                              origin, referrer_client_id)
                        VALUES (?, ?, 'Job', ?, ?, 'active', ?, ?, ?)""").bind(0, ws).bind(1, ambassadors.get(i % 30))
                        .bind(2, random.nextInt(5) == 0 ? null : 1_000L * (1 + random.nextInt(50)))
                        .bind(3, random.nextInt(3) == 0 ? "USD" : "EUR").bind(4, at(random))
                        .bind(5, List.of("referred", "repeat", "direct").get(random.nextInt(3)))
                        .bind(6, ambassadors.get((i + 1) % 30)).execute();
            }
            List<Long> links = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Instant created = at(random);
                links.add(h.createUpdate("""
                        INSERT INTO referral_links (workspace_id, program_id, client_id, code, created_at, used_at)
                        VALUES (?, ?, ?, ?, ?, ?)""").bind(0, ws).bind(1, program).bind(2, ambassadors.get(i))
                        .bind(3, ReferralCodes.next()).bind(4, created)
                        .bind(5, random.nextBoolean() ? created.plusSeconds(random.nextInt(90_000)) : null)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            }
            for (int i = 0; i < 150; i++) {
                h.execute("INSERT INTO referral_visits (workspace_id, link_id, visited_at) VALUES (?, ?, ?)", ws,
                        links.get(random.nextInt(links.size())), at(random));
            }
            for (int i = 0; i < 80; i++) {
                Instant created = at(random);
                int stage = random.nextInt(4);
                boolean referred = random.nextInt(5) > 0;
                h.createUpdate("""
                        INSERT INTO referral_leads (workspace_id, program_id, link_id, referrer_client_id, source, name,
                                                    email, message, consent, status, created_at, qualified_at, won_at)
                        VALUES (?, ?, ?, ?, ?, 'Friend', 'friend@example.com', '', TRUE, ?, ?, ?, ?)""")
                        .bind(0, ws).bind(1, program).bind(2, referred ? links.get(i % links.size()) : null)
                        .bind(3, referred ? ambassadors.get(i % 6) : null).bind(4, referred ? "link" : "contact")
                        .bind(5, List.of("new", "qualified", "won", "lost").get(stage)).bind(6, created)
                        .bind(7, stage == 1 || stage == 2 ? created.plusSeconds(3_600) : null)
                        .bind(8, stage == 2 ? created.plusSeconds(7_200) : null).execute();
            }
        });
    }

    @Test
    void counters_follow_every_insert_update_and_delete_and_equal_a_recount() {
        assertCountersMatchRows();
        Random random = new Random(7);
        JDBI.useTransaction(h -> {
            for (long id : ids(h, "testimonials")) {
                switch (random.nextInt(6)) {
                    case 0 -> h.execute("UPDATE testimonials SET status = 'approved', approved_at = ? WHERE id = ?", at(random), id);
                    case 1 -> h.execute("UPDATE testimonials SET status = 'rejected' WHERE id = ?", id); // approved_at stays
                    case 2 -> h.execute("UPDATE testimonials SET rating = ? WHERE id = ?", 1 + random.nextInt(5), id);
                    case 3 -> h.execute("UPDATE testimonials SET body = 'Edited words' WHERE id = ?", id); // nothing counted changes
                    case 4 -> h.execute("DELETE FROM testimonials WHERE id = ? AND status = 'pending'", id);
                    default -> h.execute("UPDATE testimonials SET created_at = ? WHERE id = ?", at(random), id); // an import's original date
                }
            }
            for (long id : ids(h, "projects")) {
                switch (random.nextInt(6)) {
                    case 0 -> h.execute("UPDATE projects SET value_cents = ? WHERE id = ?", 500L * random.nextInt(40), id);
                    case 1 -> h.execute("UPDATE projects SET value_cents = NULL WHERE id = ?", id); // no value after all
                    case 2 -> h.execute("UPDATE projects SET currency = IF(currency = 'EUR', 'USD', 'EUR') WHERE id = ?", id);
                    case 3 -> h.execute("UPDATE projects SET origin = 'direct', referrer_client_id = NULL WHERE id = ?", id);
                    case 4 -> h.execute("UPDATE projects SET title = 'Renamed job' WHERE id = ?", id); // nothing counted changes
                    default -> h.execute("DELETE FROM projects WHERE id = ?", id);
                }
            }
            for (long id : ids(h, "referral_links")) {
                if (random.nextBoolean()) h.execute("UPDATE referral_links SET used_at = COALESCE(used_at, ?) WHERE id = ?", at(random), id);
                else if (random.nextInt(4) == 0) h.execute("UPDATE referral_links SET used_at = NULL WHERE id = ?", id);
            }
            for (long id : ids(h, "referral_visits")) {
                if (random.nextInt(5) == 0) h.execute("DELETE FROM referral_visits WHERE id = ?", id);
                else if (random.nextInt(5) == 0) h.execute("UPDATE referral_visits SET visited_at = ? WHERE id = ?", at(random), id);
            }
            for (long id : ids(h, "referral_leads")) {
                switch (random.nextInt(6)) {
                    // manual attribution: another referrer, or none (a direct enquiry after all), or one added later
                    case 0 -> h.execute("UPDATE referral_leads SET referrer_client_id = ? WHERE id = ?",
                            ambassadors.get(random.nextInt(6)), id);
                    case 1 -> h.execute("UPDATE referral_leads SET referrer_client_id = NULL WHERE id = ?", id);
                    case 2 -> h.execute("UPDATE referral_leads SET status = 'qualified', qualified_at = ? WHERE id = ?", at(random), id);
                    case 3 -> h.execute("UPDATE referral_leads SET status = 'won', won_at = ? WHERE id = ?", at(random), id);
                    case 4 -> h.execute("UPDATE referral_leads SET status = 'new', qualified_at = NULL, won_at = NULL WHERE id = ?", id);
                    default -> h.execute("DELETE FROM referral_leads WHERE id = ?", id);
                }
            }
        });
        assertCountersMatchRows();
        figuresEqualTheRows();
    }

    @Test
    void figures_from_the_counters_equal_the_rows_counted_directly_in_every_zone() {
        figuresEqualTheRows();
    }

    @Test
    void an_update_that_changes_nothing_counted_writes_no_counter() {
        JDBI.useHandle(h -> {
            long id = ids(h, "testimonials").get(0);
            List<Map<String, Object>> before = h.createQuery("SELECT * FROM testimonial_hours WHERE workspace_id = ? ORDER BY hour")
                    .bind(0, ws).mapToMap().list();
            int written = h.createUpdate("UPDATE testimonials SET body = CONCAT(body, '.') WHERE id = ?").bind(0, id).execute();
            assertThat(written).isEqualTo(1);
            assertThat(h.createQuery("SELECT * FROM testimonial_hours WHERE workspace_id = ? ORDER BY hour")
                    .bind(0, ws).mapToMap().list()).isEqualTo(before);
        });
    }

    private static void figuresEqualTheRows() {
        int periods = JDBI.withHandle(h -> {
            GrowthDao dao = h.attach(GrowthDao.class);
            int withRevenue = 0;
            for (ZoneId zone : ZONES) {
                for (int first = 0; first < DAYS; first += 3) {
                    for (int days : new int[] {1, 2, 5}) {
                        LocalDate day = LocalDate.of(2027, 3, 19).plusDays(first);
                        Period p = new Period(day, day.plusDays(days - 1), zone);
                        GrowthDao.Testimonials t = dao.testimonials(ws, p);
                        assertThat(t).as("%s %s", zone, p).isEqualTo(testimonialsCounted(h, p));
                        GrowthDao.Referrals r = dao.referrals(ws, p);
                        assertThat(r).as("%s %s", zone, p).isEqualTo(referralsCounted(h, p));
                        List<GrowthDao.Revenue> revenue = dao.revenue(ws, p);
                        assertThat(revenue).as("%s %s", zone, p).isEqualTo(revenueCounted(h, p));
                        withRevenue += revenue.isEmpty() ? 0 : 1;
                    }
                }
            }
            return withRevenue;
        });
        assertThat(periods).as("periods with revenue").isGreaterThan(20); // the comparison compared something
    }

    /** The figures as the dashboard counted them before V70: straight from the rows. */
    private static GrowthDao.Testimonials testimonialsCounted(Handle h, Period p) {
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

    private static List<GrowthDao.Revenue> revenueCounted(Handle h, Period p) {
        return h.createQuery("""
                SELECT origin, currency, COUNT(*) AS projects, SUM(value_cents) AS cents FROM projects
                WHERE workspace_id = :ws AND created_at >= :from AND created_at < :to AND value_cents IS NOT NULL
                GROUP BY origin, currency ORDER BY currency, origin""")
                .bind("ws", ws).bind("from", p.from()).bind("to", p.to())
                .map((rs, ctx) -> new GrowthDao.Revenue(rs.getString("origin"), rs.getString("currency"), rs.getInt("projects"),
                        rs.getLong("cents"))).list();
    }

    private static GrowthDao.Referrals referralsCounted(Handle h, Period p) {
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

    private static void assertCountersMatchRows() {
        JDBI.useHandle(h -> {
            assertThat(kept(h, "SELECT hour, received, rating_sum, approved FROM testimonial_hours WHERE workspace_id = :ws"))
                    .isNotEmpty()
                    .isEqualTo(kept(h, """
                            SELECT hr AS hour, SUM(received) AS received, SUM(rating_sum) AS rating_sum,
                                   SUM(approved) AS approved FROM (
                                SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00') AS hr, 1 AS received,
                                       rating AS rating_sum, 0 AS approved
                                FROM testimonials WHERE workspace_id = :ws
                                UNION ALL SELECT DATE_FORMAT(approved_at, '%Y-%m-%d %H:00:00'), 0, 0, 1 FROM testimonials
                                WHERE workspace_id = :ws AND status = 'approved' AND approved_at IS NOT NULL) d GROUP BY hr"""));
            assertThat(kept(h, "SELECT hour, links, visits, referred_leads, direct_leads, qualified, won FROM referral_hours WHERE workspace_id = :ws"))
                    .isNotEmpty()
                    .isEqualTo(kept(h, """
                            SELECT hr AS hour, SUM(links) AS links, SUM(visits) AS visits, SUM(referred) AS referred_leads,
                                   SUM(direct) AS direct_leads, SUM(qualified) AS qualified, SUM(won) AS won FROM (
                                SELECT DATE_FORMAT(used_at, '%Y-%m-%d %H:00:00') AS hr, 1 AS links, 0 AS visits, 0 AS referred,
                                       0 AS direct, 0 AS qualified, 0 AS won
                                FROM referral_links WHERE workspace_id = :ws AND used_at IS NOT NULL
                                UNION ALL SELECT DATE_FORMAT(visited_at, '%Y-%m-%d %H:00:00'), 0, 1, 0, 0, 0, 0
                                FROM referral_visits WHERE workspace_id = :ws
                                UNION ALL SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00'), 0, 0, referrer_client_id IS NOT NULL,
                                       referrer_client_id IS NULL,
                                       referrer_client_id IS NOT NULL AND (qualified_at IS NOT NULL OR won_at IS NOT NULL),
                                       referrer_client_id IS NOT NULL AND won_at IS NOT NULL
                                FROM referral_leads WHERE workspace_id = :ws) d GROUP BY hr"""));
            assertRevenueCountersMatchProjects(h);
        });
    }

    private static void assertRevenueCountersMatchProjects(Handle h) {
        assertThat(kept(h, """
                SELECT CONCAT(hour, ' ', origin, ' ', currency) AS hour, projects, cents
                FROM revenue_hours WHERE workspace_id = :ws"""))
                .isNotEmpty()
                .isEqualTo(kept(h, """
                        SELECT CONCAT(DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00'), ' ', origin, ' ', currency) AS hour,
                               COUNT(*) AS projects, SUM(value_cents) AS cents
                        FROM projects WHERE workspace_id = :ws AND value_cents IS NOT NULL
                        GROUP BY DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00'), origin, currency"""));
    }

    /**
     * Each hour's counts (by hour, or by hour and group), the hours whose counts are all zero (everything in them was
     * taken back) left out.
     */
    private static Map<String, List<Long>> kept(Handle h, String sql) {
        Map<String, List<Long>> out = new TreeMap<>();
        h.createQuery(sql).bind("ws", ws).mapToMap().forEach(row -> {
            List<Long> counts = new ArrayList<>();
            String hour = null;
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (e.getKey().equals("hour")) { // to the hour: "2027-03-20 05", and the group after it, if any
                    hour = String.valueOf(e.getValue()).replace('T', ' ').replaceFirst("^(\\S+ \\d\\d)(:00)?(:00)?(\\.0+)?", "$1");
                }
                else counts.add(((Number) e.getValue()).longValue());
            }
            if (counts.stream().anyMatch(c -> c != 0)) out.put(hour, counts);
        });
        return out;
    }

    private static List<Long> ids(Handle h, String table) {
        return h.createQuery("SELECT id FROM " + table + " WHERE workspace_id = ? ORDER BY id").bind(0, ws).mapTo(Long.class).list();
    }

    /** A random moment in the ten days from START, to the second (so rows fall on every part of an hour). */
    private static Instant at(Random random) {
        return START.plusSeconds(random.nextInt(DAYS * 86_400));
    }
}
