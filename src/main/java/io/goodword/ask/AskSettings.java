package io.goodword.ask;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of asking for one workspace: when a check-in goes out after a moment of satisfaction, on which days
 * and hours, and how the relationship is protected (cool-down, reminders, link lifetime).
 */
public record AskSettings(long workspaceId, int delayHours, String workingDays, int workStartHour, int workEndHour,
                          int cooldownDays, int reminder1Days, int reminder2Days, int maxReminders, int linkDays,
                          Integer delayMinHours, Integer delayMaxHours) {

    @org.jdbi.v3.core.mapper.reflect.JdbiConstructor
    public AskSettings {}

    /** A fixed delay (no band). */
    public AskSettings(long workspaceId, int delayHours, String workingDays, int workStartHour, int workEndHour,
                       int cooldownDays, int reminder1Days, int reminder2Days, int maxReminders, int linkDays) {
        this(workspaceId, delayHours, workingDays, workStartHour, workEndHour, cooldownDays, reminder1Days,
                reminder2Days, maxReminders, linkDays, null, null);
    }

    public static AskSettings defaults(long workspaceId) {
        return new AskSettings(workspaceId, 24, "1,2,3,4,5", 9, 17, 90, 3, 7, 2, 30);
    }

    /** The freelancer opted into a delay band: each check-in's delay is drawn within it, so the dashboard can learn. */
    public boolean banded() { return delayMinHours != null && delayMaxHours != null && delayMaxHours > delayMinHours; }

    /**
     * The delay of the next check-in: the fixed delay, or with a band a whole number of hours drawn evenly within
     * [min, max] from the given generator (the service's, seeded from config), so every delay in the band is tried.
     */
    public Duration delay(java.util.random.RandomGenerator random) {
        if (!banded()) return delay();
        return Duration.ofHours(delayMinHours + random.nextInt(delayMaxHours - delayMinHours + 1));
    }

    /** Working days as ISO numbers (1 = Monday) in the database. */
    public Set<DayOfWeek> days() {
        if (workingDays == null || workingDays.isBlank()) return EnumSet.noneOf(DayOfWeek.class);
        return Arrays.stream(workingDays.split(",")).map(String::strip).filter(s -> s.matches("[1-7]"))
                .map(s -> DayOfWeek.of(Integer.parseInt(s)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    public static String daysText(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
    }

    public Duration delay() { return Duration.ofHours(delayHours); }

    /**
     * The first moment at or after {@code earliest} that falls on a working day within working hours, in the
     * workspace's time zone. Without any working day it is {@code earliest} itself.
     */
    public Instant nextWorkingMoment(Instant earliest, ZoneId zone) {
        Set<DayOfWeek> days = days();
        if (days.isEmpty() || workStartHour >= workEndHour) return earliest;
        ZonedDateTime t = earliest.atZone(zone);
        for (int i = 0; i < 9; i++) {
            if (days.contains(t.getDayOfWeek())) {
                ZonedDateTime start = at(t.toLocalDate(), workStartHour, zone);
                ZonedDateTime end = at(t.toLocalDate(), workEndHour, zone);
                if (t.isBefore(start)) return start.toInstant();
                if (t.isBefore(end)) return t.toInstant();
            }
            t = t.toLocalDate().plusDays(1).atStartOfDay(zone);
        }
        return earliest;
    }

    /** The hour of a day in the zone; 24 is the end of that day ("until 24" = until midnight). */
    private static ZonedDateTime at(LocalDate day, int hour, ZoneId zone) {
        return hour >= 24 ? day.plusDays(1).atStartOfDay(zone) : day.atTime(hour, 0).atZone(zone);
    }
}
