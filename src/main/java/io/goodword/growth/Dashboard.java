package io.goodword.growth;

import io.goodword.web.Localizer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the SQL aggregates into the dashboard: cards against the previous period, funnels, NPS trend, when to ask. */
public final class Dashboard {
    /** Answers needed before the dashboard suggests a delay. */
    public static final int MIN_ANSWERS_FOR_SUGGESTION = 30;
    /** A delay bucket is considered only with at least this many check-ins sent in it. */
    static final int MIN_SENT_PER_BUCKET = 5;
    static final int[] BUCKET_START_DAYS = {0, 2, 4, 8, 15, 31};
    static final int[] SUGGESTED_HOURS = {24, 48, 96, 192, 360, 744};

    /** The suggestion of "when to ask": the delay and the bucket it comes from, or why there is none yet. */
    public record Suggestion(Integer hours, String bucketLabel, int answers, int needed, int currentHours) {
        public boolean ready() { return hours != null; }
    }

    public record Figures(List<Card> asking, List<Card> testimonials, List<Card> referrals, Chart askFunnel,
                          Chart referralFunnel, Chart npsTrend, Chart whenToAsk, Suggestion suggestion,
                          List<GrowthDao.Ambassador> ambassadors, List<String> ambassadorRevenue) {}

    private final GrowthDao dao;
    /**
     * "When to ask" reads two years of check-ins (a second and a half with 600,000 of them), and moves slowly:
     * it is kept for ten minutes per workspace. Every other figure is read fresh on each view.
     */
    private final com.github.benmanes.caffeine.cache.Cache<Long, List<GrowthDao.DelayBucket>> delays =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(10)).build();

    public Dashboard(GrowthDao dao) { this.dao = dao; }

    public Figures figures(long ws, Period p, Localizer t, int currentDelayHours, Instant now) {
        Period q = p.previous();
        GrowthDao.AskCounts a = dao.asks(ws, p.from(), p.to());
        GrowthDao.AskCounts a0 = dao.asks(ws, q.from(), q.to());
        GrowthDao.Nps n = dao.nps(ws, p.from(), p.to());
        GrowthDao.Nps n0 = dao.nps(ws, q.from(), q.to());
        GrowthDao.Testimonials tm = dao.testimonials(ws, p.from(), p.to());
        GrowthDao.Testimonials tm0 = dao.testimonials(ws, q.from(), q.to());
        GrowthDao.Referrals r = dao.referrals(ws, p.from(), p.to());
        GrowthDao.Referrals r0 = dao.referrals(ws, q.from(), q.to());
        GrowthDao.Rewards rw = dao.rewards(ws, p.from(), p.to());
        GrowthDao.Rewards rw0 = dao.rewards(ws, q.from(), q.to());

        List<Card> asking = List.of(
                count("sent", "growth.card.sent", a.sent(), a0.sent()),
                pct("openRate", "growth.card.openRate", Format.rate(a.opened(), a.sent()), Format.rate(a0.opened(), a0.sent())),
                pct("answerRate", "growth.card.answerRate", Format.rate(a.answered(), a.sent()), Format.rate(a0.answered(), a0.sent())),
                npsCard(n, n0));
        List<Card> testimonials = List.of(
                count("received", "growth.card.received", tm.received(), tm0.received()),
                count("approved", "growth.card.approved", tm.approved(), tm0.approved()),
                ratingCard(tm.averageRating(), tm0.averageRating()));
        List<Card> referrals = List.of(
                count("links", "growth.card.links", r.links(), r0.links()),
                count("visits", "growth.card.visits", r.visits(), r0.visits()),
                count("leads", "growth.card.leads", r.leads(), r0.leads()),
                count("qualified", "growth.card.qualified", r.qualified(), r0.qualified()),
                count("won", "growth.card.won", r.won(), r0.won()),
                money("revenue", "growth.card.revenue", r.revenue(), r0.revenue()),
                money("owed", "growth.card.owed", rw.owed(), rw0.owed()),
                money("paid", "growth.card.paid", rw.paid(), rw0.paid()));

        Chart askFunnel = funnel("ask-funnel", t.text("growth.funnel.ask.title"), t,
                List.of(t.text("growth.funnel.sent"), t.text("growth.funnel.opened"), t.text("growth.funnel.answered"),
                        t.text("growth.funnel.promoters"), t.text("growth.funnel.received"), t.text("growth.funnel.approved")),
                new long[] {a.sent(), a.opened(), a.answered(), n.promoters(), tm.received(), tm.approved()});
        Chart referralFunnel = funnel("referral-funnel", t.text("growth.funnel.referral.title"), t,
                List.of(t.text("growth.funnel.links"), t.text("growth.funnel.visits"), t.text("growth.funnel.leads"),
                        t.text("growth.funnel.qualified"), t.text("growth.funnel.won")),
                new long[] {r.links(), r.visits(), r.leads(), r.qualified(), r.won()});

        List<GrowthDao.Ambassador> top = dao.topAmbassadors(ws, p.from(), p.to(), 5);
        List<GrowthDao.DelayBucket> byDelay = delays.get(ws, k -> buckets(ws, now));
        return new Figures(asking, testimonials, referrals, askFunnel, referralFunnel, npsTrend(ws, p, t),
                whenToAsk(byDelay, t), suggestion(byDelay, t, currentDelayHours), top,
                top.stream().map(x -> Format.money(x.revenue())).toList());
    }

    private static Card count(String id, String key, long now, long before) {
        return Card.of(id, key, now, before, String.valueOf(now), String.valueOf(before), "");
    }

    private static Card pct(String id, String key, Integer now, Integer before) {
        if (now == null || before == null) {
            return new Card(id, key, Format.percent(now), Format.percent(before), Format.NONE, Card.Trend.SAME);
        }
        return Card.of(id, key, now, before, Format.percent(now), Format.percent(before), " pp");
    }

    private static Card npsCard(GrowthDao.Nps n, GrowthDao.Nps n0) {
        Integer now = Format.nps(n);
        Integer before = Format.nps(n0);
        String v = now == null ? Format.NONE : String.valueOf(now);
        String b = before == null ? Format.NONE : String.valueOf(before);
        if (now == null || before == null) return new Card("nps", "growth.card.nps", v, b, Format.NONE, Card.Trend.SAME);
        return Card.of("nps", "growth.card.nps", now, before, v, b, "");
    }

    private static Card ratingCard(BigDecimal now, BigDecimal before) {
        if (now == null || before == null) {
            return new Card("rating", "growth.card.rating", Format.rating(now), Format.rating(before), Format.NONE, Card.Trend.SAME);
        }
        double a = now.setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
        double b = before.setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
        return Card.of("rating", "growth.card.rating", a, b, Format.rating(now), Format.rating(before), "");
    }

    private static Card money(String id, String key, BigDecimal now, BigDecimal before) {
        BigDecimal a = now == null ? BigDecimal.ZERO : now;
        BigDecimal b = before == null ? BigDecimal.ZERO : before;
        int cmp = a.compareTo(b);
        Card.Trend trend = cmp == 0 ? Card.Trend.SAME : cmp > 0 ? Card.Trend.UP : Card.Trend.DOWN;
        String change = cmp == 0 ? "±0" : (cmp > 0 ? "+" : "−") + Format.money(a.subtract(b).abs());
        return new Card(id, key, Format.money(a), Format.money(b), change, trend);
    }

    /** Steps as bars on one scale, each with its conversion from the step before. */
    static Chart funnel(String id, String title, Localizer t, List<String> steps, long[] counts) {
        long max = 1;
        for (long c : counts) max = Math.max(max, c);
        Double[][] values = new Double[steps.size()][1];
        String[][] shown = new String[steps.size()][1];
        List<List<String>> rows = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            values[i][0] = (double) counts[i];
            shown[i][0] = String.valueOf(counts[i]);
            String conversion = i == 0 ? Format.NONE : Format.percent(Format.rate(counts[i], counts[i - 1]));
            rows.add(List.of(steps.get(i), String.valueOf(counts[i]), conversion));
            desc.append(i == 0 ? "" : "; ").append(steps.get(i)).append(": ").append(counts[i])
                    .append(i == 0 ? "" : " (" + conversion + ")");
        }
        Chart c = Chart.grouped(id, title, desc.toString(), steps, List.of(title), values, shown, 0, max,
                List.of(t.text("growth.table.step"), t.text("growth.table.count"), t.text("growth.table.conversion")));
        return new Chart(c.id(), c.title(), c.description(), c.width(), c.height(), c.baseline(), c.bars(), c.labels(),
                c.series(), new Chart.Table(c.table().headers(), rows));
    }

    /** NPS of each of the 12 months up to the period's last month, months cut at the workspace's midnights. */
    Chart npsTrend(long ws, Period p, Localizer t) {
        ZoneId zone = p.zone();
        YearMonth last = YearMonth.from(p.last());
        List<String> months = new ArrayList<>();
        Double[][] values = new Double[12][1];
        String[][] shown = new String[12][1];
        List<List<String>> rows = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        Locale locale = Locale.forLanguageTag(t.lang());
        for (int i = 0; i < 12; i++) {
            YearMonth m = last.minusMonths(11 - i);
            GrowthDao.Nps n = dao.nps(ws, m.atDay(1).atStartOfDay(zone).toInstant(),
                    m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
            Integer score = Format.nps(n);
            String label = m.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + String.valueOf(m.getYear()).substring(2);
            months.add(label);
            values[i][0] = score == null ? null : (double) score;
            shown[i][0] = score == null ? Format.NONE : String.valueOf(score);
            rows.add(List.of(m.format(DateTimeFormatter.ofPattern("yyyy-MM")), shown[i][0], String.valueOf(n.promoters()),
                    String.valueOf(n.passives()), String.valueOf(n.detractors())));
            if (score != null) desc.append(desc.isEmpty() ? "" : "; ").append(label).append(": ").append(score);
        }
        Chart c = Chart.grouped("nps-trend", t.text("growth.nps.title"),
                desc.isEmpty() ? t.text("growth.nps.none") : desc.toString(), months, List.of("NPS"), values, shown,
                -100, 100, List.of(t.text("growth.table.month"), "NPS", t.text("growth.table.promoters"),
                        t.text("growth.table.passives"), t.text("growth.table.detractors")));
        return new Chart(c.id(), c.title(), c.description(), c.width(), c.height(), c.baseline(), c.bars(), c.labels(),
                c.series(), new Chart.Table(c.table().headers(), rows));
    }

    private List<GrowthDao.DelayBucket> buckets(long ws, Instant now) {
        List<GrowthDao.DelayBucket> found = dao.answersByDelay(ws, now.minus(java.time.Duration.ofDays(730)));
        List<GrowthDao.DelayBucket> all = new ArrayList<>();
        for (int b = 0; b < BUCKET_START_DAYS.length; b++) {
            int bucket = b;
            all.add(found.stream().filter(x -> x.bucket() == bucket).findFirst()
                    .orElse(new GrowthDao.DelayBucket(bucket, 0, 0, 0)));
        }
        return all;
    }

    static String bucketLabel(Localizer t, int b) {
        return t.text("growth.when.bucket" + b);
    }

    static Chart whenToAsk(List<GrowthDao.DelayBucket> all, Localizer t) {
        List<String> groups = new ArrayList<>();
        Double[][] values = new Double[all.size()][2];
        String[][] shown = new String[all.size()][2];
        List<List<String>> rows = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            GrowthDao.DelayBucket b = all.get(i);
            Integer answerRate = Format.rate(b.answered(), b.sent());
            Integer promoterRate = Format.rate(b.promoters(), b.answered());
            groups.add(bucketLabel(t, i));
            values[i][0] = answerRate == null ? null : answerRate.doubleValue();
            values[i][1] = promoterRate == null ? null : promoterRate.doubleValue();
            shown[i][0] = Format.percent(answerRate);
            shown[i][1] = Format.percent(promoterRate);
            rows.add(List.of(bucketLabel(t, i), String.valueOf(b.sent()), String.valueOf(b.answered()),
                    shown[i][0], String.valueOf(b.promoters()), shown[i][1]));
            if (b.sent() > 0) {
                desc.append(desc.isEmpty() ? "" : "; ").append(t.text("growth.when.descRow", bucketLabel(t, i),
                        shown[i][0], shown[i][1], b.sent()));
            }
        }
        Chart c = Chart.grouped("when-to-ask", t.text("growth.when.title"),
                desc.isEmpty() ? t.text("growth.when.none") : desc.toString(), groups,
                List.of(t.text("growth.when.answerRate"), t.text("growth.when.promoterRate")), values, shown, 0, 100,
                List.of());
        return new Chart(c.id(), c.title(), c.description(), c.width(), c.height(), c.baseline(), c.bars(), c.labels(),
                c.series(), new Chart.Table(List.of(t.text("growth.when.after"), t.text("growth.table.sent"),
                t.text("growth.table.answered"), t.text("growth.when.answerRate"), t.text("growth.table.promoters"),
                t.text("growth.when.promoterRate")), rows));
    }

    /**
     * The delay whose check-ins turned into the most promoters per check-in sent, once the workspace has
     * {@link #MIN_ANSWERS_FOR_SUGGESTION} answers; only buckets with at least {@link #MIN_SENT_PER_BUCKET} sends count.
     */
    static Suggestion suggestion(List<GrowthDao.DelayBucket> all, Localizer t, int currentHours) {
        int answers = all.stream().mapToInt(GrowthDao.DelayBucket::answered).sum();
        if (answers < MIN_ANSWERS_FOR_SUGGESTION) {
            return new Suggestion(null, null, answers, MIN_ANSWERS_FOR_SUGGESTION, currentHours);
        }
        int best = -1;
        double bestScore = -1;
        for (GrowthDao.DelayBucket b : all) {
            if (b.sent() < MIN_SENT_PER_BUCKET) continue;
            double score = (double) b.promoters() / b.sent();
            if (score > bestScore) {
                bestScore = score;
                best = b.bucket();
            }
        }
        if (best < 0) return new Suggestion(null, null, answers, MIN_ANSWERS_FOR_SUGGESTION, currentHours);
        return new Suggestion(SUGGESTED_HOURS[best], bucketLabel(t, best), answers, MIN_ANSWERS_FOR_SUGGESTION, currentHours);
    }

    static String periodText(Period p) {
        return p.first() + " – " + p.last();
    }

    static LocalDate today(Instant now, ZoneId zone) { return now.atZone(zone).toLocalDate(); }
}
