package io.goodword.growth;

import io.goodword.web.Dates;
import io.goodword.web.Localizer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns the SQL aggregates into the dashboard: cards against the previous period, funnels, NPS trend, when to ask. */
public final class Dashboard {
    static final int TOP_AMBASSADORS = 5;

    /** One ambassador of the table: leads, won deals and the won deals' value per currency. */
    public record AmbassadorRow(long clientId, String name, int leads, int won, String revenue) {}

    /** Revenue of one currency by where the client came from, and the share that referrals brought. */
    public record RevenueRow(String currency, String referred, String direct, String repeat, String total,
                             String referralShare) {}

    public record Growth(List<RevenueRow> revenue, List<Card> cards, List<AmbassadorRow> perAmbassador) {}

    public record Figures(List<Card> asking, List<Card> testimonials, List<Card> referrals, Chart askFunnel,
                          Chart referralFunnel, Chart npsTrend, Chart whenToAsk, WhenToAsk.Suggestion suggestion,
                          List<AmbassadorRow> ambassadors, Growth growth, boolean anyReferrals) {}

    private final GrowthDao dao;
    private final AskFiguresDao asks;

    /** On DAOs attached to one handle for the view (see {@link DashboardSource}). */
    Dashboard(GrowthDao dao, AskFiguresDao asks) {
        this.dao = dao;
        this.asks = asks;
    }

    /**
     * All figures of one period, read fresh (no cache: each is one indexed aggregate, most of them over counters the
     * database keeps by the UTC day and hour). {@code locale} formats money and dates for the workspace; money is never
     * added across currencies.
     */
    Figures figures(long ws, Period p, Localizer t, int currentDelayHours, Instant now) {
        Locale locale = t.locale();
        String home = dao.currency(ws);
        Period q = p.previous();
        AskFiguresDao.AskCohort a = asks.asks(ws, p);
        AskFiguresDao.AskCohort a0 = asks.asks(ws, q);
        AskFiguresDao.Nps n = asks.nps(ws, p);
        AskFiguresDao.Nps n0 = asks.nps(ws, q);
        GrowthDao.Testimonials tm = dao.testimonials(ws, p);
        GrowthDao.Testimonials tm0 = dao.testimonials(ws, q);
        GrowthDao.Referrals r = dao.referrals(ws, p);
        GrowthDao.Referrals r0 = dao.referrals(ws, q);
        List<GrowthDao.Deals> deals = dao.deals(ws, p.from(), p.to());
        List<GrowthDao.Deals> deals0 = dao.deals(ws, q.from(), q.to());
        DashboardMoney money = new DashboardMoney(home, locale);
        DashboardCards figure = new DashboardCards(locale);

        List<Card> asking = List.of(
                figure.count("sent", "growth.card.sent", a.sent(), a0.sent()),
                figure.pct("openRate", "growth.card.openRate", Format.rate(a.opened(), a.sent()), Format.rate(a0.opened(), a0.sent())),
                figure.pct("answerRate", "growth.card.answerRate", Format.rate(a.answered(), a.sent()), Format.rate(a0.answered(), a0.sent())),
                figure.npsCard(n, n0));
        List<Card> testimonials = List.of(
                figure.count("received", "growth.card.received", tm.received(), tm0.received()),
                figure.count("approved", "growth.card.approved", tm.approved(), tm0.approved()),
                figure.ratingCard(tm.averageRating(), tm0.averageRating()),
                figure.count("viaAsk", "growth.card.viaAsk", a.testimonials(), a0.testimonials()));
        List<Card> referrals = List.of(
                figure.count("links", "growth.card.links", r.links(), r0.links()),
                figure.count("visits", "growth.card.visits", r.visits(), r0.visits()),
                figure.count("leads", "growth.card.leads", r.referredLeads(), r0.referredLeads()),
                figure.count("qualified", "growth.card.qualified", r.qualified(), r0.qualified()),
                figure.count("won", "growth.card.won", r.won(), r0.won()),
                money.card("revenue", "growth.card.revenue", dealSums(deals, true), dealSums(deals0, true)),
                figure.count("directLeads", "growth.card.directLeads", r.directLeads(), r0.directLeads()),
                money.card("directRevenue", "growth.card.directRevenue", dealSums(deals, false), dealSums(deals0, false)),
                money.card("owed", "growth.card.owed", sums(dao.rewardsOwed(ws, p.from(), p.to())), sums(dao.rewardsOwed(ws, q.from(), q.to()))),
                money.card("paid", "growth.card.paid", sums(dao.rewardsPaid(ws, p.from(), p.to())), sums(dao.rewardsPaid(ws, q.from(), q.to()))));

        Chart askFunnel = Chart.funnel("ask-funnel", t.text("growth.funnel.ask.title"), t,
                List.of(t.text("growth.funnel.sent"), t.text("growth.funnel.opened"), t.text("growth.funnel.answered"),
                        t.text("growth.funnel.gaveTestimonial")),
                new long[] {a.sent(), a.opened(), a.answered(), a.testimonials()});
        Chart referralFunnel = Chart.funnel("referral-funnel", t.text("growth.funnel.referral.title"), t,
                List.of(t.text("growth.funnel.leads"), t.text("growth.funnel.qualified"), t.text("growth.funnel.won")),
                new long[] {r.referredLeads(), r.qualified(), r.won()});

        List<GrowthDao.Ambassador> top = dao.topAmbassadors(ws, p.from(), p.to(), TOP_AMBASSADORS);
        List<GrowthDao.AmbassadorMoney> topMoney = top.isEmpty() ? List.of()
                : dao.ambassadorDeals(ws, p.from(), p.to(), top.stream().map(GrowthDao.Ambassador::clientId).toList());
        List<AmbassadorRow> ambassadors = top.stream().map(x -> new AmbassadorRow(x.clientId(), x.name(), x.leads(), x.won(),
                money.list(topMoney.stream().filter(m -> m.clientId() == x.clientId())
                        .collect(Collectors.toMap(GrowthDao.AmbassadorMoney::currency, GrowthDao.AmbassadorMoney::amount,
                                BigDecimal::add, TreeMap::new)), false))).toList();

        List<AskFiguresDao.DelayBucket> byDelay = buckets(ws, now, p.zone());
        return new Figures(asking, testimonials, referrals, askFunnel, referralFunnel, npsTrend(ws, p, t),
                WhenToAsk.whenToAsk(byDelay, t), WhenToAsk.suggestion(byDelay, t, currentDelayHours), ambassadors,
                growth(ws, p, q, money, t), !r.none() || !r0.none() || !deals.isEmpty() || !deals0.isEmpty());
    }

