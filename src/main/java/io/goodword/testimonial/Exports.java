package io.goodword.testimonial;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.goodword.web.csv.CsvWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A workspace's testimonials as CSV (spreadsheet-safe) and as JSON, for the freelancer's own export: a true record,
 * so with the current consents (V64: how the name may show, case-study quote, reference), the withdrawal, the
 * verification (when, for which project, the month the badge names) and where imported proof was first published.
 * {@link JsonImport} and {@link CsvImport} read these files back; what an import may claim of them is theirs to say.
 */
public final class Exports {
    static final List<String> COLUMNS = List.of("id", "status", "source", "verified", "verified_at", "verified_project",
            "verified_month", "rating", "name", "role", "company", "website", "email", "body", "excerpt", "original_body",
            "consent_publish", "name_display", "consent_show_photo", "consent_show_company", "consent_case_study",
            "consent_reference", "withdrawn_at", "featured", "reply", "tags", "created_at", "approved_at", "platform",
            "source_url", "original_date", "avatar_url");

    /** One exported testimonial; the components are the {@link #COLUMNS}, in that order, for both formats. */
    public record Row(long id, String status, String source, boolean verified,
                      @JsonProperty("verified_at") String verifiedAt,
                      @JsonProperty("verified_project") String verifiedProject,
                      @JsonProperty("verified_month") String verifiedMonth, int rating, String name, String role,
                      String company, String website, String email, String body, String excerpt,
                      @JsonProperty("original_body") String originalBody,
                      @JsonProperty("consent_publish") boolean consentPublish,
                      @JsonProperty("name_display") String nameDisplay,
                      @JsonProperty("consent_show_photo") boolean consentShowPhoto,
                      @JsonProperty("consent_show_company") boolean consentShowCompany,
                      @JsonProperty("consent_case_study") boolean consentCaseStudy,
                      @JsonProperty("consent_reference") boolean consentReference,
                      @JsonProperty("withdrawn_at") String withdrawnAt, boolean featured, String reply,
                      List<String> tags, @JsonProperty("created_at") String createdAt,
                      @JsonProperty("approved_at") String approvedAt, String platform,
                      @JsonProperty("source_url") String sourceUrl, @JsonProperty("original_date") String originalDate,
                      @JsonProperty("avatar_url") String avatarUrl) {

        static Row of(Testimonial t, List<String> tags) {
            YearMonth month = t.verifiedOn();
            return new Row(t.id(), t.status().db(), t.source().db(), t.verified(),
                    t.verified() ? text(t.verifiedAt()) : null, t.verified() ? t.projectTitle() : null,
                    month == null ? null : month.toString(), t.rating(), t.name(), t.role(), t.company(), t.website(),
                    t.email(), t.body(), t.excerpt(), t.originalBody(), t.consentPublish(),
                    NameDisplay.parse(t.nameDisplay()).db(), t.consentShowPhoto(), t.consentShowCompany(),
                    t.consentCaseStudy(), t.consentReference(), text(t.withdrawnAt()), t.featured(), t.reply(), tags,
                    text(t.createdAt()), text(t.approvedAt()), t.originPlatform() == null ? null : t.originPlatform().db(),
                    t.sourceUrl(), originalDate(t), t.avatarUrl());
        }

        private static String text(Instant at) { return at == null ? null : at.toString(); }

        /** The day the words were given: on their platform for imported proof, else the day they reached us. */
        private static String originalDate(Testimonial t) {
            if (t.originalDate() != null) return t.originalDate().toString();
            return t.createdAt() == null ? null : LocalDate.ofInstant(t.createdAt(), ZoneOffset.UTC).toString();
        }

        /** The cells in {@link #COLUMNS} order; a null is an empty cell. */
        List<Object> cells() {
            return Arrays.asList(id, status, source, verified, verifiedAt, verifiedProject, verifiedMonth, rating, name,
                    role, company, website, email, body, excerpt, originalBody, consentPublish, nameDisplay,
                    consentShowPhoto, consentShowCompany, consentCaseStudy, consentReference, withdrawnAt, featured,
                    reply, tags, createdAt, approvedAt, platform, sourceUrl, originalDate, avatarUrl);
        }
    }

    private Exports() {}

    public static List<Row> rows(List<Testimonial> all, Map<Long, List<String>> tags) {
        return all.stream().map(t -> Row.of(t, tags.getOrDefault(t.id(), List.of()))).toList();
    }

    /** Every text cell, tags included, through the one formula-escape rule (an imported tag may start with '='). */
    public static String csv(List<Testimonial> all, Map<Long, List<String>> tags) {
        StringWriter w = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(w)) {
            csv.row(COLUMNS);
            for (Row r : rows(all, tags)) csv.row(r.cells());
        }
        return w.toString();
    }
}
