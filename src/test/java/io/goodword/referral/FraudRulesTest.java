package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.referral.FraudRules.Facts;
import io.goodword.referral.FraudRules.Reason;
import org.junit.jupiter.api.Test;

class FraudRulesTest {
    private static Facts facts(String friend, String referrer) { return new Facts(friend, referrer, false, false, 0, 0); }

    @Test
    void an_ordinary_friend_raises_no_flag() {
        assertThat(FraudRules.check(facts("bob@bobs-bakery.de", "ada@lovelace.io"))).isEmpty();
    }

    @Test
    void the_referrers_own_email_is_a_self_referral_even_with_a_plus_tag_or_capitals() {
        assertThat(FraudRules.check(facts("Ada+friend@Lovelace.io", "ada@lovelace.io"))).containsExactly(Reason.SELF_REFERRAL);
    }

    @Test
    void same_company_domain_is_flagged_but_shared_webmail_is_not() {
        assertThat(FraudRules.check(facts("bob@lovelace.io", "ada@lovelace.io"))).containsExactly(Reason.SAME_DOMAIN);
        assertThat(FraudRules.check(facts("bob@gmail.com", "ada@gmail.com"))).isEmpty();
    }

    @Test
    void existing_clients_and_leads_are_flagged() {
        assertThat(FraudRules.check(new Facts("x@y.de", "a@b.de", true, false, 0, 0))).containsExactly(Reason.EXISTING_CLIENT);
        assertThat(FraudRules.check(new Facts("x@y.de", "a@b.de", false, true, 0, 0))).containsExactly(Reason.EXISTING_LEAD);
    }

    @Test
    void bursts_from_one_ip_or_one_code_are_flagged_at_their_thresholds() {
        assertThat(FraudRules.check(new Facts("x@y.de", null, false, false, FraudRules.IP_LIMIT - 1, 0))).isEmpty();
        assertThat(FraudRules.check(new Facts("x@y.de", null, false, false, FraudRules.IP_LIMIT, 0))).containsExactly(Reason.IP_BURST);
        assertThat(FraudRules.check(new Facts("x@y.de", "a@b.de", false, false, 0, FraudRules.CODE_LIMIT))).containsExactly(Reason.CODE_BURST);
    }
}