    /** Business growth: project revenue by the client's origin per currency, repeat clients, revenue per ambassador. */
    private Growth growth(long ws, Period p, Period q, DashboardMoney money, Localizer t) {
        List<GrowthDao.Revenue> rev = dao.revenue(ws, p);
        List<GrowthDao.Revenue> rev0 = dao.revenue(ws, q);
        Set<String> currencies = new TreeSet<>(money.order());
        rev.forEach(x -> currencies.add(x.currency()));
        List<RevenueRow> rows = new ArrayList<>();
        for (String c : money.sorted(currencies)) {
            BigDecimal referred = cents(rev, c, "referred");
            BigDecimal direct = cents(rev, c, "direct");
            BigDecimal repeat = cents(rev, c, "repeat");
            BigDecimal total = referred.add(direct).add(repeat);
            if (total.signum() == 0) continue;
            rows.add(new RevenueRow(c, money.format(referred, c), money.format(direct, c), money.format(repeat, c),
                    money.format(total, c), Format.percent((int) Math.round(100 * referred.doubleValue() / total.doubleValue()),
                            money.locale())));
        }
        GrowthDao.Clients cl = dao.clients(ws, p.from(), p.to());
        GrowthDao.Clients cl0 = dao.clients(ws, q.from(), q.to());
        List<Card> cards = List.of(
                money.card("bookedRevenue", "growth.card.bookedRevenue", revenueSums(rev, null), revenueSums(rev0, null)),
                money.card("referredRevenue", "growth.card.referredRevenue", revenueSums(rev, "referred"), revenueSums(rev0, "referred")),
                new DashboardCards(money.locale()).count("clients", "growth.card.clients", cl.clients(), cl0.clients()),
                new DashboardCards(money.locale()).pct("repeatRate", "growth.card.repeatRate", Format.rate(cl.repeatClients(), cl.clients()),
                        Format.rate(cl0.repeatClients(), cl0.clients())));
        Map<Long, List<GrowthDao.AmbassadorMoney>> per = new LinkedHashMap<>();
        for (GrowthDao.AmbassadorMoney m : dao.revenuePerAmbassador(ws, p.from(), p.to(), 50)) {
            per.computeIfAbsent(m.clientId(), k -> new ArrayList<>()).add(m);
        }
        List<AmbassadorRow> perAmbassador = per.values().stream().limit(10).map(l -> new AmbassadorRow(l.get(0).clientId(),
                l.get(0).name(), 0, l.stream().mapToInt(GrowthDao.AmbassadorMoney::count).sum(),
                money.list(l.stream().collect(Collectors.toMap(GrowthDao.AmbassadorMoney::currency,
                        GrowthDao.AmbassadorMoney::amount, BigDecimal::add, TreeMap::new)), false))).toList();
        return new Growth(rows, cards, perAmbassador);
    }

