package io.goodword.web.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV reader for imports: strips a byte-order mark, guesses the delimiter from the header line (comma,
 * semicolon as spreadsheets in German write it, or tab), strips every cell, and enforces the caller's limits. The
 * result is a {@link Table} or a {@link Refused} with a reason; each feature keeps only its row rules.
 */
public final class CsvTable {
    private CsvTable() {}

    /** What a feature accepts. Past {@code maxRows} data rows, the file is refused or (truncate) cut there. */
    public record Limits(int maxChars, int maxRows, boolean truncate) {
        public static Limits refusing(int maxChars, int maxRows) { return new Limits(maxChars, maxRows, false); }

        public static Limits truncating(int maxChars, int maxRows) { return new Limits(maxChars, maxRows, true); }
    }

    /** The parse result: a table or the reason it was refused. */
    public sealed interface Result permits Table, Refused {}

    /**
     * The file: header names and data rows (possibly none). {@code text} is the parsed text without its BOM, for a
     * confirm step that parses it again; {@code truncated} says rows were left out under a truncating limit.
     */
    public record Table(String text, List<String> headers, List<List<String>> rows, boolean truncated) implements Result {}

    public enum Reason { EMPTY, TOO_LARGE, TOO_MANY_ROWS, UNREADABLE }

    public record Refused(Reason reason) implements Result {}

    public static Result parse(String text, Limits limits) {
        if (text == null || text.isBlank()) return new Refused(Reason.EMPTY);
        if (text.length() > limits.maxChars()) return new Refused(Reason.TOO_LARGE);
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(clean)).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(new StringReader(clean))) {
            // Records are read one by one and counted as they come: a file over the limit stops at row maxRows + 1.
            List<String> headers = null;
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(c -> cells.add(c == null ? "" : c.strip()));
                if (headers == null) {
                    headers = cells;
                } else if (rows.size() == limits.maxRows()) {
                    if (!limits.truncate()) return new Refused(Reason.TOO_MANY_ROWS);
                    return new Table(clean, headers, rows, true);
                } else {
                    rows.add(cells);
                }
            }
            if (headers == null || headers.stream().allMatch(String::isEmpty)) return new Refused(Reason.EMPTY);
            return new Table(clean, headers, rows, false);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a broken quote or an invalid character as one of these; anything else is a bug
            return new Refused(Reason.UNREADABLE);
        }
    }

    /** The header line's most frequent of tab, semicolon and comma (comma on a tie). */
    static char delimiter(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        long semis = count(first, ';');
        long commas = count(first, ',');
        long tabs = count(first, '\t');
        if (tabs > commas && tabs > semis) return '\t';
        return semis > commas ? ';' : ',';
    }

    private static long count(String s, char c) { return s.chars().filter(x -> x == c).count(); }
}
