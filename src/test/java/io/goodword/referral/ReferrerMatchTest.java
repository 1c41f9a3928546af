package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferrerMatchTest {
    static final List<ReferrerMatch.Candidate> AMBASSADORS = List.of(
            new ReferrerMatch.Candidate(1, "Ada Lovelace", "ada@lovelace.example", "ADA23456"),
            new ReferrerMatch.Candidate(2, "Zoë O'Brien", "zoe@obrien.example", null),
            new ReferrerMatch.Candidate(3, "Grace Hopper", "grace@navy.example", "GRACE789"),
            new ReferrerMatch.Candidate(4, "Grace Kelly", "kelly@monaco.example", null));

    static ReferrerMatch.Match best(String answer) { return ReferrerMatch.best(answer, AMBASSADORS).orElse(null); }

    @Test
    void only_an_exact_referral_code_credits_without_a_person_confirming() {
        assertThat(best(" ada23456 ")).isEqualTo(new ReferrerMatch.Match(1, ReferrerMatch.Kind.CODE));
        assertThat(best("https://portal.example/r/ADA23456").credits()).isTrue();
        assertThat(best("ada@lovelace.example").credits()).isFalse();
        assertThat(best("Ada Lovelace").credits()).isFalse();
        assertThat(best("ADA23457")).isNull(); // a code one letter off is no code: nobody is guessed
    }

    @Test
    void names_and_emails_match_normalized_exactly_or_closely() {
        assertThat(best("ADA@Lovelace.example").kind()).isEqualTo(ReferrerMatch.Kind.EMAIL);
        assertThat(best("ada+work@lovelace.example").kind()).isEqualTo(ReferrerMatch.Kind.EMAIL);
        assertThat(best("  zoe  o brien ")).isEqualTo(new ReferrerMatch.Match(2, ReferrerMatch.Kind.NAME));
        assertThat(best("Lovelace, Ada")).isEqualTo(new ReferrerMatch.Match(1, ReferrerMatch.Kind.NAME));
        assertThat(best("Ada Lovelance")).isEqualTo(new ReferrerMatch.Match(1, ReferrerMatch.Kind.CLOSE));
        assertThat(best("ada@lovelace.exmple")).isEqualTo(new ReferrerMatch.Match(1, ReferrerMatch.Kind.CLOSE));
        assertThat(best("Ada")).isEqualTo(new ReferrerMatch.Match(1, ReferrerMatch.Kind.CLOSE));
    }

    @Test
    void an_answer_two_ambassadors_fit_equally_or_none_fits_suggests_nobody() {
        assertThat(best("Grace")).isNull();
        assertThat(best("a friend from the gym")).isNull();
        assertThat(best("")).isNull();
        assertThat(best("Grace Hoper")).isEqualTo(new ReferrerMatch.Match(3, ReferrerMatch.Kind.CLOSE));
    }
}