    private static BigDecimal cents(List<GrowthDao.Revenue> rev, String currency, String origin) {
        return BigDecimal.valueOf(rev.stream().filter(x -> x.currency().equals(currency) && x.origin().equals(origin))
                .mapToLong(GrowthDao.Revenue::cents).sum(), 2);
    }

    private static Map<String, BigDecimal> revenueSums(List<GrowthDao.Revenue> rev, String origin) {
        Map<String, BigDecimal> m = new TreeMap<>();
        for (GrowthDao.Revenue x : rev) {
            if (origin == null || origin.equals(x.origin())) m.merge(x.currency(), BigDecimal.valueOf(x.cents(), 2), BigDecimal::add);
        }
        return m;
    }

    private static Map<String, BigDecimal> dealSums(List<GrowthDao.Deals> deals, boolean referred) {
        Map<String, BigDecimal> m = new TreeMap<>();
        for (GrowthDao.Deals d : deals) if (d.referred() == referred) m.merge(d.currency(), d.amount(), BigDecimal::add);
        return m;
    }

    private static Map<String, BigDecimal> sums(List<GrowthDao.Money> rows) {
        Map<String, BigDecimal> m = new TreeMap<>();
        for (GrowthDao.Money x : rows) m.merge(x.currency(), x.amount(), BigDecimal::add);
        return m;
    }

    /**
     * NPS of each of the 12 months up to the period's last month, months cut at the workspace's midnights: each month
     * is a {@link Period} of its own, read as any period is (a statement per month, on the view's one handle).
     */
    Chart npsTrend(long ws, Period p, Localizer t) {
        ZoneId zone = p.zone();
        YearMonth last = YearMonth.from(p.last());
        List<String> months = new ArrayList<>();
        Double[][] values = new Double[12][1];
        String[][] shown = new String[12][1];
        List<List<String>> rows = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        Locale locale = t.locale();
        Dates dates = new Dates(zone, locale);
        for (int i = 0; i < 12; i++) {
            YearMonth m = last.minusMonths(11 - i);
            AskFiguresDao.Nps n = asks.nps(ws, new Period(m.atDay(1), m.atEndOfMonth(), zone));
            Integer score = Format.nps(n);
            String label = m.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + String.valueOf(m.getYear()).substring(2);
            months.add(label);
            values[i][0] = score == null ? null : (double) score;
            shown[i][0] = score == null ? Format.NONE : String.valueOf(score);
            rows.add(List.of(dates.month(m), shown[i][0], Format.count(n.promoters(), locale),
                    Format.count(n.passives(), locale), Format.count(n.detractors(), locale)));
            if (score != null) desc.append(desc.isEmpty() ? "" : "; ").append(label).append(": ").append(score);
        }
        Chart c = Chart.grouped("nps-trend", t.text("growth.nps.title"),
                desc.isEmpty() ? t.text("growth.nps.none") : desc.toString(), months, List.of("NPS"), values, shown,
                -100, 100, List.of(t.text("growth.table.month"), "NPS", t.text("growth.table.promoters"),
                        t.text("growth.table.passives"), t.text("growth.table.detractors")));
        return new Chart(c.id(), c.title(), c.description(), c.width(), c.height(), c.baseline(), c.bars(), c.labels(),
                c.series(), new Chart.Table(c.table().headers(), rows));
    }

    private List<AskFiguresDao.DelayBucket> buckets(long ws, Instant now, ZoneId zone) {
        LocalDate today = today(now, zone);
        List<AskFiguresDao.DelayBucket> found = asks.answersByDelay(ws, new Period(today.minusDays(730), today, zone));
        List<AskFiguresDao.DelayBucket> all = new ArrayList<>();
        for (int b = 0; b < WhenToAsk.BUCKET_START_DAYS.length; b++) {
            int bucket = b;
            all.add(found.stream().filter(x -> x.bucket() == bucket).findFirst()
                    .orElse(new AskFiguresDao.DelayBucket(bucket, 0, 0, 0)));
        }
        return all;
    }

    /** The period's days in the workspace's locale; the days themselves are the workspace's (see {@link Period}). */
    static String periodText(Period p, Locale locale) {
        return Format.date(p.first(), locale) + " – " + Format.date(p.last(), locale);
    }

    static LocalDate today(Instant now, ZoneId zone) { return now.atZone(zone).toLocalDate(); }
}
