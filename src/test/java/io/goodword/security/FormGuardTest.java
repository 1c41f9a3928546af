package io.goodword.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The stamp and honeypot rules of the one form guard (no limits here, so no database). */
class FormGuardTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final FormGuard guard = new FormGuard(null, new Secrets.Signer("k".repeat(64).getBytes(StandardCharsets.UTF_8)),
            null, clock);

    private FormGuard.Verdict check(FormGuard.Form form, String honeypot, String stamp) {
        return guard.check(form, honeypot, stamp);
    }

    @Test
    void a_stamp_older_than_the_minimum_fill_time_passes_and_lends_its_form_id() {
        String stamp = guard.stamp(FormGuard.Form.REVIEW);
        clock.advance(Duration.ofSeconds(4));
        FormGuard.Verdict v = check(FormGuard.Form.REVIEW, "", stamp);
        assertThat(v.passed()).isTrue();
        assertThat(v.once().formId()).hasSize(22).isEqualTo(stamp.split("\\.")[1]);
    }

    @Test
    void every_rendered_form_gets_its_own_id() {
        assertThat(guard.stamp(FormGuard.Form.REVIEW).split("\\.")[1]).isNotEqualTo(guard.stamp(FormGuard.Form.REVIEW).split("\\.")[1]);
    }

    @Test
    void too_fast_expired_forged_or_foreign_stamps_are_refused_with_422() {
        String stamp = guard.stamp(FormGuard.Form.REVIEW);
        assertThat(check(FormGuard.Form.REVIEW, "", stamp).messageKey()).isEqualTo("form.error.tooFast");
        clock.advance(FormGuard.MAX_AGE.plusSeconds(1));
        assertThat(check(FormGuard.Form.REVIEW, "", stamp).messageKey()).isEqualTo("form.error.expired");

        String fresh = guard.stampAt(FormGuard.Form.REVIEW, clock.instant().minusSeconds(10));
        String[] p = fresh.split("\\.");
        String otherTime = (Long.parseLong(p[0]) - 1000) + "." + p[1] + "." + p[2];
        String otherId = p[0] + "." + "B".repeat(22) + "." + p[2];
        for (String bad : new String[] {otherTime, otherId, null, "", "garbage", "1.2.3.4", "x".repeat(500)}) {
            FormGuard.Verdict v = check(FormGuard.Form.REVIEW, "", bad);
            assertThat(v.passed()).as(String.valueOf(bad)).isFalse();
            assertThat(v.status()).isEqualTo(422);
        }
        // signed for the referral form: worthless on the review form
        String referral = guard.stampAt(FormGuard.Form.REFERRAL, clock.instant().minusSeconds(10));
        assertThat(check(FormGuard.Form.REVIEW, "", referral).passed()).isFalse();
        assertThat(check(FormGuard.Form.REFERRAL, "", referral).passed()).isTrue();
    }

    @Test
    void a_filled_honeypot_is_refused_first_with_a_message_a_person_can_act_on() {
        String stamp = guard.stampAt(FormGuard.Form.REVIEW, clock.instant().minusSeconds(10));
        FormGuard.Verdict v = check(FormGuard.Form.REVIEW, "http://spam.example", stamp);
        assertThat(v.passed()).isFalse();
        assertThat(v.status()).isEqualTo(422);
        assertThat(v.errors().global().key()).isEqualTo("form.error.honeypot");
        assertThat(check(FormGuard.Form.LOGIN, "x", null).passed()).isFalse();
    }

    @Test
    void untimed_forms_need_no_stamp_and_a_bad_one_only_loses_its_id() {
        assertThat(check(FormGuard.Form.LOGIN, null, null).passed()).isTrue();
        assertThat(check(FormGuard.Form.SIGNUP, "", "forged.stamp.value").once().formId()).isNull();
        String stamp = guard.stamp(FormGuard.Form.APPROVAL);
        assertThat(check(FormGuard.Form.APPROVAL, "", stamp).once().formId()).isNotNull(); // no fill time here
    }

    @Test
    void showing_the_form_again_keeps_a_genuine_stamp_and_replaces_anything_else() {
        String stamp = guard.stamp(FormGuard.Form.REVIEW);
        assertThat(guard.restamp(FormGuard.Form.REVIEW, stamp)).isEqualTo(stamp);
        assertThat(guard.restamp(FormGuard.Form.REVIEW, "forged")).isNotEqualTo("forged").contains(".");
        clock.advance(FormGuard.MAX_AGE.plusSeconds(1));
        assertThat(guard.restamp(FormGuard.Form.REVIEW, stamp)).isNotEqualTo(stamp);
    }

    @Test
    void every_limit_has_a_unique_bucket_that_fits_the_table() {
        assertThat(java.util.Arrays.stream(Limit.values()).map(Limit::bucket).distinct().count()).isEqualTo(Limit.values().length);
        for (Limit l : Limit.values()) {
            assertThat(l.bucket().length()).isLessThanOrEqualTo(40);
            assertThat(l.max()).isPositive();
        }
        assertThat(Limit.LOGIN_ACCOUNT.max()).isGreaterThan(10 * Limit.LOGIN_PAIR.max());
    }
}
