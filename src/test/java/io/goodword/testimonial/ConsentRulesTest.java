package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the current consents let the public see, decided in PublicTestimonial alone. */
class ConsentRulesTest {

    static Testimonial row(String nameDisplay, boolean photo, boolean company, boolean verified, String project) {
        return new Testimonial(1, 1, 7L, TestimonialStatus.APPROVED, TestimonialSource.LINK, verified, 5, "The words.", null,
                "Ada Augusta Lovelace", "CTO", "Engines", "https://engines.example", "ada@example.com", "p.png", true, photo,
                company, false, null, null, "The words.", Instant.parse("2026-03-02T10:00:00Z"), Instant.now(),
                Instant.parse("2026-03-05T10:00:00Z"), nameDisplay, false, false, 3L, null, project,
                verified ? Instant.parse("2026-03-02T10:00:00Z") : null, null, null, null, null, null);
    }

    @Test
    void the_name_is_shown_in_full_as_first_name_and_initial_or_not_at_all_and_anonymous_hides_the_photo() {
        assertThat(PublicTestimonial.of(row("full", true, true, false, null), List.of()).orElseThrow().name()).isEqualTo("Ada Augusta Lovelace");
        assertThat(PublicTestimonial.of(row("initial", true, true, false, null), List.of()).orElseThrow().name()).isEqualTo("Ada L.");
        PublicTestimonial anonymous = PublicTestimonial.of(row("anonymous", true, false, false, null), List.of()).orElseThrow();
        assertThat(anonymous.name()).isEmpty();
        assertThat(anonymous.photoUrl()).isNull();
        assertThat(anonymous.company()).isEmpty();
        assertThat(anonymous.website()).isEmpty();
        assertThat(NameDisplay.INITIAL.shown("Cher")).isEqualTo("Cher");
        assertThat(NameDisplay.INITIAL.shown("  émile   zola ")).isEqualTo("émile Z.");
        assertThat(NameDisplay.parse("nonsense")).isEqualTo(NameDisplay.FULL);
    }

    @Test
    void a_withdrawn_or_unpublished_testimonial_is_never_public() {
        Testimonial t = row("full", true, true, true, "Shop");
        Consents withdrawn = Consents.of(t).withdrawn();
        assertThat(withdrawn.publish() || withdrawn.photo() || withdrawn.company() || withdrawn.caseStudy() || withdrawn.reference()).isFalse();
    }

    @Test
    void only_a_verified_testimonial_names_its_engagement() {
        PublicTestimonial v = PublicTestimonial.of(row("full", false, false, true, "Shop relaunch"), List.of()).orElseThrow();
        assertThat(v.verifiedProject()).isEqualTo("Shop relaunch");
        assertThat(v.verifiedOn()).hasToString("2026-03");
        PublicTestimonial u = PublicTestimonial.of(row("full", false, false, false, "Shop relaunch"), List.of()).orElseThrow();
        assertThat(u.verifiedProject()).isNull();
    }
}
