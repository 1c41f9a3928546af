package io.goodword.casestudy;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.web.FormErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseStudyFormTest {

    static CaseStudyForm form(String title, String slug) {
        return new CaseStudyForm(title, slug, "", "", "", "", "", "", "", "", List.of(), List.of(), "", "", null, false);
    }

    @Test
    void a_title_is_required() {
        assertThat(form("", "shop").validate().get("title").key()).isEqualTo("error.required");
    }

    @Test
    void malformed_slugs_are_refused_with_a_clear_message() {
        for (String bad : List.of("Shop Relaunch", "shop--relaunch", "-shop", "shop_", "ünï", "a/b")) {
            FormErrors e = form("Title", bad.toLowerCase()).validate();
            assertThat(e.has("slug")).as(bad).isTrue();
        }
        assertThat(form("Title", "shop relaunch").validate().get("slug").key()).isEqualTo("casestudy.error.slugShape");
        assertThat(form("Title", "shop-relaunch-2").validate().isEmpty()).isTrue();
    }

    @Test
    void an_empty_slug_is_made_from_the_title() {
        assertThat(form("Café Müller: 38% more leads!", "").effectiveSlug()).isEqualTo("cafe-muller-38-more-leads");
        assertThat(form("!!!", "").validate().get("slug").key()).isEqualTo("error.required");
    }

    @Test
    void over_long_fields_are_refused() {
        CaseStudyForm f = new CaseStudyForm("t".repeat(161), "ok", "", "a".repeat(201), "", "", "s".repeat(601),
                "c".repeat(20_001), "", "", List.of(new KeyResult("l".repeat(61), "+1")), List.of(), "", "", null, false);
        FormErrors e = f.validate();
        assertThat(e.get("title").key()).isEqualTo("error.tooLong");
        assertThat(e.get("anonymousClient").key()).isEqualTo("error.tooLong");
        assertThat(e.get("summary").key()).isEqualTo("error.tooLong");
        assertThat(e.get("challenge").key()).isEqualTo("error.tooLong");
        assertThat(e.get("keyResults").key()).isEqualTo("casestudy.error.keyResultLength");
    }

    @Test
    void key_results_and_call_to_action_need_both_halves() {
        CaseStudyForm f = new CaseStudyForm("T", "t-1", "", "", "", "", "", "", "", "",
                List.of(new KeyResult("Leads", "")), List.of(), "Book a call", "", null, false);
        FormErrors e = f.validate();
        assertThat(e.get("keyResults").key()).isEqualTo("casestudy.error.keyResultPair");
        assertThat(e.get("ctaUrl").key()).isEqualTo("casestudy.error.ctaPair");
    }

    @Test
    void the_call_to_action_link_must_be_a_web_address() {
        CaseStudyForm f = new CaseStudyForm("T", "t-1", "", "", "", "", "", "", "", "", List.of(), List.of(),
                "Book", "javascript:alert(1)", null, false);
        assertThat(f.validate().get("ctaUrl").key()).isEqualTo("error.url");
    }

    @Test
    void the_editor_always_offers_six_key_result_rows_keeping_the_typed_ones_first() {
        CaseStudyForm f = new CaseStudyForm("T", "t", "", "", "", "", "", "", "", "",
                List.of(new KeyResult("Leads", "+38%")), List.of(), "", "", null, false);
        assertThat(f.keyResultRows()).hasSize(6).first().isEqualTo(new KeyResult("Leads", "+38%"));
    }

    @Test
    void json_ld_cannot_break_out_of_its_script_block() {
        String json = io.goodword.web.SafeJson.write(java.util.Map.of("headline", "</script><script>alert(1)</script> & more"));
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .containsIgnoringCase("\\u003c/script\\u003e");
    }

    @Test
    void content_survives_a_round_trip_through_json_exactly() {
        CaseStudyContent c = new CaseStudyContent("T", "t", 7L, "Acme", "", "Retail", "Design", "Sum", "C", "<p>C</p>",
                "A", "<p>A</p>", "R", "<p>R</p>", List.of(new KeyResult("Leads", "+38%")), "0123456789abcdef0123456789abcdef.png",
                List.of(3L, 1L), "Book", "https://example.com");
        assertThat(CaseStudyContent.fromJson(c.toJson())).isEqualTo(c);
        assertThat(CaseStudyContent.fromJson(c.toJson()).hash()).isEqualTo(c.hash());
    }
}
