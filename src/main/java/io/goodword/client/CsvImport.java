package io.goodword.client;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.goodword.web.csv.ColumnMapping;
import io.goodword.web.csv.CsvTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

    /** What the freelancer may import: a file over a limit is refused with a clear message, never cut. */
    public static final CsvTable.Limits LIMITS = CsvTable.Limits.refusing(MAX_CHARS, MAX_ROWS);

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

    /** The file through the shared CSV engine: a table with at least one data row, or the error key to show. */
    public sealed interface Read permits Parsed, Unreadable {}

    /** The file: header names and the data rows. {@code text} travels on to the confirm step. */
    public record Parsed(String text, List<String> headers, List<List<String>> rows) implements Read {}

    /** Why the file cannot be imported, as a message key. */
    public record Unreadable(String errorKey) implements Read {}

    public static Read parse(String text) {
        CsvTable.Result result = CsvTable.parse(text, LIMITS);
        if (result instanceof CsvTable.Table t) {
            return t.rows().isEmpty() ? new Unreadable("client.import.error.noRows") : new Parsed(t.text(), t.headers(), t.rows());
        }
        return new Unreadable(switch (((CsvTable.Refused) result).reason()) {
            case EMPTY -> "client.import.error.empty";
            case TOO_LARGE -> "client.import.error.tooLarge";
            case TOO_MANY_ROWS -> "client.import.error.tooManyRows";
            case UNREADABLE -> "client.import.error.unreadable";
        });
    }

    /** A first guess of the mapping from the header names. */
    public static Map<String, Integer> guess(List<String> headers) { return ColumnMapping.guess(headers, FIELDS, SYNONYMS); }

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
        return Validation.clean(ColumnMapping.cell(row, options.mapping(), field));
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
        return ColumnMapping.fromForm(param, FIELDS, columns);
    }
}
