package io.goodword.web;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers for people, in the reader's language: counts grouped ("2,000" / "2.000") and decimals with the
 * language's separator ("4.8" / "4,8"). Machines (JSON-LD, the feed, form fields, CSV) keep plain digits.
 */
public final class Numbers {
    private Numbers() {}

    /** A whole number, grouped in thousands the language's way. */
    public static String whole(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** {@code v} with exactly {@code digits} decimals (rounded half up), grouped. */
    public static String decimal(double v, int digits, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f.format(v);
    }

    /** A whole percentage the language's way ("12%" / "12 %"). */
    public static String percent(long whole, Locale locale) {
        return NumberFormat.getPercentInstance(locale).format(whole / 100.0);
    }

    /** A whole number without decimals, any other with one ("12", "4.5"). */
    public static String upToOneDecimal(double v, Locale locale) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? whole((long) Math.rint(v), locale) : decimal(v, 1, locale);
    }
}
