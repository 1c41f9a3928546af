package io.goodword.growth;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for figures, kept out of templates. */
final class Format {
    private Format() {}

    static final String NONE = "–";

    /** Whole numbers without decimals, others with one. */
    static String number(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) return String.valueOf((long) Math.rint(v));
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    static String percent(Integer p) { return p == null ? NONE : p + "%"; }

    static String money(BigDecimal v) {
        return v == null ? "0.00" : String.format(java.util.Locale.ROOT, "%,.2f", v);
    }

    static String rating(BigDecimal v) {
        return v == null ? NONE : v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** part/whole as a whole percentage, or null when there is nothing to divide by. */
    static Integer rate(long part, long whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }

    /** Net Promoter Score: percentage of promoters minus percentage of detractors, rounded; null without answers. */
    static Integer nps(GrowthDao.Nps n) {
        return n.answers() == 0 ? null : (int) Math.round(100.0 * (n.promoters() - n.detractors()) / n.answers());
    }
}
