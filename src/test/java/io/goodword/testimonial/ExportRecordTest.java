package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.web.SafeJson;
import io.goodword.web.csv.CsvTable;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The testimonial exports are a true record (current consents, withdrawal, verification, imported proof), the CSV is
 * safe in a spreadsheet, and Goodword's own files read back with the consents an import may claim.
 */
class ExportRecordTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Instant VERIFIED_AT = Instant.parse("2026-03-14T09:30:00Z");
    private static final Instant WITHDRAWN_AT = Instant.parse("2026-11-20T18:00:00Z");

    /** Verified through a check-in for a project whose title a spreadsheet would run as a formula. */
    static Testimonial verified() {
        return new Testimonial(1, 1, 5L, TestimonialStatus.APPROVED, TestimonialSource.LINK, true, 5,
                "They rebuilt our shop in three weeks.", null, "Ada Lovelace", "CEO", "Engines Ltd", "https://engines.example",
                "ada@engines.example", null, true, true, false, false, null, null, "They rebuilt our shop in three weeks.",
                Instant.parse("2026-03-10T08:00:00Z"), Instant.now(), Instant.parse("2026-03-15T08:00:00Z"), "initial",
                true, true, 3L, null, "=HYPERLINK(\"https://evil.example\")", VERIFIED_AT, null, null, null, null, null);
    }

    /** Imported from LinkedIn, then withdrawn by its author: every consent revoked, the name's choice kept. */
    static Testimonial withdrawn() {
        return new Testimonial(2, 1, null, TestimonialStatus.APPROVED, TestimonialSource.IMPORT, false, 4,
                "Good work on the campaign, thank you.", null, "Bob Stone", "", "Stone Co", "", null, null, false, false,
                false, false, null, null, "Good work on the campaign, thank you.", Instant.parse("2026-05-01T10:00:00Z"),
                Instant.now(), null, "anonymous", false, false, null, null, null, null, WITHDRAWN_AT, Platform.LINKEDIN,
                "https://www.linkedin.com/in/bob", LocalDate.of(2024, 2, 29), null);
    }

    private static List<CsvImport.Row> read(String text) throws CsvImport.Unreadable {
        CsvTable.Table table = CsvImport.parse(text);
        return CsvImport.rows(table, CsvImport.guessMapping(table.headers()), CsvImport.defaultPlatform(table.headers()),
                TODAY, h -> false);
    }

    @Test
    void the_json_export_holds_every_current_consent_the_withdrawal_the_verification_and_the_proof() throws Exception {
        JsonNode json = new ObjectMapper().readTree(SafeJson.pretty(Exports.rows(List.of(verified(), withdrawn()), Map.of())));
        JsonNode ada = json.get(0);
        assertThat(ada.get("consent_publish").asBoolean()).isTrue();
        assertThat(ada.get("name_display").asText()).isEqualTo("initial");
        assertThat(ada.get("consent_show_photo").asBoolean()).isTrue();
        assertThat(ada.get("consent_show_company").asBoolean()).isFalse();
        assertThat(ada.get("consent_case_study").asBoolean()).isTrue();
        assertThat(ada.get("consent_reference").asBoolean()).isTrue();
        assertThat(ada.get("withdrawn_at").isNull()).isTrue();
        assertThat(ada.get("verified").asBoolean()).isTrue();
        assertThat(ada.get("verified_at").asText()).isEqualTo("2026-03-14T09:30:00Z");
        assertThat(ada.get("verified_project").asText()).isEqualTo("=HYPERLINK(\"https://evil.example\")");
        assertThat(ada.get("verified_month").asText()).isEqualTo("2026-03");
        JsonNode bob = json.get(1);
        assertThat(bob.get("withdrawn_at").asText()).isEqualTo("2026-11-20T18:00:00Z");
        assertThat(bob.get("name_display").asText()).isEqualTo("anonymous");
        assertThat(bob.get("verified").asBoolean()).isFalse();
        assertThat(bob.get("verified_project").isNull()).isTrue();
        assertThat(bob.get("verified_month").isNull()).isTrue();
        assertThat(bob.get("platform").asText()).isEqualTo("linkedin");
        assertThat(bob.get("source_url").asText()).isEqualTo("https://www.linkedin.com/in/bob");
        assertThat(bob.get("original_date").asText()).isEqualTo("2024-02-29");
    }

    @Test
    void the_csv_export_has_the_same_record_and_every_text_cell_is_formula_safe() throws Exception {
        String csv = Exports.csv(List.of(verified(), withdrawn()), Map.of(1L, List.of("+tag")));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
        CSVRecord ada = records.get(0);
        assertThat(ada.get("name_display")).isEqualTo("initial");
        assertThat(ada.get("consent_case_study")).isEqualTo("true");
        assertThat(ada.get("consent_reference")).isEqualTo("true");
        assertThat(ada.get("consent_show_photo")).isEqualTo("true");
        assertThat(ada.get("consent_show_company")).isEqualTo("false");
        assertThat(ada.get("verified_month")).isEqualTo("2026-03");
        assertThat(ada.get("verified_project")).as("a project title is text: escaped").startsWith("'=HYPERLINK");
        assertThat(ada.get("tags")).isEqualTo("'+tag");
        assertThat(ada.get("withdrawn_at")).isEmpty();
        assertThat(records.get(1).get("withdrawn_at")).isEqualTo("2026-11-20T18:00:00Z");
        assertThat(records.get(1).get("platform")).isEqualTo("linkedin");
        assertThat(csv).doesNotContain(",=").doesNotContain(",+").doesNotContain("\"=");
    }

    @Test
    void goodwords_own_json_and_csv_exports_read_back_with_their_consents_and_withdrawal_never_as_verified()
            throws Exception {
        List<Testimonial> both = List.of(verified(), withdrawn());
        for (String file : List.of(SafeJson.pretty(Exports.rows(both, Map.of())), Exports.csv(both, Map.of()))) {
            List<CsvImport.Row> rows = read(file);
            assertThat(rows).hasSize(2).allMatch(CsvImport.Row::importable);
            CsvImport.Row ada = rows.get(0);
            assertThat(ada.consents()).isEqualTo(Consents.of(verified()));
            assertThat(ada.withdrawnAt()).isNull();
            assertThat(ada.consentsWith(true)).as("'consent for all' never overrides what the file says: company stays off")
                    .isEqualTo(Consents.of(verified()));
            CsvImport.Row bob = rows.get(1);
            assertThat(bob.withdrawnAt()).isEqualTo(WITHDRAWN_AT);
            assertThat(bob.consents()).isEqualTo(new Consents(false, NameDisplay.ANONYMOUS, false, false, false, false));
            assertThat(bob.consentsWith(true)).as("'consent for all' never grants again what its author took back")
                    .isEqualTo(bob.consents());
            assertThat(bob.platform()).isEqualTo(Platform.LINKEDIN);
            assertThat(bob.date()).isEqualTo(LocalDate.of(2024, 2, 29));
        }
    }

    @Test
    void a_withdrawal_column_is_read_carefully_and_a_time_the_database_cannot_hold_is_the_day_of_the_import() throws Exception {
        String csv = "name,text,rating,consent,withdrawn\n"
                + "Ann One,Words long enough to import here.,5,yes,no\n"
                + "Ben Two,More words long enough to import.,5,yes,yes\n"
                + "Cem Three,Third words long enough to import.,5,yes,2025-01-02\n"
                + "Dov Four,Fourth words long enough to import.,5,yes,+99999-01-01T00:00:00Z\n"
                + "Eve Five,Fifth words long enough to import.,5,yes,gone?\n";
        List<CsvImport.Row> rows = read(csv);
        Instant today = TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        assertThat(rows).extracting(CsvImport.Row::withdrawnAt)
                .containsExactly(null, today, Instant.parse("2025-01-02T00:00:00Z"), today, today);
        assertThat(rows.get(0).consents().publish()).isTrue();
        assertThat(rows.get(0).consents().company()).as("no company column: it follows consent to publish").isTrue();
        assertThat(rows.get(0).consentsWith(true)).isEqualTo(rows.get(0).consents());
        CsvImport.Row silent = read("name,text,rating\nFay Six,Sixth words long enough to import.,5\n").get(0);
        assertThat(silent.consentsWith(true)).as("a file that says nothing: 'consent for all' gives publish and company")
                .isEqualTo(new Consents(true, NameDisplay.FULL, false, true, false, false));
        assertThat(silent.consentsWith(false)).isEqualTo(new Consents(false, NameDisplay.FULL, false, false, false, false));
        assertThat(rows.subList(1, 5)).allMatch(r -> !r.consents().publish() && !r.consentsWith(true).publish());
    }
}
