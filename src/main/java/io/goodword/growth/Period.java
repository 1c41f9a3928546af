package io.goodword.growth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A range of whole days in the workspace's time zone, [first, last] inclusive, and the equally long range just before it.
 * Boundaries are the workspace's midnights, turned into UTC instants for the database (DST-safe).
 */
public record Period(LocalDate first, LocalDate last, ZoneId zone) {

    /** The last {@code days} days up to and including today. */
    public static Period lastDays(int days, LocalDate today, ZoneId zone) {
        return new Period(today.minusDays(days - 1L), today, zone);
    }

    public long days() { return ChronoUnit.DAYS.between(first, last) + 1; }

    public Instant from() { return first.atStartOfDay(zone).toInstant(); }

    /** Exclusive end: the midnight after the last day. */
    public Instant to() { return last.plusDays(1).atStartOfDay(zone).toInstant(); }

    /** The first whole UTC hour of the period: {@link #from()} itself in every zone whose midnight falls on one. */
    public Instant hoursFrom() {
        Instant from = from();
        Instant hour = from.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(from) ? from : hour.plus(1, ChronoUnit.HOURS);
    }

    /** Where the period's last whole UTC hour ends: {@link #to()} in every zone whose midnight falls on one. */
    public Instant hoursTo() { return to().truncatedTo(ChronoUnit.HOURS); }

    /**
     * The first UTC midnight of [{@link #hoursFrom()}, {@link #hoursTo()}], where the period's whole UTC days begin
     * (counters kept by the day, V72, V73); {@link #hoursTo()} when no UTC midnight falls inside.
     */
    public Instant daysFrom() {
        Instant hours = hoursFrom();
        Instant day = hours.truncatedTo(ChronoUnit.DAYS);
        Instant first = day.equals(hours) ? hours : day.plus(1, ChronoUnit.DAYS);
        return first.isAfter(hoursTo()) ? hoursTo() : first;
    }

    /** Where the period's whole UTC days end; never before {@link #daysFrom()}. */
    public Instant daysTo() {
        Instant day = hoursTo().truncatedTo(ChronoUnit.DAYS);
        return day.isBefore(daysFrom()) ? daysFrom() : day;
    }

    public Period previous() { return new Period(first.minusDays(days()), first.minusDays(1), zone); }
}
