package io.goodword.testimonial;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.web.csv.CsvTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Testimonials from JSON, turned into the same table a CSV gives (headers = {@link CsvImport#FIELDS}), so the preview,
 * the row rules and the import are the CSV's. Two shapes: Goodword's own export (testimonials.json, an array of
 * {@link Exports.Row}), and schema.org {@code Review} JSON-LD as review sites embed it: one Review, an array of them,
 * an {@code @graph}, or a business with its {@code review} list. Untrusted: the text is capped before parsing, the
 * parser refuses deep nesting and long numbers, and only the first {@link CsvImport#MAX_ROWS} reviews are kept.
 */
final class JsonImport {
    static final int MAX_DEPTH = 32;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(CsvImport.MAX_CHARS).maxNumberLength(40).build()).build());
    /** How deep reviews are looked for inside a graph node (a business's review list, its author…). */
    private static final int SEARCH_DEPTH = 4;

    private JsonImport() {}

    static boolean looksLikeJson(String text) {
        if (text == null) return false;
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isWhitespace(c)) return c == '{' || c == '[';
        }
        return false;
    }

    static CsvTable.Table table(String text) throws CsvImport.Unreadable {
        if (text.length() > CsvImport.MAX_CHARS) throw new CsvImport.Unreadable("testimonial.import.tooLarge");
        JsonNode root;
        try {
            root = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (StreamConstraintsException e) {
            throw new CsvImport.Unreadable("testimonial.import.jsonLimits");
        } catch (JsonProcessingException e) {
            throw new CsvImport.Unreadable("testimonial.import.jsonUnreadable");
        }
        List<List<String>> rows = new ArrayList<>();
        boolean[] truncated = {false};
        collect(root, 0, rows, truncated);
        if (rows.isEmpty()) throw new CsvImport.Unreadable("testimonial.import.jsonNoReviews");
        return new CsvTable.Table(text, CsvImport.FIELDS, rows, truncated[0]);
    }

    private static void collect(JsonNode n, int depth, List<List<String>> rows, boolean[] truncated) {
        if (n == null || depth > SEARCH_DEPTH || truncated[0]) return;
        if (n.isArray()) {
            for (JsonNode item : n) collect(item, depth + 1, rows, truncated);
            return;
        }
        if (!n.isObject()) return;
        List<String> row = isReview(n) ? review(n) : isExportRow(n) ? exportRow(n) : null;
        if (row != null) {
            if (rows.size() == CsvImport.MAX_ROWS) truncated[0] = true;
            else rows.add(row);
            return;
        }
        collect(n.get("@graph"), depth + 1, rows, truncated);
        collect(n.get("review"), depth + 1, rows, truncated);
        collect(n.get("reviews"), depth + 1, rows, truncated);
    }

    private static boolean isReview(JsonNode n) {
        JsonNode type = n.get("@type");
        if (type == null) return false;
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            String s = t.asText("");
            if (s.equals("Review") || s.endsWith("/Review") || s.endsWith(":Review")) return true;
        }
        return false;
    }

    /** A row of our own export: no JSON-LD type, and the export's body and name. */
    private static boolean isExportRow(JsonNode n) { return !n.has("@type") && n.has("body") && n.has("name"); }

    /** The cells in {@link CsvImport#FIELDS} order, from field-value pairs; a field not named is an empty cell. */
    private static List<String> cells(String... pairs) {
        Map<String, String> byField = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) byField.put(pairs[i], pairs[i + 1]);
        return CsvImport.FIELDS.stream().map(f -> byField.getOrDefault(f, "")).toList();
    }

    private static List<String> review(JsonNode r) {
        JsonNode author = first(r.get("author"));
        JsonNode publisher = first(r.get("publisher"));
        String link = text(r, "url");
        if (link.isEmpty() && text(r, "@id").startsWith("http")) link = text(r, "@id");
        String body = text(r, "reviewBody");
        return cells("name", author.isTextual() ? author.asText().strip() : text(author, "name"),
                "body", body.isEmpty() ? text(r, "description") : body, "rating", rating(r.get("reviewRating")),
                "role", text(author, "jobTitle"), "company", nameOf(first(author.get("worksFor"))),
                "website", text(author, "url"),
                "date", text(r, "datePublished").isEmpty() ? text(r, "dateCreated") : text(r, "datePublished"),
                "platform", nameOf(publisher), "link", link, "avatar", image(first(author.get("image"))));
    }

    /**
     * A row of our own export, with every consent it records and its withdrawal (what the import may make of them is
     * {@link ImportConsents}'); its verification is not read: an import never proves who wrote the words.
     */
    private static List<String> exportRow(JsonNode n) {
        List<String> tags = new ArrayList<>();
        for (JsonNode t : n.path("tags")) if (t.isValueNode()) tags.add(t.asText());
        String date = text(n, "original_date");
        return cells("name", text(n, "name"), "body", text(n, "body"), "rating", text(n, "rating"),
                "role", text(n, "role"), "company", text(n, "company"), "website", text(n, "website"),
                "email", text(n, "email"), "consent", text(n, "consent_publish"), "tags", String.join(", ", tags),
                "date", date.isEmpty() ? text(n, "created_at") : date, "platform", text(n, "platform"),
                "link", text(n, "source_url"), "avatar", text(n, "avatar_url"),
                "name_display", text(n, "name_display"), "consent_photo", text(n, "consent_show_photo"),
                "consent_company", n.has("consent_show_company") ? text(n, "consent_show_company") : text(n, "consent_publish"),
                "consent_case_study", text(n, "consent_case_study"), "consent_reference", text(n, "consent_reference"),
                "withdrawn", text(n, "withdrawn_at"));
    }

    /** "4" from a Rating, scaled to five stars when the site rates out of another best (8 of 10 is 4). */
    private static String rating(JsonNode rating) {
        if (rating == null) return "";
        if (rating.isValueNode()) return rating.asText().strip();
        String value = text(rating, "ratingValue");
        String best = text(rating, "bestRating");
        try {
            double v = Double.parseDouble(value);
            double b = best.isEmpty() ? 5 : Double.parseDouble(best);
            return b > 0 && b != 5 ? String.valueOf(Math.round(v / b * 5)) : value;
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String image(JsonNode img) {
        if (img.isTextual()) return img.asText().strip();
        String url = text(img, "url");
        return url.isEmpty() ? text(img, "contentUrl") : url;
    }

    private static String nameOf(JsonNode n) { return n.isTextual() ? n.asText().strip() : text(n, "name"); }

    /** The node, or the first of an array of them; a missing node for none. */
    private static JsonNode first(JsonNode n) {
        if (n == null) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        return n.isArray() ? (n.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n.get(0)) : n;
    }

    /** A field's text when it is a plain value ("" for an object, an array or nothing). */
    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? "" : v.asText().strip();
    }
}
