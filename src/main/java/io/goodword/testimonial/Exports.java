package io.goodword.testimonial;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A workspace's testimonials as CSV (spreadsheet-safe) and as JSON-ready maps, for the freelancer's own export. */
public final class Exports {
    static final List<String> COLUMNS = List.of("id", "status", "source", "verified", "rating", "name", "role", "company",
            "website", "email", "body", "excerpt", "original_body", "consent_publish", "consent_show_photo",
            "consent_show_company", "featured", "reply", "tags", "created_at", "approved_at");

    private Exports() {}

    public static List<Map<String, Object>> maps(List<Testimonial> all, Map<Long, List<String>> tags) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Testimonial t : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("status", t.status().db());
            m.put("source", t.source().db());
            m.put("verified", t.verified());
            m.put("rating", t.rating());
            m.put("name", t.name());
            m.put("role", t.role());
            m.put("company", t.company());
            m.put("website", t.website());
            m.put("email", t.email());
            m.put("body", t.body());
            m.put("excerpt", t.excerpt());
            m.put("original_body", t.originalBody());
            m.put("consent_publish", t.consentPublish());
            m.put("consent_show_photo", t.consentShowPhoto());
            m.put("consent_show_company", t.consentShowCompany());
            m.put("featured", t.featured());
            m.put("reply", t.reply());
            m.put("tags", tags.getOrDefault(t.id(), List.of()));
            m.put("created_at", t.createdAt() == null ? null : t.createdAt().toString());
            m.put("approved_at", t.approvedAt() == null ? null : t.approvedAt().toString());
            out.add(m);
        }
        return out;
    }

    public static String csv(List<Testimonial> all, Map<Long, List<String>> tags) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (Map<String, Object> m : maps(all, tags)) {
                List<String> cells = new ArrayList<>();
                for (String c : COLUMNS) {
                    Object v = m.get(c);
                    // every cell, lists (tags) included: an imported tag may start with '='
                    cells.add(spreadsheetSafe(v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                            : v == null ? "" : String.valueOf(v)));
                }
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** A cell a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe. */
    static String spreadsheetSafe(String s) {
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
