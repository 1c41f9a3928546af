package io.goodword.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formatting for referral pages (UTC, like the database). */
public final class Fmt {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Fmt() {}

    public static String when(Instant i) { return i == null ? "" : WHEN.format(i); }

    public static String day(Instant i) { return i == null ? "" : DAY.format(i); }

    public static String money(BigDecimal v) { return v == null ? "" : Rewards.money(v); }

    public static String money(BigDecimal v, String currency) {
        if (v == null) return "";
        return (currency == null || currency.isBlank() ? "" : currency + " ") + Rewards.money(v);
    }
}
