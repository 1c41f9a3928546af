package io.goodword.testimonial;

import io.goodword.web.csv.ColumnMapping;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV exports of other testimonial tools, recognised by their header row, so their files import without mapping
 * a column by hand and their reviews are labelled with the tool (or the platform the tool took them from).
 * <ul>
 *   <li>Senja: the field names of Senja's testimonial records (its REST API: customer_name, customer_tagline,
 *       customer_avatar, text, rating, date, url, integration…), which its CSV export uses as headers.</li>
 *   <li>Testimonial.to: Name, Email, Title, Company, Text, Rating, Avatar, Social link, Submitted at, Tags (headers
 *       chosen from the fields its dashboard shows; no public specification of the file was found).</li>
 * </ul>
 * Any other file is read with the generic synonyms of {@link CsvImport}.
 */
final class ImportPresets {
    /** A recognised export: its name (for the preview), the platform its rows default to, and its column names. */
    record Preset(String id, Platform platform, Map<String, List<String>> synonyms) {}

    static final Preset SENJA = new Preset("senja", Platform.SENJA, Map.ofEntries(
            Map.entry("name", List.of("customer name")), Map.entry("body", List.of("text")),
            Map.entry("rating", List.of("rating")), Map.entry("role", List.of("customer tagline")),
            Map.entry("company", List.of("customer company")), Map.entry("website", List.of("customer website")),
            Map.entry("email", List.of("customer email")), Map.entry("tags", List.of("tags")),
            Map.entry("date", List.of("date")), Map.entry("platform", List.of("integration")),
            Map.entry("link", List.of("url")), Map.entry("avatar", List.of("customer avatar"))));

    static final Preset TESTIMONIAL_TO = new Preset("testimonial_to", Platform.TESTIMONIAL_TO, Map.ofEntries(
            Map.entry("name", List.of("name")), Map.entry("body", List.of("text", "testimonial")),
            Map.entry("rating", List.of("rating")), Map.entry("role", List.of("title")),
            Map.entry("company", List.of("company")), Map.entry("website", List.of("social link")),
            Map.entry("email", List.of("email")), Map.entry("tags", List.of("tags")),
            Map.entry("date", List.of("submitted at", "date")), Map.entry("platform", List.of("source")),
            Map.entry("link", List.of("url", "link")), Map.entry("avatar", List.of("avatar"))));

    private ImportPresets() {}

    /** The preset whose export has these headers, or null. */
    static Preset detect(List<String> headers) {
        List<String> h = headers.stream().map(s -> s.toLowerCase(Locale.ROOT).replace('_', ' ').strip()).toList();
        if (h.contains("customer name") && (h.contains("integration") || h.contains("customer avatar")
                || h.contains("customer tagline"))) return SENJA;
        if (h.contains("social link") || (h.contains("submitted at") && h.contains("avatar"))) return TESTIMONIAL_TO;
        return null;
    }

    /** Field → column under the preset, -1 where it has no column. */
    static Map<String, Integer> mapping(Preset p, List<String> headers) {
        Map<String, Integer> guessed = ColumnMapping.guess(headers, CsvImport.FIELDS, p.synonyms());
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (String field : CsvImport.FIELDS) m.put(field, guessed.getOrDefault(field, -1));
        return m;
    }
}
