package io.goodword.growth;

import io.goodword.web.Localizer;
import java.util.ArrayList;
import java.util.List;

/** "When to ask": answer rate and promoter share by the delay of the check-in, and a delay suggested only when the data supports it. */
public final class WhenToAsk {
    private WhenToAsk() {}

    /** Answers needed in all before the dashboard suggests a delay. */
    public static final int MIN_ANSWERS_FOR_SUGGESTION = 30;
    /** A delay bucket is weighed only with at least this many check-ins sent in it. */
    static final int MIN_SENT_PER_BUCKET = 5;
    /** The suggested bucket itself needs at least this many answers. */
    static final int MIN_ANSWERS_IN_BEST = 10;
    static final int[] BUCKET_START_DAYS = {0, 2, 4, 8, 15, 31};
    static final int[] SUGGESTED_HOURS = {24, 48, 96, 192, 360, 744};

    /**
     * The suggestion of "when to ask": the delay and the bucket it comes from with its answer rate and interval, or
     * why there is none yet (too few answers, or no delay clearly better than the others).
     */
    public record Suggestion(Integer hours, String bucketLabel, String rate, String interval, int answers, int needed,
                             int currentHours, boolean overlapping) {
        public boolean ready() { return hours != null; }
    }

    static String bucketLabel(Localizer t, int b) {
        return t.text("growth.when.bucket" + b);
    }

    /**
     * Answer rate (with its 95 % Wilson interval and the number of answers behind it) and promoter share by delay.
     * The table says how sure each figure is; the bars show the rates.
     */
    static Chart whenToAsk(List<AskFiguresDao.DelayBucket> all, Localizer t) {
        List<String> groups = new ArrayList<>();
        Double[][] values = new Double[all.size()][2];
        String[][] shown = new String[all.size()][2];
        List<List<String>> rows = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            AskFiguresDao.DelayBucket b = all.get(i);
            Integer answerRate = Format.rate(b.answered(), b.sent());
            Integer promoterRate = Format.rate(b.promoters(), b.answered());
            Format.Interval ci = Format.wilson(b.answered(), b.sent());
            groups.add(bucketLabel(t, i));
            values[i][0] = answerRate == null ? null : answerRate.doubleValue();
            values[i][1] = promoterRate == null ? null : promoterRate.doubleValue();
            shown[i][0] = Format.percent(answerRate, t.locale());
            shown[i][1] = Format.percent(promoterRate, t.locale());
            rows.add(List.of(bucketLabel(t, i), Format.count(b.sent(), t.locale()), Format.count(b.answered(), t.locale()),
                    shown[i][0], ci == null ? Format.NONE : ci.text(t.locale()), Format.count(b.promoters(), t.locale()), shown[i][1]));
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
                t.text("growth.table.answered"), t.text("growth.when.answerRate"), t.text("growth.when.interval"),
                t.text("growth.table.promoters"), t.text("growth.when.promoterRate")), rows));
    }

    /**
     * A delay is suggested only when the data supports it: at least {@link #MIN_ANSWERS_FOR_SUGGESTION} answers in
     * all, the best bucket (highest answer rate among buckets with {@link #MIN_SENT_PER_BUCKET} sends) has
     * {@link #MIN_ANSWERS_IN_BEST} answers, and its 95 % interval lies wholly above the interval of every other such
     * bucket. Otherwise it says why not (too few answers, or the best delays' intervals overlap).
     */
    static Suggestion suggestion(List<AskFiguresDao.DelayBucket> all, Localizer t, int currentHours) {
        int answers = all.stream().mapToInt(AskFiguresDao.DelayBucket::answered).sum();
        Suggestion none = new Suggestion(null, null, null, null, answers, MIN_ANSWERS_FOR_SUGGESTION, currentHours, false);
        if (answers < MIN_ANSWERS_FOR_SUGGESTION) return none;
        List<AskFiguresDao.DelayBucket> weighed = all.stream().filter(b -> b.sent() >= MIN_SENT_PER_BUCKET).toList();
        AskFiguresDao.DelayBucket best = null;
        for (AskFiguresDao.DelayBucket b : weighed) {
            if (best == null || (double) b.answered() / b.sent() > (double) best.answered() / best.sent()) best = b;
        }
        if (best == null) return none;
        Format.Interval bi = Format.wilson(best.answered(), best.sent());
        boolean clear = best.answered() >= MIN_ANSWERS_IN_BEST;
        for (AskFiguresDao.DelayBucket b : weighed) {
            if (b != best && !bi.above(Format.wilson(b.answered(), b.sent()))) clear = false;
        }
        if (!clear) return new Suggestion(null, null, null, null, answers, MIN_ANSWERS_FOR_SUGGESTION, currentHours, true);
        return new Suggestion(SUGGESTED_HOURS[best.bucket()], bucketLabel(t, best.bucket()),
                Format.percent(Format.rate(best.answered(), best.sent()), t.locale()), bi.text(t.locale()), answers, MIN_ANSWERS_FOR_SUGGESTION,
                currentHours, false);
    }
}
