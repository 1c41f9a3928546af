package io.goodword.growth;

import io.goodword.web.Dates;
import io.goodword.web.Money;
import io.goodword.web.Numbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;

/** The dashboard's figures maths and number formats; money and dates delegate to web/Money and web/Dates. */
final class Format {
    private Format() {}

    static final String NONE = "–";

    /** Whole numbers without decimals, others with one, in the reader's language ({@link Numbers}). */
    static String number(double v, Locale locale) { return Numbers.upToOneDecimal(v, locale); }

    /** A count, grouped the reader's way ("2,000" / "2.000"). */
    static String count(long n, Locale locale) { return Numbers.whole(n, locale); }

    /** A whole percentage in the reader's language ("12%" / "12 %"). */
    static String percent(Integer p, Locale locale) { return p == null ? NONE : Numbers.percent(p, locale); }

    /** An amount in its currency, in the workspace's locale: {@link Money#format}, the one money format. */
    static String money(BigDecimal v, String currency, Locale locale) { return Money.format(v, currency, locale); }

    /** A day in the workspace's locale: {@link Dates#localized}. */
    static String date(LocalDate d, Locale locale) { return Dates.localized(d, locale); }

    /** An average rating with one decimal ("4.8" / "4,8"), rounded half up on its exact value. */
    static String rating(BigDecimal v, Locale locale) {
        return v == null ? NONE : Numbers.decimal(v.setScale(1, RoundingMode.HALF_UP).doubleValue(), 1, locale);
    }

    /** part/whole as a whole percentage, or null when there is nothing to divide by. */
    static Integer rate(long part, long whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }

    /** Net Promoter Score: percentage of promoters minus percentage of detractors, rounded; null without answers. */
    static Integer nps(AskFiguresDao.Nps n) {
        return n.answers() == 0 ? null : (int) Math.round(100.0 * (n.promoters() - n.detractors()) / n.answers());
    }

    /** A proportion with its 95 % Wilson score interval, [low, high] in 0..1; null without any trial. */
    record Interval(double rate, double low, double high) {
        String text(Locale locale) { return Math.round(low * 100) + "–" + Numbers.percent(Math.round(high * 100), locale); }

        boolean above(Interval other) { return low > other.high; }
    }

    /**
     * Wilson's interval (z = 1.96): unlike the plain ±1.96·√(p(1−p)/n) it stays inside 0..1 and is honest for small
     * counts and rates near 0 or 100 %, which is what a freelancer's few dozen check-ins give.
     */
    static Interval wilson(long successes, long trials) {
        if (trials <= 0) return null;
        double z = 1.96;
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
