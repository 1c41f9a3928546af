package io.goodword.testimonial;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.goodword.web.csv.ColumnMapping;
import io.goodword.web.csv.CsvTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reading testimonials from a CSV file: the header row names the columns, the freelancer maps them to our fields on
 * a preview page, and each row is checked (errors listed per row, duplicates flagged) before anything is saved.
 */
public final class CsvImport {
    public static final int MAX_ROWS = 2000;
    public static final int MAX_CHARS = 2_000_000;
    private static final CsvTable.Limits LIMITS = CsvTable.Limits.truncating(MAX_CHARS, MAX_ROWS);
    /**
     * Our fields, in the order the preview shows them: date, platform, link and avatar say where the review was first
     * published, then the consents beyond publication and the withdrawal ({@link ImportConsents}).
     */
    public static final List<String> FIELDS = Stream.concat(Stream.of("name", "body", "rating", "role",
            "company", "website", "email", "consent", "tags", "date", "platform", "link", "avatar"),
            ImportConsents.FIELDS.stream()).toList();
    static final int URL_MAX = 500;
    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("name", List.of("name", "author", "client", "full name", "customer", "reviewer")),
            Map.entry("body", List.of("body", "text", "testimonial", "review", "comment", "message", "quote")),
            Map.entry("rating", List.of("rating", "stars", "score")),
            Map.entry("role", List.of("role", "title", "job title", "position")),
            Map.entry("company", List.of("company", "organisation", "organization", "business")),
            Map.entry("website", List.of("website", "url", "site", "web")),
            Map.entry("email", List.of("email", "e-mail", "mail")),
            Map.entry("consent", List.of("consent", "publish", "public", "consent to publish", "consent publish")),
            Map.entry("tags", List.of("tags", "tag", "labels")),
            Map.entry("date", List.of("date", "original date", "date published", "published", "submitted at", "review date")),
            Map.entry("platform", List.of("platform", "origin platform", "integration", "review site")),
            Map.entry("link", List.of("link", "source url", "review url", "review link", "permalink")),
            Map.entry("avatar", List.of("avatar", "avatar url", "photo url", "picture", "profile picture", "image")));
    private static final Map<String, List<String>> ALL_SYNONYMS = Stream.concat(SYNONYMS.entrySet().stream(),
            ImportConsents.SYNONYMS.entrySet().stream()).collect(java.util.stream.Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, Map.Entry::getValue));

    /**
     * One row as it would be imported; {@code errors} say why not, {@code duplicate} that we already have it.
     * {@code platform}, {@code link}, {@code date} and {@code avatar} say where it was first published (see V65);
     * {@code claim} what the file says of its author's consents and withdrawal (see {@link ImportConsents}).
     */
    public record Row(int line, String name, String body, int rating, String role, String company, String website,
                      String email, ImportConsents.Claim claim, List<String> tags, List<RowError> errors,
                      boolean duplicate, Platform platform, String link, LocalDate date, String avatar) {
        public boolean importable() { return errors.isEmpty() && !duplicate; }

        /** Consent to publish the words. */
        public boolean consent() { return claim.consents().publish(); }

        public Consents consents() { return claim.consents(); }

        /** When its author took it back; null: not withdrawn. */
        public Instant withdrawnAt() { return claim.withdrawnAt(); }

        /** The consents to store, with "these clients agreed to publication" applied (never to a withdrawn row). */
        Consents consentsWith(boolean consentForAll) { return claim.forAll(consentForAll); }
    }

    /** A problem with one field of one row. */
    public record RowError(String field, FormErrors.Message message) {}

    /** The file cannot be read; {@code key} says why, for the page. */
    public static final class Unreadable extends Exception {
        private final String key;

        public Unreadable() { this("testimonial.import.unreadable"); }

        public Unreadable(String key) {
            super(key, null, false, false);
            this.key = key;
        }

        public String key() { return key; }
    }

    private CsvImport() {}

    /**
     * The file, read by the shared engine (JSON by {@link JsonImport}, as the same table); past {@link #MAX_ROWS} the
     * preview says it was cut.
     */
    public static CsvTable.Table parse(String text) throws Unreadable {
        if (JsonImport.looksLikeJson(text)) return JsonImport.table(text);
        if (CsvTable.parse(text, LIMITS) instanceof CsvTable.Table table) return table;
        throw new Unreadable();
    }

    /** Field → column index (-1: not imported), guessed from the header names (a known tool's export by its preset). */
    public static Map<String, Integer> guessMapping(List<String> headers) {
        ImportPresets.Preset preset = ImportPresets.detect(headers);
        if (preset != null) return ImportPresets.mapping(preset, headers);
        Map<String, Integer> guessed = ColumnMapping.guess(headers, FIELDS, ALL_SYNONYMS);
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String field : FIELDS) m.put(field, guessed.getOrDefault(field, -1));
        return m;
    }

    /** The platform a file's rows come from when a row does not say: the tool whose export it is, else "other". */
    public static Platform defaultPlatform(List<String> headers) {
        ImportPresets.Preset preset = ImportPresets.detect(headers);
        return preset == null ? Platform.OTHER : preset.platform();
    }

    public static List<Row> rows(CsvTable.Table table, Map<String, Integer> mapping, Predicate<String> known) {
        return rows(table, mapping, defaultPlatform(table.headers()), LocalDate.now(ZoneOffset.UTC), known);
    }

    /**
     * Checks every row under this mapping; {@code known} says whether a body hash is already in the workspace. A row
     * is from the platform its platform cell names, else the one its link points to, else {@code fallback}.
     */
    public static List<Row> rows(CsvTable.Table table, Map<String, Integer> mapping, Platform fallback, LocalDate today,
                                 Predicate<String> known) {
        List<Row> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int line = 1;
        for (List<String> cells : table.rows()) {
            line++;
            String name = cell(cells, mapping, "name");
            String body = cell(cells, mapping, "body");
            String ratingText = cell(cells, mapping, "rating");
            String website = cell(cells, mapping, "website");
            String email = cell(cells, mapping, "email");
            FormErrors e = FormErrors.none();
            e.required("name", name).maxLength("name", name, 100);
            e.required("body", body).maxLength("body", body, TestimonialForm.BODY_MAX);
            int rating = parseRating(ratingText);
            if (rating < 1) e.add("rating", "testimonial.import.badRating", ratingText);
            e.maxLength("role", cell(cells, mapping, "role"), 100).maxLength("company", cell(cells, mapping, "company"), 100);
            e.url("website", website).email("email", email);
            String link = cell(cells, mapping, "link");
            String avatar = cell(cells, mapping, "avatar");
            e.maxLength("link", link, URL_MAX).url("link", link).maxLength("avatar", avatar, URL_MAX).url("avatar", avatar);
            ProofDate.Parsed date = ProofDate.parse(cell(cells, mapping, "date"), today);
            if (date.invalid()) e.add("date", "testimonial.import.badDate", cell(cells, mapping, "date"));
            List<RowError> errors = new ArrayList<>();
            for (String field : FIELDS) {
                if (e.has(field)) errors.add(new RowError(field, e.get(field)));
            }
            ImportConsents.Claim claim = ImportConsents.of(cells, mapping, yes(cell(cells, mapping, "consent")), today);
            String hash = TestimonialService.bodyHash(body);
            boolean duplicate = !body.isBlank() && (!seen.add(hash) || known.test(hash));
            out.add(new Row(line, name, body, Math.max(rating, 0), cell(cells, mapping, "role"), cell(cells, mapping, "company"),
                    website, email.isBlank() ? null : Validation.normalizeEmail(email), claim,
                    Tags.parse(cell(cells, mapping, "tags")), List.copyOf(errors), duplicate,
                    platform(cell(cells, mapping, "platform"), link, fallback), blankToNull(link), date.date(),
                    blankToNull(avatar)));
        }
        return out;
    }

    private static Platform platform(String named, String link, Platform fallback) {
        Platform p = Platform.named(named);
        if (p == null) p = Platform.ofUrl(link);
        return p != null ? p : fallback;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    private static String cell(List<String> cells, Map<String, Integer> mapping, String field) {
        return ColumnMapping.cell(cells, mapping, field);
    }

    /** "5", "4.0", "★★★★" or "4/5"; 0 when unreadable. */
    static int parseRating(String s) {
        if (s == null || s.isBlank()) return 0;
        String t = s.strip();
        long stars = t.chars().filter(c -> c == '★').count();
        if (stars > 0) return stars <= 5 ? (int) stars : 0;
        if (t.contains("/")) t = t.substring(0, t.indexOf('/')).strip();
        try {
            double d = Double.parseDouble(t.replace(',', '.'));
            long r = Math.round(d);
            return r >= 1 && r <= 5 ? (int) r : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean yes(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        return t.equals("yes") || t.equals("y") || t.equals("true") || t.equals("1") || t.equals("ja") || t.equals("x");
    }
}
