package io.goodword.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as admin pages show them: in the workspace's time zone (the database holds UTC) and in the page's
 * language ("2 Dec 2026, 15:04" / "2. Dez. 2026, 15:04"). The one way to turn a stored time into text: page records
 * take a {@code Dates} ({@code CurrentUser.dates(ctx)} in admin handlers) and format with it; templates never format,
 * never print an {@code Instant} or {@code LocalDate} as it is. Spelled-out months rather than 2026-12-02 because the
 * review found numeric dates read as machine output and are ambiguous between en and de readers.
 */
public record Dates(ZoneId zone, Locale locale) {
    private static final ZoneId UTC_ZONE = ZoneId.of("UTC");
    /** The zones a workspace may choose (region ids such as Europe/Berlin; UTC is offered on its own), sorted. */
    public static final java.util.List<String> ZONE_IDS = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();
    private static final java.util.Set<String> ZONE_SET = java.util.Set.copyOf(ZONE_IDS);
    /** Files for other programs (CSV exports) keep a sortable, language-free form in UTC. */
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /**
     * The zone of a workspace setting. The setting is validated when saved; a value that no longer parses (an id
     * dropped from a newer tz database, a hand-edited import) falls back to UTC rather than failing the page.
     */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) return UTC_ZONE;
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return UTC_ZONE;
        }
    }

    /** {@code id} when it is one of {@link #ZONE_IDS} (or "UTC"), else "UTC": for a value no one chose from a list. */
    public static String knownZone(String id) { return id != null && ZONE_SET.contains(id) ? id : "UTC"; }

    /** Formatting in the zone named by a workspace setting, in a page language ("en", "de"; others read as en). */
    public static Dates in(String zoneId, String lang) { return new Dates(zone(zoneId), locale(lang)); }

    /** Formatting for a page rendered with {@code t}. */
    public static Dates in(String zoneId, Localizer t) { return in(zoneId, t == null ? null : t.lang()); }

    /** The locale of a supported page language. */
    public static Locale locale(String lang) { return "de".equals(lang) ? Locale.GERMAN : Locale.ENGLISH; }

    private boolean german() { return "de".equals(locale.getLanguage()); }

    private DateTimeFormatter pattern(String en, String de) {
        return DateTimeFormatter.ofPattern(german() ? de : en, locale);
    }

    /** "2 Dec 2026, 15:04" / "2. Dez. 2026, 15:04", or "" for none. */
    public String when(Instant at) {
        return at == null ? "" : pattern("d MMM yyyy, HH:mm", "d. MMM yyyy, HH:mm").format(at.atZone(zone));
    }

    /** "2 Dec 2026, 15:04:05" (the audit log, where order within a minute matters), or "" for none. */
    public String whenSeconds(Instant at) {
        return at == null ? "" : pattern("d MMM yyyy, HH:mm:ss", "d. MMM yyyy, HH:mm:ss").format(at.atZone(zone));
    }

    /** "2 Dec 2026" / "2. Dez. 2026": the day in the workspace's zone, or "" for none. */
    public String day(Instant at) { return at == null ? "" : day(date(at)); }

    /** A calendar day (due dates, program dates): "2 Dec 2026" / "2. Dez. 2026", or "" for none. */
    public String day(LocalDate d) { return d == null ? "" : pattern("d MMM yyyy", "d. MMM yyyy").format(d); }

    /** A month (the dashboard's trend labels): "Dec 2026" / "Dez. 2026". */
    public String month(YearMonth m) { return m == null ? "" : pattern("MMM yyyy", "MMM yyyy").format(m); }

    /** The instant as a {@code <time datetime>} value (ISO 8601, UTC), or "" for none. */
    public static String iso(Instant at) { return at == null ? "" : at.toString(); }

    /** The calendar day in the workspace's zone. */
    public LocalDate date(Instant at) { return at == null ? null : at.atZone(zone).toLocalDate(); }

    /** "2026-12-02 14:04" in UTC, for CSV files read by other programs, or "" for none. */
    public static String machine(Instant at) { return at == null ? "" : MACHINE.format(at); }

    /** A day in the reader's language, outside a workspace (the dashboard's period text). */
    public static String localized(LocalDate d, Locale locale) { return new Dates(UTC_ZONE, locale).day(d); }
}
