package io.goodword.testimonial;

import io.goodword.web.csv.CsvWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Every text cell, tags included, through the one formula-escape rule (an imported tag may start with '='). */
    public static String csv(List<Testimonial> all, Map<Long, List<String>> tags) {
        StringWriter w = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(w)) {
            csv.row(COLUMNS);
            for (Map<String, Object> m : maps(all, tags)) csv.row(COLUMNS.stream().map(m::get).toList());
        }
        return w.toString();
    }
}
