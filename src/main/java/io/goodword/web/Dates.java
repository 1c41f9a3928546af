package io.goodword.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times as admin pages show them: in the workspace's time zone (the database holds UTC), with one set of
 * formats. Page records take a {@code Dates} for the workspace and format with it; templates never format.
 */
public record Dates(ZoneId zone) {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    public static final Dates UTC = new Dates(ZoneOffset.UTC);

    /**
     * The zone of a workspace setting. The setting is validated when saved; a value that no longer parses (an id
     * dropped from a newer tz database, a hand-edited import) falls back to UTC rather than failing the page.
     */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) return ZoneOffset.UTC;
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Formatting in the zone named by a workspace setting. */
    public static Dates in(String zoneId) { return new Dates(zone(zoneId)); }

    /** "2026-05-17 14:30", or "" for none. */
    public String when(Instant at) { return at == null ? "" : MINUTES.format(at.atZone(zone)); }

    /** "2026-05-17 14:30:05" (the audit log, where order within a minute matters), or "" for none. */
    public String whenSeconds(Instant at) { return at == null ? "" : SECONDS.format(at.atZone(zone)); }

    /** "2026-05-17": the day in the workspace's zone, or "" for none. */
    public String day(Instant at) { return at == null ? "" : DAY.format(at.atZone(zone)); }

    /** The calendar day in the workspace's zone. */
    public LocalDate date(Instant at) { return at == null ? null : at.atZone(zone).toLocalDate(); }

    /** A day in the reader's language (en: "May 17, 2026"; de: "17.05.2026"). */
    public static String localized(LocalDate d, Locale locale) {
        return d == null ? "" : d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }
}
