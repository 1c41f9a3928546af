package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralCodesTest {
    @Test
    void codes_use_only_unambiguous_characters_and_have_eight_of_them() {
        for (int i = 0; i < 2000; i++) {
            String c = ReferralCodes.next();
            assertThat(c).hasSize(8).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}").doesNotContain("0", "O", "1", "I", "l");
        }
    }

    @Test
    void codes_are_random_not_sequential() {
        Set<String> seen = new HashSet<>();
        String previous = ReferralCodes.next();
        int samePrefix = 0;
        for (int i = 0; i < 5000; i++) {
            String c = ReferralCodes.next();
            seen.add(c);
            if (c.substring(0, 4).equals(previous.substring(0, 4))) samePrefix++;
            previous = c;
        }
        assertThat(seen).hasSize(5000);
        assertThat(samePrefix).isLessThan(3);
    }

    @Test
    void typed_codes_are_normalized_and_impossible_ones_refused_without_a_lookup() {
        assertThat(ReferralCodes.normalize(" abcd2345 ")).isEqualTo("ABCD2345");
        assertThat(ReferralCodes.normalize("ABCD0345")).isNull();
        assertThat(ReferralCodes.normalize("ABC")).isNull();
        assertThat(ReferralCodes.normalize("../../etc")).isNull();
    }
}
