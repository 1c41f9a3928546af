package io.goodword.web.csv;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which column feeds which field of an import: guessed from the header names by each feature's synonyms, then
 * corrected by the freelancer on the preview page. A field without a column is absent from the map.
 */
public final class ColumnMapping {
    private ColumnMapping() {}

    /**
     * For each field (in the order of {@code synonyms}' iteration, use a LinkedHashMap or an ordered list), the first
     * header that is one of its synonyms; headers compare lower-cased, stripped, with "_" read as a space.
     */
    public static Map<String, Integer> guess(List<String> headers, List<String> fields, Map<String, List<String>> synonyms) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (String field : fields) {
            List<String> names = synonyms.getOrDefault(field, List.of());
            for (int i = 0; i < headers.size(); i++) {
                if (names.contains(normalize(headers.get(i)))) {
                    mapping.put(field, i);
                    break;
                }
            }
        }
        return mapping;
    }

    static String normalize(String header) { return header.toLowerCase(Locale.ROOT).replace('_', ' ').strip(); }

    /** The cell of {@code field} in this row, or "" when the field is not mapped or the row is short. */
    public static String cell(List<String> row, Map<String, Integer> mapping, String field) {
        Integer c = mapping.get(field);
        return c == null || c < 0 || c >= row.size() ? "" : row.get(c);
    }

    /** The mapping from form parameters {@code map.<field>} (a column number; empty or anything else: not imported). */
    public static Map<String, Integer> fromForm(Function<String, String> param, List<String> fields, int columns) {
        Map<String, Integer> mapping = new HashMap<>();
        for (String field : fields) {
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
