package io.goodword.client;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Importing clients from a CSV file: parse, map columns to fields, check every row, and decide per row whether it
 * creates a client, merges into the one with the same email, or is skipped. Pure except for the lookup of existing
 * emails, which the caller passes in.
 */
public final class CsvImport {
    public static final int MAX_ROWS = 2000;
    public static final int MAX_CHARS = 1_000_000;
    public static final List<String> FIELDS = List.of("name", "email", "company", "phone", "tags", "notes", "language");
    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "name", List.of("name", "full name", "fullname", "client", "contact", "kunde"),
            "email", List.of("email", "e-mail", "mail", "email address", "e-mail-adresse"),
            "company", List.of("company", "organisation", "organization", "firma", "unternehmen"),
            "phone", List.of("phone", "telephone", "tel", "mobile", "telefon"),
            "tags", List.of("tags", "tag", "labels", "schlagworte"),
            "notes", List.of("notes", "note", "comment", "notizen"),
            "language", List.of("language", "lang", "sprache"));

    private CsvImport() {}

    public enum Duplicates { MERGE, SKIP;
        public String param() { return name().toLowerCase(Locale.ROOT); }
    }

    public enum Action { CREATE, MERGE, SKIP, INVALID }

    /** The file: header names and the data rows. {@code text} travels on to the confirm step. */
    public record Parsed(String text, List<String> headers, List<List<String>> rows) {}

    /** Column index per field (absent = not imported), what to do with duplicates, and the freelancer's consent. */
    public record Options(Map<String, Integer> mapping, Duplicates duplicates, boolean consent) {
        public boolean mapped(String field, int column) {
            Integer c = mapping.get(field);
            return c != null && c == column;
        }
    }

    public record RowResult(int line, ClientForm form, FormErrors errors, Action action) {
        public boolean invalid() { return action == Action.INVALID; }
    }

    public record Summary(int created, int merged, int skipped, List<RowResult> invalid) {}

    /** Parses the text, or returns the error key. */
    public static Object parse(String text) {
        if (text == null || text.isBlank()) return "client.import.error.empty";
        if (text.length() > MAX_CHARS) return "client.import.error.tooLarge";
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String firstLine = clean.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get().parse(new StringReader(clean))) {
            // Records are read one by one and counted as they come: a file over the limit stops at row MAX_ROWS + 1.
            List<String> headers = null;
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (headers == null) {
                    headers = record.toList();
                } else if (rows.size() == MAX_ROWS) {
                    return "client.import.error.tooManyRows";
                } else {
                    rows.add(record.toList());
                }
            }
            if (headers == null) return "client.import.error.empty";
            if (rows.isEmpty()) return "client.import.error.noRows";
            return new Parsed(clean, headers, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return "client.import.error.unreadable";
        }
    }

    private static long count(String s, char c) { return s.chars().filter(x -> x == c).count(); }

    /** A first guess of the mapping from the header names. */
    public static Map<String, Integer> guess(List<String> headers) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i).strip().toLowerCase(Locale.ROOT);
            for (String field : FIELDS) {
                if (!mapping.containsKey(field) && SYNONYMS.get(field).contains(h)) mapping.put(field, i);
            }
        }
        return mapping;
    }

    /** Checks every row; {@code existing} tells whether a client with this (normalized) email exists already. */
    public static List<RowResult> check(Parsed parsed, Options options, String defaultLanguage, Function<String, Boolean> existing) {
        List<RowResult> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parsed.rows().size(); i++) {
            List<String> row = parsed.rows().get(i);
            ClientForm form = new ClientForm(cell(row, options, "name"), cell(row, options, "email"), cell(row, options, "company"),
                    cell(row, options, "phone"), cell(row, options, "tags"), cell(row, options, "notes"),
                    cell(row, options, "language").toLowerCase(Locale.ROOT)).withDefaultLanguage(defaultLanguage);
            FormErrors errors = form.validate();
            Action action;
            String email = form.emailOrNull();
            if (!errors.isEmpty()) {
                action = Action.INVALID;
            } else if (email != null && !seen.add(email)) {
                errors.add("email", "client.import.error.duplicateInFile");
                action = Action.INVALID;
            } else if (email != null && existing.apply(email)) {
                action = options.duplicates() == Duplicates.MERGE ? Action.MERGE : Action.SKIP;
            } else {
                action = Action.CREATE;
            }
            out.add(new RowResult(i + 2, form, errors, action));
        }
        return out;
    }

    private static String cell(List<String> row, Options options, String field) {
        Integer c = options.mapping().get(field);
        return c == null || c < 0 || c >= row.size() ? "" : Validation.clean(row.get(c));
    }

    /** Merging keeps what the freelancer already has where the file is blank, and unites tags and notes. */
    public static ClientForm merge(Client existing, ClientForm incoming) {
        ClientForm old = ClientForm.of(existing);
        String notes = old.notes().isBlank() ? incoming.notes()
                : incoming.notes().isBlank() || old.notes().contains(incoming.notes()) ? old.notes()
                : old.notes() + "\n\n" + incoming.notes();
        if (notes.length() > ClientForm.MAX_NOTES) notes = notes.substring(0, ClientForm.MAX_NOTES);
        return new ClientForm(or(incoming.name(), old.name()), old.email(), or(incoming.company(), old.company()),
                or(incoming.phone(), old.phone()), old.tags() + "," + incoming.tags(), notes,
                incoming.language().isBlank() ? old.language() : incoming.language());
    }

    private static String or(String a, String b) { return a == null || a.isBlank() ? b : a; }

    /** Reads the mapping from form parameters {@code map.<field>} (a column number, or empty for none). */
    public static Map<String, Integer> mappingFrom(Function<String, String> param, int columns) {
        Map<String, Integer> mapping = new HashMap<>();
        for (String field : FIELDS) {
            String v = param.apply("map." + field);
            try {
                int c = Integer.parseInt(v == null ? "" : v.strip());
                if (c >= 0 && c < columns) mapping.put(field, c);
            } catch (NumberFormatException ignored) {
                // not imported
            }
        }
        return mapping;
    }
}
