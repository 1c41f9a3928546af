package io.goodword.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.client.ProjectDao;
import io.goodword.growth.AskFiguresDao;
import io.goodword.support.Fixtures;
import io.goodword.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The daily check-in counters (V68) against a recount and against the check-ins themselves, on real MariaDB: every
 * change goes through {@link AskTallies#change} as the worker and the client's link make it, across local midnights
 * and a DST change, with changes that change nothing, a move to another time zone, and changes racing a recount.
 */
class AskTalliesIT {
    private static final Jdbi JDBI = TestDb.jdbi();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Two weeks either side of Berlin's move to summer time (2027-03-28, 02:00 → 03:00). */
    private static final Instant START = Instant.parse("2027-03-14T00:00:00Z");
    private static final Instant NEVER = Instant.parse("2200-01-01T00:00:00Z");
    private final AskTallies tallies = new AskTallies(JDBI);
    private final AskFiguresDao figures = JDBI.onDemand(AskFiguresDao.class);

    @Test
    void counters_kept_change_by_change_equal_a_recount_and_the_check_ins_in_any_zone() {
        long ws = Fixtures.freelancer().workspaceId();
        List<Long> ids = schedule(ws, 80);
        tallies.ready(ws, BERLIN); // built while empty: from here on every change adds its own difference
        Random random = new Random(20270328);
        for (long id : ids) live(ws, id, random);

        List<Map<String, Object>> kept = counters(ws);
        assertThat(kept).isNotEmpty();
        assertThat(recounted(ws, BERLIN)).isEqualTo(kept);
        assertFiguresMatchCheckIns(ws, BERLIN);

        // the freelancer moves: the next view counts by New York's days, and changes go on from there
        tallies.ready(ws, NEW_YORK);
        assertFiguresMatchCheckIns(ws, NEW_YORK);
        List<Long> more = schedule(ws, 10);
        for (long id : more) live(ws, id, random);
        List<Map<String, Object>> keptThere = counters(ws);
        assertThat(recounted(ws, NEW_YORK)).isEqualTo(keptThere);
        assertFiguresMatchCheckIns(ws, NEW_YORK);
    }

    @Test
    void changes_racing_recounts_are_each_counted_once() throws Exception {
        long ws = Fixtures.freelancer().workspaceId();
        List<Long> ids = schedule(ws, 120);
        tallies.ready(ws, BERLIN);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                List<Long> mine = ids.subList(t * 40, t * 40 + 40);
                long seed = t;
                work.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (long id : mine) live(ws, id, random);
                }));
            }
            work.add(pool.submit(() -> {
                for (int i = 0; i < 6; i++) tallies.ready(ws, i % 2 == 0 ? NEW_YORK : BERLIN);
            }));
            for (Future<?> f : work) f.get();
        } finally {
            pool.shutdown();
        }
        tallies.ready(ws, BERLIN);
        List<Map<String, Object>> kept = counters(ws);
        assertThat(recounted(ws, BERLIN)).isEqualTo(kept);
        assertFiguresMatchCheckIns(ws, BERLIN);
    }

    /** Check-ins scheduled for new clients, half of them after a project (so they keep their delay when sent). */
    private static List<Long> schedule(long ws, int n) {
        return JDBI.inTransaction(h -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long client = h.attach(ClientDao.class).insert(ws, Fixtures.unique("Tallied"), null, "", "", "", null, "en");
                Instant completed = START.plus(Duration.ofHours(7L * i));
                Long project = i % 2 == 0 ? h.attach(ProjectDao.class).insert(ws, client, "Job", 100_00L, "EUR", null,
                        null, "completed", completed) : null;
                // scheduled for a time no test's clock reaches, so no other test's background worker takes it: this
                // test sends each one itself (markSent needs only the status)
                ids.add(h.attach(AskDao.class).insertScheduled(ws, client, project, null, i % 2 == 0 ? "project" : "manual",
                        NEVER, completed));
            }
            return ids;
        });
    }

    /**
     * One check-in's life in its own transactions, as the worker and the client's link run it: sent 0-30 days after
     * its project (or its creation) at any minute, so across local midnights and the DST change; perhaps opened,
     * perhaps answered with any score hours later, perhaps a testimonial; and repeats that must change nothing.
     */
    private static void live(long ws, long id, Random random) {
        Ask ask = JDBI.onDemand(AskDao.class).findById(ws, id).orElseThrow();
        Instant sent = ask.createdAt().plus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
        JDBI.useTransaction(h -> assertThat(AskTallies.change(h, ws, id,
                d -> d.markSent(id, sent, sent.plus(Duration.ofDays(30)), null))).isEqualTo(1));
        JDBI.useTransaction(h -> assertThat(AskTallies.change(h, ws, id,
                d -> d.markSent(id, sent, sent.plus(Duration.ofDays(30)), null))).isZero());
        Instant opened = sent.plus(Duration.ofMinutes(random.nextInt(3000)));
        if (random.nextInt(10) < 7) JDBI.useTransaction(h -> AskTallies.change(h, ws, id, d -> d.markOpened(id, opened)));
        if (random.nextInt(10) < 6) {
            int score = random.nextInt(11);
            Instant answered = opened.plus(Duration.ofMinutes(random.nextInt(600)));
            JDBI.useTransaction(h -> AskTallies.change(h, ws, id, d -> d.answer(id, score, null, "thanks", answered, null)));
            JDBI.useTransaction(h -> assertThat(AskTallies.change(h, ws, id,
                    d -> d.answer(id, 10, null, "thanks", answered, null))).isZero());
            // opened after answering (the link visited again): the cohort's "opened" already counted it
            if (random.nextBoolean()) {
                JDBI.useTransaction(h -> AskTallies.change(h, ws, id, d -> d.markOpened(id, answered.plusSeconds(60))));
            }
            if (random.nextBoolean()) {
                JDBI.useTransaction(h -> AskTallies.change(h, ws, id, d -> d.advance(id, "thanks", "testimonial",
                        "score,thanks", "", null)));
                JDBI.useTransaction(h -> AskTallies.change(h, ws, id, d -> d.advance(id, "testimonial", "done",
                        "score,thanks,testimonial", "", answered.plusSeconds(120))));
            }
        }
    }

    private static List<Map<String, Object>> counters(long ws) {
        return JDBI.withHandle(h -> {
            List<Map<String, Object>> rows = new ArrayList<>(h.createQuery("""
                    SELECT 'sent' AS kind, day, delay_bucket, sent, opened, answered, promoters, testimonials, 0 AS passives, 0 AS detractors
                    FROM ask_sent_days WHERE workspace_id = :ws AND (sent <> 0 OR opened <> 0 OR answered <> 0)
                    ORDER BY day, delay_bucket""").bind("ws", ws).mapToMap().list());
            rows.addAll(h.createQuery("""
                    SELECT 'answer' AS kind, day, -2 AS delay_bucket, 0 AS sent, 0 AS opened, 0 AS answered, promoters,
                           0 AS testimonials, passives, detractors
                    FROM ask_answer_days WHERE workspace_id = :ws AND (promoters <> 0 OR passives <> 0 OR detractors <> 0)
                    ORDER BY day""").bind("ws", ws).mapToMap().list());
            return rows;
        });
    }

    /** The counters as a recount from asks makes them (the state a fresh installation would build). */
    private List<Map<String, Object>> recounted(long ws, ZoneId zone) {
        JDBI.useHandle(h -> h.execute("UPDATE ask_tallies SET zone = '' WHERE workspace_id = ?", ws));
        tallies.ready(ws, zone);
        return counters(ws);
    }

    /** Every day and a few whole periods (the DST week among them), against the check-ins counted directly. */
    private void assertFiguresMatchCheckIns(long ws, ZoneId zone) {
        LocalDate first = START.atZone(zone).toLocalDate().minusDays(1);
        List<LocalDate[]> periods = new ArrayList<>();
        for (int d = 0; d < 60; d++) periods.add(new LocalDate[] {first.plusDays(d), first.plusDays(d)});
        periods.add(new LocalDate[] {first, first.plusDays(59)});
        periods.add(new LocalDate[] {LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 31)});
        for (LocalDate[] p : periods) {
            Instant from = p[0].atStartOfDay(zone).toInstant();
            Instant to = p[1].plusDays(1).atStartOfDay(zone).toInstant();
            Map<String, Object> direct = JDBI.withHandle(h -> h.createQuery("""
                    SELECT COUNT(*) AS sent, COALESCE(SUM(opened_at IS NOT NULL OR answered_at IS NOT NULL), 0) AS opened,
                           COUNT(answered_at) AS answered, COALESCE(SUM(answered_at IS NOT NULL AND score >= 9), 0) AS promoters,
                           COALESCE(SUM(answered_at IS NOT NULL AND gave_testimonial = 1), 0) AS testimonials
                    FROM asks WHERE workspace_id = :ws AND sent_at >= :from AND sent_at < :to""")
                    .bind("ws", ws).bind("from", from).bind("to", to).mapToMap().one());
            AskFiguresDao.AskCohort c = figures.asks(ws, p[0], p[1]);
            assertThat(List.of(c.sent(), c.opened(), c.answered(), c.promoters(), c.testimonials()))
                    .as("check-ins sent %s..%s in %s", p[0], p[1], zone)
                    .isEqualTo(List.of(n(direct, "sent"), n(direct, "opened"), n(direct, "answered"), n(direct, "promoters"),
                            n(direct, "testimonials")));
            Map<String, Object> scores = JDBI.withHandle(h -> h.createQuery("""
                    SELECT COALESCE(SUM(score >= 9), 0) AS promoters, COALESCE(SUM(score BETWEEN 7 AND 8), 0) AS passives,
                           COALESCE(SUM(score <= 6), 0) AS detractors
                    FROM asks WHERE workspace_id = :ws AND answered_at >= :from AND answered_at < :to AND score IS NOT NULL""")
                    .bind("ws", ws).bind("from", from).bind("to", to).mapToMap().one());
            AskFiguresDao.Nps nps = figures.nps(ws, p[0], p[1]);
            assertThat(List.of(nps.promoters(), nps.passives(), nps.detractors()))
                    .as("scores given %s..%s in %s", p[0], p[1], zone)
                    .isEqualTo(List.of(n(scores, "promoters"), n(scores, "passives"), n(scores, "detractors")));
        }
        int sentWithDelay = JDBI.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM asks WHERE workspace_id = ? AND sent_at IS NOT NULL AND delay_hours IS NOT NULL")
                .bind(0, ws).mapTo(Integer.class).one());
        assertThat(figures.answersByDelay(ws, first.minusDays(1)).stream().mapToInt(AskFiguresDao.DelayBucket::sent).sum())
                .isEqualTo(sentWithDelay).isPositive();
    }

    private static int n(Map<String, Object> row, String key) { return ((Number) row.get(key)).intValue(); }
}
