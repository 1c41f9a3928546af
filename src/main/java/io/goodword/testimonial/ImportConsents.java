package io.goodword.testimonial;

import io.goodword.web.csv.ColumnMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an imported row may claim of its author's consents, read from the consent columns of {@link CsvImport#FIELDS}
 * (Goodword's own export has them all). The file is the freelancer's word, like a testimonial typed in by hand: every
 * consent it names is taken, and recorded in the ledger with channel "import" (never "personal link", and never as
 * verified: that only the client's own confirmation gives). A withdrawal always wins: a row its author took back comes
 * in with every consent revoked, whatever the file or "consent for all" says.
 */
final class ImportConsents {
    static final List<String> FIELDS = List.of("name_display", "consent_photo", "consent_company", "consent_case_study",
            "consent_reference", "withdrawn");
    static final Map<String, List<String>> SYNONYMS = Map.of(
            "name_display", List.of("name display", "show name as", "display name as"),
            "consent_photo", List.of("consent photo", "consent show photo", "photo consent"),
            "consent_company", List.of("consent company", "consent show company", "company consent"),
            "consent_case_study", List.of("consent case study", "case study consent", "case study"),
            "consent_reference", List.of("consent reference", "reference consent", "available as reference"),
            "withdrawn", List.of("withdrawn", "withdrawn at", "withdrawn on"));
    /** A withdrawal cell that says "not withdrawn". */
    private static final Set<String> NOT_WITHDRAWN = Set.of("", "no", "n", "false", "0", "nein", "-");

    /**
     * What one row claims: its consents, whether it says anything of its own for company and website (else they
     * follow consent to publish), and when its author withdrew it (null: not withdrawn).
     */
    record Claim(Consents consents, boolean companyNamed, Instant withdrawnAt) {
        /**
         * The consents to store with "these clients agreed to publication" ticked: publication, and company and
         * website where the file does not say otherwise; never for a row its author withdrew.
         */
        Consents forAll(boolean consentForAll) {
            if (!consentForAll || withdrawnAt != null) return consents;
            return new Consents(true, consents.name(), consents.photo(), companyNamed ? consents.company() : true,
                    consents.caseStudy(), consents.reference());
        }
    }

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private ImportConsents() {}

    /**
     * The consents a row claims: publish from its consent column; company and website follow it when the row says
     * nothing of them (as imports did before the ledger); the rest are not given unless a column says so.
     */
    static Claim of(List<String> cells, Map<String, Integer> mapping, boolean publish, LocalDate today) {
        Instant withdrawnAt = withdrawnAt(cells, mapping, today);
        boolean named = !ColumnMapping.cell(cells, mapping, "consent_company").isBlank(); // an empty cell says nothing
        Consents c = new Consents(publish, NameDisplay.parse(ColumnMapping.cell(cells, mapping, "name_display")),
                yes(cells, mapping, "consent_photo"), named ? yes(cells, mapping, "consent_company") : publish,
                yes(cells, mapping, "consent_case_study"), yes(cells, mapping, "consent_reference"));
        return new Claim(withdrawnAt == null ? c : c.withdrawn(), named, withdrawnAt);
    }

    /**
     * When the author took it back: the export's time, a date, or (a "yes" or anything else not plainly "no") the
     * start of the import's day, so an unreadable withdrawal is still a withdrawal. Null: not withdrawn.
     */
    static Instant withdrawnAt(List<String> cells, Map<String, Integer> mapping, LocalDate today) {
        String s = ColumnMapping.cell(cells, mapping, "withdrawn").strip();
        if (NOT_WITHDRAWN.contains(s.toLowerCase(Locale.ROOT))) return null;
        Instant fallback = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant at;
        try {
            at = Instant.parse(s);
        } catch (DateTimeParseException notInstant) {
            try {
                at = LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                return fallback;
            }
        }
        // a time the database cannot hold, or one still to come, is no record of a withdrawal: the day of the import
        return at.isBefore(EARLIEST) || at.isAfter(fallback.plus(Duration.ofDays(1))) ? fallback : at;
    }

    private static boolean yes(List<String> cells, Map<String, Integer> mapping, String field) {
        return CsvImport.yes(ColumnMapping.cell(cells, mapping, field));
    }
}
