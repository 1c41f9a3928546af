package io.goodword.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.client.ProjectDao;
import io.goodword.growth.AskFiguresDao;
import io.goodword.growth.Chart;
import io.goodword.growth.Dashboard;
import io.goodword.growth.DashboardSource;
import io.goodword.growth.Period;
import io.goodword.support.Fixtures;
import io.goodword.support.TestDb;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The hourly check-in counters the database keeps with triggers (V72), on real MariaDB: after random inserts, updates
 * (sent, unsent, opened, answered, re-scored, testimonial flag, delay, moves across hours) and deletes, and after
 * check-ins lived through the DAO as the worker and the client's link run them (repeats that change nothing among
 * them), the counters equal a count of the rows made here in Java, and the dashboard's check-in figures (cohort, NPS,
 * NPS by month, when to ask) equal the rows counted directly, in zones with a DST change inside the period (Berlin,
 * New York) and zones whose midnight is half or three quarters past a UTC hour (India, Nepal, Newfoundland). The
 * same counters serve every zone: a workspace that moves needs no recount.
 */
class AskHoursIT {
    private static final Jdbi JDBI = TestDb.jdbi();
    /** New York moves to summer time on 2027-03-14, Berlin on 2027-03-28; March ends inside the forty days. */
    private static final Instant START = Instant.parse("2027-03-14T00:00:00Z");
    private static final int DAYS = 40;
    private static final Instant NEVER = Instant.parse("2200-01-01T00:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("America/St_Johns"));
    /**
     * Moments either side of April's first midnight in India (18:30 UTC), Nepal (18:15) and Newfoundland (02:30, on
     * summer time), each within a UTC hour that the month boundary cuts.
     */
    private static final List<Instant> MONTH_EDGES = List.of(Instant.parse("2027-03-31T18:10:00Z"),
            Instant.parse("2027-03-31T18:20:00Z"), Instant.parse("2027-03-31T18:40:00Z"),
            Instant.parse("2027-04-01T02:20:00Z"), Instant.parse("2027-04-01T02:40:00Z"));

    /** What a check-in counts for, read back from asks. */
    public record Row(Instant sentAt, Instant openedAt, Instant answeredAt, Integer score, boolean gaveTestimonial,
                      Integer delayHours) {
        boolean answered() { return answeredAt != null; }
        boolean scored() { return answeredAt != null && score != null; }
    }

    @Test
    void counters_follow_every_insert_update_and_delete_and_the_figures_equal_the_rows_in_every_zone() {
        long ws = Fixtures.freelancer().workspaceId();
        Random random = new Random(20270314);
        List<Long> clients = clients(ws, 10);
        JDBI.useTransaction(h -> {
            for (int i = 0; i < 160; i++) insertRaw(h, ws, clients.get(i % 10), random, i);
        });
        assertCountersMatchRows(ws);
        JDBI.useTransaction(h -> {
            for (long id : ids(h, ws)) update(h, id, random);
            for (int i = 0; i < 20; i++) insertRaw(h, ws, clients.get(i % 10), random, i);
            for (long id : ids(h, ws)) if (random.nextBoolean()) update(h, id, random);
        });
        for (long id : schedule(ws, 40)) live(ws, id, random);
        assertCountersMatchRows(ws);

        // an update that changes nothing counted writes no counter
        JDBI.useHandle(h -> {
            List<Map<String, Object>> before = h.createQuery("SELECT * FROM ask_sent_hours WHERE workspace_id = ? ORDER BY hour, delay_bucket")
                    .bind(0, ws).mapToMap().list();
            assertThat(h.createUpdate("UPDATE asks SET comment = CONCAT(COALESCE(comment, ''), '.'), reminders_sent = reminders_sent + 1 "
                    + "WHERE workspace_id = ?").bind(0, ws).execute()).isPositive();
            assertThat(h.createQuery("SELECT * FROM ask_sent_hours WHERE workspace_id = ? ORDER BY hour, delay_bucket")
                    .bind(0, ws).mapToMap().list()).isEqualTo(before);
        });
        figuresEqualTheRows(ws);
    }

    @Test
    void check_ins_changed_at_once_into_the_same_hours_all_count_and_none_fails() throws Exception {
        long ws = Fixtures.freelancer().workspaceId();
        List<Long> ids = schedule(ws, 120);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger failed = new AtomicInteger();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Long> mine = ids.subList(t * 30, t * 30 + 30);
                long seed = t;
                work.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (long id : mine) {
                        try {
                            live(ws, id, random);
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : work) f.get();
        } finally {
            pool.shutdown();
        }
        assertThat(failed.get()).isZero();
        assertCountersMatchRows(ws);
        figuresEqualTheRows(ws);
    }

    private static List<Long> clients(long ws, int n) {
        return JDBI.inTransaction(h -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(h.attach(ClientDao.class).insert(ws, Fixtures.unique("Counted"), null, "", "", "", null, "en"));
            }
            return ids;
        });
    }

    /** A check-in as an import or a hand-typed fix writes it: any state, no open slot (so clients may repeat). */
    private static void insertRaw(Handle h, long ws, long client, Random random, int i) {
        Instant sent = random.nextInt(6) == 0 ? null : i < 2 * MONTH_EDGES.size() ? MONTH_EDGES.get(i % MONTH_EDGES.size()) : at(random);
        Instant opened = sent != null && random.nextInt(10) < 6 ? sent.plusSeconds(random.nextInt(20_000)) : null;
        boolean answered = sent != null && random.nextInt(10) < 5;
        Instant answeredAt = !answered ? null : i < 2 * MONTH_EDGES.size() ? MONTH_EDGES.get((i + 2) % MONTH_EDGES.size())
                : sent.plusSeconds(random.nextInt(40_000));
        h.createUpdate("""
                INSERT INTO asks (workspace_id, client_id, reason, status, open_slot, score, scheduled_for, sent_at,
                                  opened_at, answered_at, created_at, delay_hours, gave_testimonial)
                VALUES (?, ?, 'project', 'expired', NULL, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .bind(0, ws).bind(1, client).bind(2, answered && random.nextInt(8) > 0 ? random.nextInt(11) : null)
                .bind(3, NEVER).bind(4, sent).bind(5, opened).bind(6, answeredAt).bind(7, START)
                .bind(8, random.nextInt(5) == 0 ? null : delay(random)).bind(9, answered && random.nextInt(3) == 0).execute();
    }

    private static Integer delay(Random random) {
        return List.of(0, 47, 48, 95, 96, 191, 192, 359, 360, 743, 744, 2000).get(random.nextInt(12));
    }

    private static void update(Handle h, long id, Random random) {
        Instant t = at(random);
        switch (random.nextInt(11)) {
            case 0 -> h.execute("UPDATE asks SET sent_at = ? WHERE id = ?", t, id); // sent, or moved to another hour
            case 1 -> h.execute("UPDATE asks SET sent_at = NULL WHERE id = ?", id);
            case 2 -> h.execute("UPDATE asks SET opened_at = COALESCE(opened_at, ?) WHERE id = ?", t, id);
            case 3 -> h.execute("UPDATE asks SET opened_at = NULL WHERE id = ?", id);
            case 4 -> h.execute("UPDATE asks SET answered_at = ?, score = ? WHERE id = ?", t, random.nextInt(11), id);
            case 5 -> h.execute("UPDATE asks SET score = ? WHERE id = ?", random.nextInt(3) == 0 ? null : random.nextInt(11), id);
            case 6 -> h.execute("UPDATE asks SET gave_testimonial = NOT gave_testimonial WHERE id = ?", id);
            case 7 -> h.execute("UPDATE asks SET delay_hours = ? WHERE id = ?", random.nextInt(4) == 0 ? null : delay(random), id);
            case 8 -> h.execute("UPDATE asks SET answered_at = NULL, score = NULL WHERE id = ?", id);
            case 9 -> h.execute("UPDATE asks SET answered_at = ?, sent_at = ? WHERE id = ?", t, t.minusSeconds(random.nextInt(9_000)), id);
            default -> h.execute("DELETE FROM asks WHERE id = ?", id);
        }
    }

    /** Check-ins scheduled for new clients, half of them after a project (so they keep their delay when sent). */
    private static List<Long> schedule(long ws, int n) {
        return JDBI.inTransaction(h -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long client = h.attach(ClientDao.class).insert(ws, Fixtures.unique("Lived"), null, "", "", "", null, "en");
                Instant completed = START.plus(Duration.ofMinutes(97L * i));
                Long project = i % 2 == 0 ? h.attach(ProjectDao.class).insert(ws, client, "Job", 100_00L, "EUR", null,
                        null, "completed", completed) : null;
                // scheduled for a time no test's clock reaches, so no background worker takes it: this test sends it
                ids.add(h.attach(AskDao.class).insertScheduled(ws, client, project, null, i % 2 == 0 ? "project" : "manual",
                        NEVER, completed));
            }
            return ids;
        });
    }

    /**
     * One check-in's life in its own transactions, through the DAO calls the worker and the client's link make: sent
     * 0-30 days after its project, perhaps opened, perhaps answered hours later, perhaps a testimonial; and repeats
     * that must change nothing.
     */
    private static void live(long ws, long id, Random random) {
        AskDao asks = JDBI.onDemand(AskDao.class);
        Ask ask = asks.findById(ws, id).orElseThrow();
        Instant sent = ask.createdAt().plus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
        assertThat(asks.markSent(id, sent, sent.plus(Duration.ofDays(30)), null)).isEqualTo(1);
        assertThat(asks.markSent(id, sent, sent.plus(Duration.ofDays(30)), null)).isZero();
        Instant opened = sent.plus(Duration.ofMinutes(random.nextInt(3000)));
        if (random.nextInt(10) < 7) assertThat(asks.markOpened(id, opened)).isEqualTo(1);
        if (random.nextInt(10) < 6) {
            Instant answered = opened.plus(Duration.ofMinutes(random.nextInt(600)));
            assertThat(asks.answer(id, random.nextInt(11), null, "thanks", answered, null)).isEqualTo(1);
            assertThat(asks.answer(id, 10, null, "thanks", answered, null)).isZero();
            if (random.nextBoolean()) asks.markOpened(id, answered.plusSeconds(60)); // the link visited again
            if (random.nextBoolean()) {
                asks.advance(id, "thanks", "testimonial", "score,thanks", "", null);
                assertThat(asks.advance(id, "testimonial", "done", "score,thanks,testimonial", "", answered.plusSeconds(120)))
                        .isEqualTo(1);
            }
        }
    }

    /** The counters as read, and as counted here from the rows (hour and bucket truncated in Java), zero rows aside. */
    private static void assertCountersMatchRows(long ws) {
        assertCountersMatchRows(ws, ChronoUnit.HOURS, "ask_sent_hours", "ask_answer_hours", "hour");
        assertCountersMatchRows(ws, ChronoUnit.DAYS, "ask_sent_utc_days", "ask_answer_utc_days", "day");
    }

    /** The counters by {@code unit} (UTC hours or UTC days) equal the rows counted here in Java. */
    private static void assertCountersMatchRows(long ws, ChronoUnit unit, String sentTable, String answerTable, String column) {
        List<Row> rows = rows(ws);
        Map<String, List<Integer>> sent = new TreeMap<>();
        Map<String, List<Integer>> answers = new TreeMap<>();
        for (Row r : rows) {
            if (r.sentAt() != null) {
                add(sent, at(r.sentAt(), unit) + " " + bucket(r.delayHours()), 1, r.openedAt() != null || r.answered() ? 1 : 0,
                        r.answered() ? 1 : 0, promoter(r) ? 1 : 0, r.answered() && r.gaveTestimonial() ? 1 : 0);
            }
            if (r.scored()) add(answers, at(r.answeredAt(), unit), r.score() >= 9 ? 1 : 0, r.score() >= 7 && r.score() <= 8 ? 1 : 0,
                    r.score() <= 6 ? 1 : 0);
        }
        sent.values().removeIf(v -> v.stream().allMatch(x -> x == 0));
        answers.values().removeIf(v -> v.stream().allMatch(x -> x == 0));
        JDBI.useHandle(h -> {
            Map<String, List<Integer>> keptSent = new TreeMap<>();
            h.createQuery("SELECT * FROM " + sentTable + " WHERE workspace_id = ?").bind(0, ws).mapToMap().forEach(m -> {
                List<Integer> v = ints(m, "sent", "opened", "answered", "promoters", "testimonials");
                if (v.stream().anyMatch(x -> x != 0)) keptSent.put(at(instant(m.get(column)), unit) + " " + m.get("delay_bucket"), v);
            });
            Map<String, List<Integer>> keptAnswers = new TreeMap<>();
            h.createQuery("SELECT * FROM " + answerTable + " WHERE workspace_id = ?").bind(0, ws).mapToMap().forEach(m -> {
                List<Integer> v = ints(m, "promoters", "passives", "detractors");
                if (v.stream().anyMatch(x -> x != 0)) keptAnswers.put(at(instant(m.get(column)), unit), v);
            });
            assertThat(keptSent).as(sentTable).isNotEmpty().isEqualTo(sent);
            assertThat(keptAnswers).as(answerTable).isNotEmpty().isEqualTo(answers);
        });
    }

    /** Every zone: day periods across the forty days, the whole span, the dashboard's trend, funnel and when to ask. */
    private static void figuresEqualTheRows(long ws) {
        List<Row> rows = rows(ws);
        AskFiguresDao figures = JDBI.onDemand(AskFiguresDao.class);
        DashboardSource dashboard = new DashboardSource(JDBI);
        Localizer t = I18n.load().localizer("en");
        int partial = 0;
        for (ZoneId zone : ZONES) {
            List<Period> periods = new ArrayList<>();
            LocalDate first = START.atZone(zone).toLocalDate().minusDays(1);
            for (int d = 0; d < DAYS + 2; d += 3) for (int days : new int[] {1, 2, 7}) periods.add(new Period(first.plusDays(d), first.plusDays(d + days - 1), zone));
            periods.add(new Period(first, first.plusDays(DAYS + 1), zone));
            for (YearMonth m : List.of(YearMonth.of(2027, 3), YearMonth.of(2027, 4))) periods.add(new Period(m.atDay(1), m.atEndOfMonth(), zone));
            for (Period p : periods) {
                assertThat(figures.asks(ws, p)).as("cohort %s", p).isEqualTo(cohort(rows, p));
                assertThat(figures.nps(ws, p)).as("NPS %s", p).isEqualTo(nps(rows, p));
                assertThat(figures.answersByDelay(ws, p)).as("when to ask %s", p).isEqualTo(byDelay(rows, p));
                if (!p.hoursFrom().equals(p.from())) partial++;
            }
            Period april = new Period(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 20), zone);
            Dashboard.Figures f = dashboard.figures(ws, april, t, 24, Instant.parse("2027-04-20T12:00:00Z"));
            AskFiguresDao.AskCohort c = cohort(rows, april);
            assertThat(f.askFunnel().table().rows().stream().map(r -> r.get(1)).toList()).as("funnel %s", zone)
                    .isEqualTo(List.of(c.sent(), c.opened(), c.answered(), c.testimonials()).stream().map(String::valueOf).toList());
            List<List<String>> trend = f.npsTrend().table().rows();
            assertThat(trend).hasSize(12);
            for (int i = 0; i < 12; i++) {
                YearMonth m = YearMonth.of(2027, 4).minusMonths(11 - i);
                AskFiguresDao.Nps n = nps(rows, new Period(m.atDay(1), m.atEndOfMonth(), zone));
                assertThat(trend.get(i).subList(2, 5)).as("NPS of %s in %s", m, zone)
                        .isEqualTo(List.of(String.valueOf(n.promoters()), String.valueOf(n.passives()), String.valueOf(n.detractors())));
            }
            Chart whenToAsk = f.whenToAsk();
            assertThat(whenToAsk.table().rows()).isNotEmpty();
        }
        assertThat(partial).as("periods that start mid-hour").isGreaterThan(40);
        assertThat(rows.stream().filter(r -> r.scored()).count()).as("scores compared").isGreaterThan(30);
    }

    private static AskFiguresDao.AskCohort cohort(List<Row> rows, Period p) {
        List<Row> in = rows.stream().filter(r -> within(r.sentAt(), p)).toList();
        return new AskFiguresDao.AskCohort(in.size(), count(in, r -> r.openedAt() != null || r.answered()),
                count(in, Row::answered), count(in, AskHoursIT::promoter), count(in, r -> r.answered() && r.gaveTestimonial()));
    }

    private static AskFiguresDao.Nps nps(List<Row> rows, Period p) {
        List<Row> in = rows.stream().filter(r -> r.scored() && within(r.answeredAt(), p)).toList();
        return new AskFiguresDao.Nps(count(in, r -> r.score() >= 9), count(in, r -> r.score() == 7 || r.score() == 8),
                count(in, r -> r.score() <= 6));
    }

    private static List<AskFiguresDao.DelayBucket> byDelay(List<Row> rows, Period p) {
        List<AskFiguresDao.DelayBucket> out = new ArrayList<>();
        for (int b = 0; b <= 5; b++) {
            int bucket = b;
            List<Row> in = rows.stream().filter(r -> within(r.sentAt(), p) && r.delayHours() != null && bucket(r.delayHours()) == bucket).toList();
            if (!in.isEmpty()) out.add(new AskFiguresDao.DelayBucket(b, in.size(), count(in, Row::answered), count(in, AskHoursIT::promoter)));
        }
        return out;
    }

    /** "When to ask": 0–1 days, 2–3, 4–7, 8–14, 15–30, 31 and more; -1 none stored. Written again here, not read. */
    private static int bucket(Integer hours) {
        if (hours == null) return -1;
        int[] ends = {48, 96, 192, 360, 744};
        for (int b = 0; b < ends.length; b++) if (hours < ends[b]) return b;
        return 5;
    }

    private static boolean promoter(Row r) { return r.scored() && r.score() >= 9; }

    private static boolean within(Instant at, Period p) { return at != null && !at.isBefore(p.from()) && at.isBefore(p.to()); }

    private static int count(List<Row> rows, Predicate<Row> which) { return (int) rows.stream().filter(which).count(); }

    private static void add(Map<String, List<Integer>> to, String key, int... v) {
        List<Integer> sum = to.computeIfAbsent(key, k -> new ArrayList<>(java.util.Collections.nCopies(v.length, 0)));
        for (int i = 0; i < v.length; i++) sum.set(i, sum.get(i) + v[i]);
    }

    private static List<Integer> ints(Map<String, Object> m, String... keys) {
        List<Integer> out = new ArrayList<>();
        for (String k : keys) out.add(((Number) m.get(k)).intValue());
        return out;
    }

    private static Instant instant(Object v) {
        return v instanceof java.time.LocalDateTime l ? l.toInstant(java.time.ZoneOffset.UTC) : ((java.sql.Timestamp) v).toInstant();
    }

    private static String at(Instant at, ChronoUnit unit) { return at.truncatedTo(unit).toString(); }

    private static List<Row> rows(long ws) {
        return JDBI.withHandle(h -> h.createQuery("""
                SELECT sent_at, opened_at, answered_at, score, gave_testimonial, delay_hours FROM asks WHERE workspace_id = ?""")
                .bind(0, ws).map((rs, ctx) -> new Row(at(rs, "sent_at"), at(rs, "opened_at"), at(rs, "answered_at"),
                        (Integer) rs.getObject("score", Integer.class), rs.getBoolean("gave_testimonial"),
                        (Integer) rs.getObject("delay_hours", Integer.class))).list());
    }

    /** DATETIME as stored: UTC (the portal's sessions run in UTC). */
    private static Instant at(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.LocalDateTime v = rs.getObject(column, java.time.LocalDateTime.class);
        return v == null ? null : v.toInstant(java.time.ZoneOffset.UTC);
    }

    private static List<Long> ids(Handle h, long ws) {
        return h.createQuery("SELECT id FROM asks WHERE workspace_id = ? ORDER BY id").bind(0, ws).mapTo(Long.class).list();
    }

    /** A random moment in the forty days from START, to the second (so rows fall on every part of an hour). */
    private static Instant at(Random random) {
        return START.plusSeconds(random.nextInt(DAYS * 86_400));
    }
}
