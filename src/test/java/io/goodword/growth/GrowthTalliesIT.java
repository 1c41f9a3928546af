package io.goodword.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.CountedRows;
import io.goodword.support.Fixtures;
import io.goodword.support.TestDb;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The testimonial, referral and revenue counters the database keeps with triggers by the UTC hour (V70, V71) and the
 * UTC day (V73), on real MariaDB: after random inserts, updates (approve, reject, re-rate, re-attribute, qualify, win,
 * first use) and deletes both equal a recount from the rows, and the dashboard's figures read from them (whole days,
 * whole hours, partial hours) equal the rows counted directly, also in zones whose midnight is half or three quarters
 * past a UTC hour (India, Nepal, Newfoundland).
 */
class GrowthTalliesIT {
    private static final Jdbi JDBI = TestDb.jdbi();
    private static final Instant START = Instant.parse("2027-03-20T00:00:00Z");
    private static final int DAYS = 10;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/St_Johns"));
    private static long ws;
    private static final List<Long> ambassadors = new ArrayList<>();

    @BeforeAll
    static void seed() {
        ws = Fixtures.freelancer().workspaceId();
        JDBI.useTransaction(h -> ambassadors.addAll(CountedRows.seed(h, ws, 30, new Random(20270320), START, DAYS).ambassadors()));
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
            String counters = """
                    SELECT 'hour' AS t, hour AS at, received, rating_sum, approved FROM testimonial_hours WHERE workspace_id = :ws
                    UNION ALL SELECT 'day', day, received, rating_sum, approved FROM testimonial_utc_days WHERE workspace_id = :ws
                    ORDER BY t, at""";
            List<Map<String, Object>> before = h.createQuery(counters).bind("ws", ws).mapToMap().list();
            int written = h.createUpdate("UPDATE testimonials SET body = CONCAT(body, '.') WHERE id = ?").bind(0, id).execute();
            assertThat(written).isEqualTo(1);
            assertThat(h.createQuery(counters).bind("ws", ws).mapToMap().list()).isNotEmpty().isEqualTo(before);
        });
    }

    /**
     * Periods of 1, 2, 5 and 12 days in every zone: the longer ones hold whole UTC days, and outside UTC also whole
     * hours and partial hours at either end, so all three parts of each statement are read and added.
     */
    private static void figuresEqualTheRows() {
        int[] seen = JDBI.withHandle(h -> {
            GrowthDao dao = h.attach(GrowthDao.class);
            int withRevenue = 0;
            int threeParts = 0;
            for (ZoneId zone : ZONES) {
                for (int first = 0; first < DAYS; first += 3) {
                    for (int days : new int[] {1, 2, 5, 12}) {
                        LocalDate day = LocalDate.of(2027, 3, 19).plusDays(first);
                        Period p = new Period(day, day.plusDays(days - 1), zone);
                        assertThat(dao.testimonials(ws, p)).as("%s %s", zone, p).isEqualTo(GrowthRecount.testimonials(h, ws, p));
                        assertThat(dao.referrals(ws, p)).as("%s %s", zone, p).isEqualTo(GrowthRecount.referrals(h, ws, p));
                        List<GrowthDao.Revenue> revenue = dao.revenue(ws, p);
                        assertThat(revenue).as("%s %s", zone, p).isEqualTo(GrowthRecount.revenue(h, ws, p));
                        withRevenue += revenue.isEmpty() ? 0 : 1;
                        threeParts += p.daysFrom().isBefore(p.daysTo()) && p.hoursFrom().isBefore(p.daysFrom())
                                && p.from().isBefore(p.hoursFrom()) ? 1 : 0;
                    }
                }
            }
            return new int[] {withRevenue, threeParts};
        });
        assertThat(seen[0]).as("periods with revenue").isGreaterThan(20); // the comparison compared something
        assertThat(seen[1]).as("periods read from days, hours and rows").isGreaterThan(20);
    }

    private static void assertCountersMatchRows() {
        JDBI.useHandle(h -> {
            GrowthRecount.assertCountersMatchRows(h, ws, GrowthRecount.Unit.HOURS);
            GrowthRecount.assertCountersMatchRows(h, ws, GrowthRecount.Unit.DAYS);
        });
    }

    private static List<Long> ids(Handle h, String table) {
        return h.createQuery("SELECT id FROM " + table + " WHERE workspace_id = ? ORDER BY id").bind(0, ws).mapTo(Long.class).list();
    }

    /** A random moment in the ten days from START, to the second (so rows fall on every part of an hour). */
    private static Instant at(Random random) { return CountedRows.at(random, START, DAYS); }
}
