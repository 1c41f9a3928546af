package io.goodword.growth;

/** One figure on the dashboard: this period, the previous one, and the change, all formatted. */
public record Card(String id, String labelKey, String value, String previous, String change, Trend trend) {
    public enum Trend { UP, DOWN, SAME }

    static Card of(String id, String labelKey, double now, double before, String value, String previous, String unit,
                   java.util.Locale locale) {
        double d = now - before;
        Trend t = Math.abs(d) < 1e-9 ? Trend.SAME : d > 0 ? Trend.UP : Trend.DOWN;
        String change = t == Trend.SAME ? "±0" : (d > 0 ? "+" : "−") + Format.number(Math.abs(d), locale) + unit;
        return new Card(id, labelKey, value, previous, change, t);
    }

    public String trendClass() { return "trend-" + trend.name().toLowerCase(); }
}
