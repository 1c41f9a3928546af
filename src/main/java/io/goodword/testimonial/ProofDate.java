package io.goodword.testimonial;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The day a review was written on its platform, read from what exports and platform pages print: ISO dates and
 * timestamps ("2024-01-15", "2024-01-15T09:30:00Z", "2024-01-15 09:30"), "15.01.2024", "1/15/2024" (US order, as
 * Google and Upwork print it), "15 January 2024", "January 15, 2024", "Jan 15, 2024" and the German "15. Januar 2024".
 * A day after today or before 1990 is not a review's date.
 */
final class ProofDate {
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final List<DateTimeFormatter> DAYS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            fmt("d.M.uuuu", Locale.ROOT), fmt("M/d/uuuu", Locale.ROOT),
            fmt("d MMMM uuuu", Locale.ENGLISH), fmt("d MMM uuuu", Locale.ENGLISH),
            fmt("MMMM d, uuuu", Locale.ENGLISH), fmt("MMM d, uuuu", Locale.ENGLISH), fmt("MMMM d uuuu", Locale.ENGLISH),
            fmt("d. MMMM uuuu", Locale.GERMAN), fmt("d. MMM uuuu", Locale.GERMAN));

    /** What a cell held: nothing, a day, or text that is not a date we read. */
    record Parsed(LocalDate date, boolean invalid) {}

    private ProofDate() {}

    private static DateTimeFormatter fmt(String pattern, Locale locale) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale);
    }

    static Parsed parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) return new Parsed(null, false);
        LocalDate d = read(text.strip());
        if (d == null || d.isBefore(EARLIEST) || d.isAfter(today.plusDays(1))) return new Parsed(null, true);
        return new Parsed(d, false);
    }

    private static LocalDate read(String s) {
        if (s.length() > 40) return null;
        try {
            return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            // not a timestamp with an offset
        }
        String day = s.length() >= 11 && s.charAt(4) == '-' && (s.charAt(10) == 'T' || s.charAt(10) == ' ')
                ? s.substring(0, 10) : s.replace("Sept ", "Sep ");
        for (DateTimeFormatter f : DAYS) {
            try {
                return LocalDate.parse(day, f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
