package io.goodword.web.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer for exports (RFC 4180, CRLF). Every text cell goes through {@link #safe}: a spreadsheet runs a
 * cell starting with = + - @ (or a tab or carriage return before one) as a formula, so such text gets a leading
 * apostrophe, which keeps it text. Numbers, booleans and dates are written as they are; null is an empty cell.
 */
public final class CsvWriter implements Closeable, Flushable {
    private final CSVPrinter printer;

    private CsvWriter(Writer out) throws IOException { this.printer = new CSVPrinter(out, CSVFormat.RFC4180); }

    public static CsvWriter to(Writer out) {
        try {
            return new CsvWriter(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With a byte-order mark first, so spreadsheet programs read the file as UTF-8 (files inside an archive). */
    public static CsvWriter withBom(Writer out) {
        try {
            out.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to(out);
    }

    public CsvWriter row(Object... cells) { return row(Arrays.asList(cells)); }

    public CsvWriter row(Iterable<?> cells) {
        List<String> out = new ArrayList<>();
        for (Object c : cells) out.add(cell(c));
        try {
            printer.printRecord(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof CharSequence s) return safe(s.toString());
        if (v instanceof Iterable<?> list) { // tags: one cell, comma-separated, each part safe as a whole
            List<String> parts = new ArrayList<>();
            list.forEach(p -> parts.add(String.valueOf(p)));
            return safe(String.join(", ", parts));
        }
        return String.valueOf(v);
    }

    /** The one formula-escape rule. */
    public static String safe(String s) {
        if (s == null || s.isEmpty()) return "";
        return "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the underlying writer too; use {@link #flush()} for a stream that must stay open (a zip entry). */
    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
