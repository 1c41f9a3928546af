package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.web.SafeJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestimonialRulesTest {
    private static TestimonialForm form(String rating, String body, String name) {
        return new TestimonialForm(rating, body, name, "", "", "", "", true, false, false, null);
    }

    private static Testimonial row(TestimonialStatus status, boolean publish, boolean photo, boolean company) {
        return new Testimonial(1, 1, null, status, TestimonialSource.FORM, false, 4, "The full body text.", null, "Ann", "CEO",
                "Acme", "https://acme.example", "ann@acme.example", "0123456789abcdef0123456789abcdef.png", publish, photo, company,
                false, null, "10.0.0.1", "The full body text.", Instant.now(), Instant.now(), Instant.now());
    }

    @Test
    void form_accepts_a_complete_testimonial_and_names_each_bad_field() {
        assertThat(form("5", "Twenty characters at least, yes.", "Ann").validate().isEmpty()).isTrue();
        assertThat(form("0", "Twenty characters at least, yes.", "Ann").validate().get("rating").key()).isEqualTo("testimonial.error.rating");
        assertThat(form("x", "Twenty characters at least, yes.", "Ann").validate().has("rating")).isTrue();
        assertThat(form("5", "too short", "Ann").validate().get("body").key()).isEqualTo("testimonial.error.bodyShort");
        assertThat(form("5", "y".repeat(2001), "Ann").validate().get("body").key()).isEqualTo("error.tooLong");
        assertThat(form("5", "Twenty characters at least, yes.", " ").validate().get("name").key()).isEqualTo("error.required");
        TestimonialForm badLinks = new TestimonialForm("5", "Twenty characters at least, yes.", "Ann", "", "", "javascript:alert(1)",
                "nope", false, false, false, null);
        assertThat(badLinks.validate().has("website")).isTrue();
        assertThat(badLinks.validate().has("email")).isTrue();
    }

    @Test
    void pending_rejected_archived_or_unconsented_testimonials_are_never_public() {
        assertThat(PublicTestimonial.of(row(TestimonialStatus.APPROVED, true, true, true), List.of())).isPresent();
        assertThat(PublicTestimonial.of(row(TestimonialStatus.PENDING, true, true, true), List.of())).isEmpty();
        assertThat(PublicTestimonial.of(row(TestimonialStatus.REJECTED, true, true, true), List.of())).isEmpty();
        assertThat(PublicTestimonial.of(row(TestimonialStatus.ARCHIVED, true, true, true), List.of())).isEmpty();
        assertThat(PublicTestimonial.of(row(TestimonialStatus.APPROVED, false, true, true), List.of())).isEmpty();
    }

    @Test
    void photo_and_company_need_their_own_consent() {
        PublicTestimonial shy = PublicTestimonial.of(row(TestimonialStatus.APPROVED, true, false, false), List.of()).orElseThrow();
        assertThat(shy.photoUrl()).isNull();
        assertThat(shy.company()).isEmpty();
        assertThat(shy.website()).isEmpty();
        assertThat(shy.byline()).isEqualTo("CEO");
        PublicTestimonial open = PublicTestimonial.of(row(TestimonialStatus.APPROVED, true, true, true), List.of()).orElseThrow();
        assertThat(open.photoUrl()).isEqualTo("/media/0123456789abcdef0123456789abcdef.png");
        assertThat(open.byline()).isEqualTo("CEO, Acme");
    }

    @Test
    void json_never_contains_characters_that_could_end_a_script_element() {
        String json = SafeJson.write(Map.of("x", "</script><b>'&\""));
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("'");
        assertThat(json).contains("\\u003C/script\\u003E");
    }

    @Test
    void the_same_words_differently_spaced_or_capitalised_are_one_duplicate() {
        assertThat(TestimonialService.bodyHash("Great work!  Really.")).isEqualTo(TestimonialService.bodyHash("great work really"));
        assertThat(TestimonialService.bodyHash("Great work")).isNotEqualTo(TestimonialService.bodyHash("Good work"));
    }

    @Test
    void tags_are_normalised_and_deduplicated() {
        assertThat(Tags.parse("Design, web design;DESIGN, <b>x</b>")).containsExactly("design", "web-design", "bxb");
        assertThat(Tags.normalize("  ")).isEmpty();
    }

    @Test
    void csv_columns_are_guessed_rows_checked_and_duplicates_flagged() throws Exception {
        io.goodword.web.csv.CsvTable.Table table = CsvImport.parse("Name;Testimonial;Stars;E-mail\nAnn;Lovely work.;★★★★;ann@x.example\n"
                + "Bob;Lovely work.;4/5;\nCid;Other words.;9;not-mail\n");
        Map<String, Integer> m = CsvImport.guessMapping(table.headers());
        assertThat(m).containsEntry("name", 0).containsEntry("body", 1).containsEntry("rating", 2).containsEntry("email", 3)
                .containsEntry("company", -1);
        List<CsvImport.Row> rows = CsvImport.rows(table, m, h -> false);
        assertThat(rows.get(0).importable()).isTrue();
        assertThat(rows.get(0).rating()).isEqualTo(4);
        assertThat(rows.get(1).duplicate()).isTrue();
        assertThat(rows.get(2).errors()).extracting(CsvImport.RowError::field).containsExactly("rating", "email");
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void exported_cells_that_a_spreadsheet_would_run_get_an_apostrophe() {
        assertThat(io.goodword.web.csv.CsvWriter.safe("=1+1")).isEqualTo("'=1+1");
        assertThat(io.goodword.web.csv.CsvWriter.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(io.goodword.web.csv.CsvWriter.safe("Plain")).isEqualTo("Plain");
    }

    @Test
    void widget_options_fall_back_to_known_values() {
        EmbedOptions o = new EmbedOptions("grid", "dark", "web", 3, 4);
        assertThat(o.variant()).isEqualTo("embed|grid|dark|web|3|4");
        assertThat(o.query()).isEqualTo("?layout=grid&theme=dark&tag=web&limit=3&minRating=4");
        assertThat(io.goodword.web.Pager.param("-3")).isEqualTo(1);
        assertThat(io.goodword.web.Pager.param("abc")).isEqualTo(1);
        assertThat(io.goodword.web.Pager.param("99999999")).isEqualTo(10_000);
    }
}
