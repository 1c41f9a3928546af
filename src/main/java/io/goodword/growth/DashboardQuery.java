package io.goodword.growth;

import io.goodword.web.FormErrors;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The chosen period: 30, 90 or 365 days, or a custom range of dates (as typed, kept on errors). */
public record DashboardQuery(String period, String from, String to) {
    public static final List<String> PRESETS = List.of("30", "90", "365");
    static final int MAX_CUSTOM_DAYS = 3 * 366;

    public static DashboardQuery from(Context ctx) {
        return new DashboardQuery(clean(ctx.queryParam("period"), "30"), clean(ctx.queryParam("from"), ""),
                clean(ctx.queryParam("to"), ""));
    }

    private static String clean(String v, String def) {
        return v == null || v.isBlank() ? def : v.strip();
    }

    public boolean custom() { return "custom".equals(period); }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        if (!custom() && !PRESETS.contains(period)) {
            e.add("period", "growth.error.period");
            return e;
        }
        if (!custom()) return e;
        LocalDate f = date(from);
        LocalDate t = date(to);
        if (f == null) e.add("from", from.isEmpty() ? "error.required" : "growth.error.date");
        if (t == null) e.add("to", to.isEmpty() ? "error.required" : "growth.error.date");
        if (f != null && t != null) {
            if (t.isBefore(f)) e.add("to", "growth.error.order");
            else if (java.time.temporal.ChronoUnit.DAYS.between(f, t) + 1 > MAX_CUSTOM_DAYS) e.add("to", "growth.error.tooLong", 3);
        }
        return e;
    }

    /** The period to show; call after {@link #validate()} passed (falls back to 30 days otherwise). */
    public Period period(LocalDate today, ZoneId zone) {
        if (custom() && validate().isEmpty()) return new Period(date(from), date(to), zone);
        int days = PRESETS.contains(period) ? Integer.parseInt(period) : 30;
        return Period.lastDays(days, today, zone);
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isEmpty() ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
