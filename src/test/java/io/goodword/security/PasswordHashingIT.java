package io.goodword.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unauthenticated requests cannot buy unlimited argon2 work: a made-up reset token costs no hash at all, and when
 * every hashing slot is taken the next sign-up is told "busy, try again" (503) instead of queueing without bound.
 * The slots are held by the test itself, as a burst of requests would hold them.
 */
class PasswordHashingIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    private boolean holding;

    @AfterEach
    void freeSlots() { release(); }

    private void holdEverySlot() throws InterruptedException {
        Passwords.GATE.occupyAll();
        holding = true;
    }

    private void release() {
        if (holding) Passwords.GATE.releaseAll();
        holding = false;
    }

    @Test
    void a_made_up_reset_token_is_refused_without_hashing_the_new_password() throws Exception {
        Http visitor = app.http();
        visitor.csrfToken();
        holdEverySlot(); // a hash would now wait, then fail with 503
        long t0 = System.nanoTime();
        Http.Response r = visitor.post("/password/reset/" + "x".repeat(43), Map.of("password", "a perfectly fine passphrase"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().text()).contains("expired or has already been used");
        assertThat(ms).as("no wait for a hashing slot (it would be 5 s)").isLessThan(4000);
    }

    @Test
    void sign_up_while_every_hashing_slot_is_taken_says_busy_try_again_with_the_input_kept() throws Exception {
        Http visitor = app.http();
        visitor.csrfToken();
        String slug = Fixtures.unique("busy");
        holdEverySlot();
        Http.Response r = visitor.post("/signup", Map.of("email", slug + "@example.com", "password", "a long enough password here",
                "displayName", "Bea", "slug", slug));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(r.html().text()).contains("try again in a few seconds");
        assertThat(r.html().select("#f-email").attr("value")).isEqualTo(slug + "@example.com");

        release();
        assertThat(visitor.post("/signup", Map.of("email", slug + "@example.com", "password", "a long enough password here",
                "displayName", "Bea", "slug", slug)).status()).as("once the burst is over").isEqualTo(303);
    }

    @Test
    void changing_the_email_or_password_while_every_hashing_slot_is_taken_says_busy_on_the_settings_page_with_the_address_kept()
            throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http owner = Fixtures.signedIn(app, f);
        String newEmail = Fixtures.unique("moved") + "@example.com";
        holdEverySlot();
        Http.Response email = owner.post("/admin/settings/email", Map.of("currentPassword", Fixtures.PASSWORD, "email", newEmail));
        assertThat(email.status()).isEqualTo(503);
        assertThat(email.header("Retry-After")).isEqualTo("5");
        assertThat(email.html().select("#email-form-error").text()).contains("try again in a few seconds");
        assertThat(email.html().select("#f-account-email").attr("value")).as("the typed address is kept").isEqualTo(newEmail);
        assertThat(email.html().select("input[type=password]")).allSatisfy(p -> assertThat(p.attr("value")).isEmpty());

        Http.Response password = owner.post("/admin/settings/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "another long passphrase"));
        assertThat(password.status()).isEqualTo(503);
        assertThat(password.header("Retry-After")).isEqualTo("5");
        assertThat(password.html().select("#password-form-error").text()).contains("try again in a few seconds");
        assertThat(password.html().select("input[type=password]")).allSatisfy(p -> assertThat(p.attr("value")).isEmpty());

        release();
        assertThat(owner.get("/admin/settings").status()).as("still signed in, nothing changed").isEqualTo(200);
        assertThat(owner.post("/admin/settings/email", Map.of("currentPassword", Fixtures.PASSWORD, "email", newEmail)).status())
                .as("once the burst is over").isEqualTo(303);
    }
}
