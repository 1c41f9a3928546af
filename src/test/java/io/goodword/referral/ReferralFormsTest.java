package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.web.FormErrors;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReferralFormsTest {
    @Test
    void a_friend_must_give_name_email_message_and_consent() {
        FormErrors e = new FriendForm("", "not-an-email", "call me", "", false, "").validate();
        assertThat(e.get("name").key()).isEqualTo("error.required");
        assertThat(e.get("email").key()).isEqualTo("error.email");
        assertThat(e.get("phone").key()).isEqualTo("referral.error.phone");
        assertThat(e.get("message").key()).isEqualTo("error.required");
        assertThat(e.get("consent").key()).isEqualTo("referral.error.consent");
        assertThat(new FriendForm("Bob", "bob@example.com", "", "A shop", true, "").validate().isEmpty()).isTrue();
    }

    @Test
    void program_rewards_need_the_values_their_kind_needs() {
        ProgramForm bad = new ProgramForm("", "", "", "CASH", "-5", "euro", "", "PERCENT", "150", "", "", "QUALIFIED",
                "100", "0", "2025-02-30", "");
        FormErrors e = bad.validate();
        assertThat(e.get("name").key()).isEqualTo("error.required");
        assertThat(e.get("referrerAmount").key()).isEqualTo("referral.error.amount");
        assertThat(e.get("referrerCurrency").key()).isEqualTo("referral.error.currency");
        assertThat(e.get("friendAmount").key()).isEqualTo("referral.error.percent");
        assertThat(e.get("minDealValue").key()).isEqualTo("referral.error.minNeedsWon");
        assertThat(e.get("cap").key()).isEqualTo("referral.error.cap");
        assertThat(e.get("startsOn").key()).isEqualTo("referral.error.date");
        assertThat(ReferralData.program("P", "WON", "3", "500").validate().isEmpty()).isTrue();
    }

    @Test
    void the_referrer_always_gets_a_reward_but_the_friend_may_not() {
        ProgramForm f = new ProgramForm("P", "", "", "NONE", "", "", "", "NONE", "", "", "", "WON", "", "", "", "2020-01-01");
        assertThat(f.validate().get("referrerType").key()).isEqualTo("referral.error.choose");
        assertThat(f.validate().has("friendType")).isFalse();
    }

    @Test
    void won_needs_a_deal_value_and_lost_a_reason() {
        assertThat(new StatusForm("WON", "", "", "").validate().isEmpty()).isTrue(); // the deal value is optional (issue 14)
        assertThat(new StatusForm("LOST", "", "", "").validate().get("lostReason").key()).isEqualTo("error.required");
        assertThat(new StatusForm("WON", "1200.50", "", "").dealValueValue()).isEqualByComparingTo(new BigDecimal("1200.50"));
    }

    @Test
    void the_trigger_is_reached_on_qualified_or_won_and_above_the_minimum_deal() {
        Program won = new Program(1, 1, "P", "", "", Program.RewardType.CASH, BigDecimal.TEN, "EUR", "", Program.RewardType.NONE,
                null, "", "", Program.Trigger.WON, new BigDecimal("500"), null, null, null, Program.Status.ACTIVE, null, null,
                null, false, "");
        assertThat(won.triggerReached(Lead.Status.QUALIFIED, null)).isFalse();
        assertThat(won.triggerReached(Lead.Status.WON, new BigDecimal("499.99"))).isFalse();
        assertThat(won.triggerReached(Lead.Status.WON, new BigDecimal("500"))).isTrue();
        assertThat(won.running(java.time.LocalDate.now())).isTrue();
    }
}
