package io.goodword.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts of money: one display format (with the currency, in the reader's language) and one plain form. */
public final class Money {
    private Money() {}

    /**
     * An amount in its currency, in the language's format (en: "€1,200.00", "$80.00"; de: "1.200,00 €"). A blank
     * or unknown currency code is shown before the number rather than failing the page.
     */
    public static String format(BigDecimal v, String currency, Locale locale) {
        BigDecimal a = v == null ? BigDecimal.ZERO : v;
        try {
            Currency c = Currency.getInstance(currency);
            NumberFormat f = NumberFormat.getCurrencyInstance(locale);
            f.setCurrency(c);
            f.setMinimumFractionDigits(c.getDefaultFractionDigits());
            f.setMaximumFractionDigits(c.getDefaultFractionDigits());
            return f.format(a);
        } catch (IllegalArgumentException | NullPointerException e) {
            NumberFormat n = NumberFormat.getNumberInstance(locale);
            n.setMinimumFractionDigits(2);
            n.setMaximumFractionDigits(2);
            return (currency == null || currency.isBlank() ? "" : currency + " ") + n.format(a);
        }
    }

    /** The amount for machines and form fields: two decimals, a dot, no grouping ("1200.50"); "" for none. */
    public static String plain(BigDecimal v) { return v == null ? "" : v.setScale(2, RoundingMode.HALF_UP).toPlainString(); }
}
