package io.goodword.ask;

import io.goodword.web.FormErrors;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The asking rules as typed; numbers stay text until they validate so a wrong entry is shown back as typed. */
public record AskSettingsForm(String delayHours, Set<DayOfWeek> days, String workStartHour, String workEndHour,
                              String cooldownDays, String reminder1Days, String reminder2Days, String maxReminders,
                              String linkDays, String bandFromDays, String bandToDays) {

    /** Without a delay band. */
    public AskSettingsForm(String delayHours, Set<DayOfWeek> days, String workStartHour, String workEndHour,
                           String cooldownDays, String reminder1Days, String reminder2Days, String maxReminders,
                           String linkDays) {
        this(delayHours, days, workStartHour, workEndHour, cooldownDays, reminder1Days, reminder2Days, maxReminders,
                linkDays, "", "");
    }

    /** The widest band a freelancer may choose (days after the moment of satisfaction). */
    static final int MAX_BAND_DAYS = 60;

    public static AskSettingsForm of(AskSettings s) {
        return new AskSettingsForm(str(s.delayHours()), s.days(), str(s.workStartHour()), str(s.workEndHour()),
                str(s.cooldownDays()), str(s.reminder1Days()), str(s.reminder2Days()), str(s.maxReminders()), str(s.linkDays()),
                s.banded() ? str(s.delayMinHours() / 24) : "", s.banded() ? str(s.delayMaxHours() / 24) : "");
    }

    public static AskSettingsForm from(Context ctx) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> chosen = ctx.formParams("days");
        for (DayOfWeek d : DayOfWeek.values()) if (chosen.contains(String.valueOf(d.getValue()))) days.add(d);
        return new AskSettingsForm(p(ctx, "delayHours"), days, p(ctx, "workStartHour"), p(ctx, "workEndHour"),
                p(ctx, "cooldownDays"), p(ctx, "reminder1Days"), p(ctx, "reminder2Days"), p(ctx, "maxReminders"), p(ctx, "linkDays"),
                p(ctx, "bandFromDays"), p(ctx, "bandToDays"));
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        range(e, "delayHours", delayHours, 0, 24 * 60);
        if (days.isEmpty()) e.add("days", "ask.settings.error.days");
        range(e, "workStartHour", workStartHour, 0, 23);
        range(e, "workEndHour", workEndHour, 1, 24);
        if (!e.has("workStartHour") && !e.has("workEndHour") && num(workEndHour) <= num(workStartHour)) {
            e.add("workEndHour", "ask.settings.error.hours");
        }
        range(e, "cooldownDays", cooldownDays, 0, 3650);
        range(e, "reminder1Days", reminder1Days, 1, 60);
        range(e, "reminder2Days", reminder2Days, 1, 90);
        range(e, "maxReminders", maxReminders, 0, 2);
        range(e, "linkDays", linkDays, 1, 365);
        if (!e.has("reminder1Days") && !e.has("reminder2Days") && num(reminder2Days) <= num(reminder1Days)) {
            e.add("reminder2Days", "ask.settings.error.reminderOrder");
        }
        if (!bandFromDays.isEmpty() || !bandToDays.isEmpty()) { // both or none: an empty band means the fixed delay
            range(e, "bandFromDays", bandFromDays, 0, MAX_BAND_DAYS - 1);
            range(e, "bandToDays", bandToDays, 1, MAX_BAND_DAYS);
            if (!e.has("bandFromDays") && !e.has("bandToDays") && num(bandToDays) <= num(bandFromDays)) {
                e.add("bandToDays", "growth.error.bandOrder");
            }
        }
        return e;
    }

    public AskSettings toSettings(long workspaceId) {
        return new AskSettings(workspaceId, num(delayHours), AskSettings.daysText(days), num(workStartHour), num(workEndHour),
                num(cooldownDays), num(reminder1Days), num(reminder2Days), num(maxReminders), num(linkDays),
                banded() ? num(bandFromDays) * 24 : null, banded() ? num(bandToDays) * 24 : null);
    }

    public boolean banded() { return !bandFromDays.isEmpty() && !bandToDays.isEmpty();
    }

    public boolean hasDay(int iso) { return days.contains(DayOfWeek.of(iso)); }

    private static void range(FormErrors e, String field, String value, int min, int max) {
        if (value.isEmpty()) {
            e.add(field, "error.required");
        } else if (!value.matches("\\d{1,6}") || num(value) < min || num(value) > max) {
            e.add(field, "ask.settings.error.range", min, max);
        }
    }

    private static int num(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String str(int i) { return String.valueOf(i); }

    private static String p(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }
}
