package io.goodword.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.security.Tokens;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What keeps an account the owner's: exact address matching, sign-out on password changes, notices, session limits. */
class AccountTakeoverIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension().withMail();

    private static long resetMailsFor(long workspaceId) {
        return TestDb.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM outbox WHERE workspace_id = :ws AND kind = 'password-reset'")
                .bind("ws", workspaceId).mapTo(Long.class).one());
    }

    private static String insertReset(long accountId) {
        String token = Tokens.random();
        TestDb.jdbi().onDemand(AccountDao.class).insertReset(Tokens.sha256(token), accountId, Instant.now().plusSeconds(3600));
        return token;
    }

    @Test
    void reset_links_never_go_to_an_address_that_only_looks_like_the_account() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String email = Fixtures.unique("victim") + "@example.com";
        TestDb.jdbi().onDemand(AccountDao.class).updateEmail(f.accountId(), email);
        Fixtures.Freelancer victim = new Fixtures.Freelancer(f.accountId(), f.workspaceId(), email, f.slug(), f.displayName());
        String accented = email.replaceFirst("^vi", "vì"); // collates equal under utf8mb4_unicode_ci
        String invisible = email.replaceFirst("^vic", "vic\u200B");

        for (String lookAlike : new String[] {accented, invisible}) {
            Http.Response r = app.http().post("/password/forgot", Map.of("email", lookAlike));
            assertThat(r.status()).as(lookAlike).isIn(200, 422);
        }
        assertThat(resetMailsFor(victim.workspaceId())).as("no reset link for the victim's account").isZero();
        long toLookAlikes = TestDb.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM outbox WHERE to_address IN (:a, :b)")
                .bind("a", accented).bind("b", invisible).mapTo(Long.class).one());
        assertThat(toLookAlikes).isZero();

        // The owner's own address, typed in capitals with spaces, still gets the link, at the address on file.
        app.http().post("/password/forgot", Map.of("email", "  " + victim.email().toUpperCase() + " "));
        java.util.List<String> sentTo = TestDb.jdbi().withHandle(h -> h.createQuery(
                        "SELECT to_address FROM outbox WHERE workspace_id = :ws AND kind = 'password-reset'")
                .bind("ws", victim.workspaceId()).mapTo(String.class).list());
        assertThat(sentTo).containsExactly(victim.email());
    }

    @Test
    void a_password_reset_signs_out_every_session_and_voids_the_other_links() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http s1 = Fixtures.signedIn(app, f);
        assertThat(s1.get("/admin").status()).isEqualTo(200);
        String token1 = insertReset(f.accountId());
        String token2 = insertReset(f.accountId());

        Http.Response done = app.http().post("/password/reset/" + token1, Map.of("password", "the owner's new passphrase"));
        assertThat(done.status()).isEqualTo(303);

        Http.Response afterwards = s1.get("/admin");
        assertThat(afterwards.status()).as("the session signed in before the reset").isEqualTo(302);
        assertThat(afterwards.location()).endsWith("/login");
        assertThat(app.http().get("/password/reset/" + token2).status()).as("the second link").isEqualTo(422);
        assertThat(app.http().post("/password/reset/" + token2, Map.of("password", "a thief's own passphrase")).status())
                .isEqualTo(422);
        assertThat(app.http().post("/login", Map.of("username", f.email(), "password", "the owner's new passphrase")).status())
                .isEqualTo(303);
    }

    @Test
    void changing_the_password_signs_out_other_sessions_and_keeps_this_one_under_a_new_id() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http thief = Fixtures.signedIn(app, f);
        Http owner = Fixtures.signedIn(app, f);
        String before = owner.cookie("gw_session");

        Http.Response changed = owner.post("/admin/settings/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "changed after a scare"));
        assertThat(changed.status()).isEqualTo(303);

        assertThat(owner.get("/admin").status()).as("the session that changed it").isEqualTo(200);
        assertThat(owner.cookie("gw_session")).as("rotated").isNotEqualTo(before);
        assertThat(thief.get("/admin").status()).as("every other session").isEqualTo(302);
    }

    @Test
    void changing_the_email_sends_a_notice_to_the_old_address() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http owner = Fixtures.signedIn(app, f);
        String newEmail = Fixtures.unique("moved") + "@example.com";

        Http.Response changed = owner.post("/admin/settings/email", Map.of("email", newEmail, "currentPassword", Fixtures.PASSWORD));
        assertThat(changed.status()).isEqualTo(303);

        MimeMessage notice = app.mails().await(f.email());
        assertThat(notice.getSubject()).isEqualTo("The sign-in email of your Goodword account was changed");
        assertThat(String.valueOf(notice.getContent() instanceof jakarta.mail.Multipart mp
                ? mp.getBodyPart(0).getContent() : notice.getContent())).contains(newEmail);
    }

    @Test
    void signing_in_gives_the_browser_a_new_csrf_token() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = app.http();
        String before = http.csrfToken();
        assertThat(http.post("/login", Map.of("username", f.email(), "password", Fixtures.PASSWORD)).status()).isEqualTo(303);
        String after = http.cookie("gw_csrf");
        assertThat(after).isNotNull().hasSize(43).isNotEqualTo(before);
        // The new token works, the old one no longer does.
        assertThat(http.postRaw("/admin/settings/password", Map.of("_csrf", before, "currentPassword", "x", "newPassword", "y"))
                .status()).isEqualTo(403);
        assertThat(http.get("/admin").status()).isEqualTo(200);
    }

    @Test
    void a_session_ends_thirty_days_after_sign_in_however_active() {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestApp timed = TestApp.start(Map.of(), clock)) {
            Fixtures.Freelancer f = Fixtures.freelancer();
            Http http = Fixtures.signedIn(timed, f);
            clock.advance(Duration.ofDays(29));
            assertThat(http.get("/admin").status()).isEqualTo(200);
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            Http.Response expired = http.get("/admin");
            assertThat(expired.status()).isEqualTo(302);
            assertThat(expired.location()).endsWith("/login");
            assertThat(Fixtures.signedIn(timed, f).get("/admin").status()).as("signing in again works").isEqualTo(200);
        }
    }

    @Test
    void an_address_with_list_separators_is_refused_at_sign_up_with_the_input_kept() {
        String slug = Fixtures.unique("sep");
        Http.Response r = app.http().post("/signup", Map.of("email", "a,b@example.com", "password", "a long enough password here",
                "displayName", "Ann", "slug", slug));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-email-error").text()).isNotBlank();
        assertThat(r.html().select("#f-email").attr("value")).isEqualTo("a,b@example.com");
    }
}
