package io.goodword.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.security.Tokens;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Mails;
import io.goodword.support.TestDb;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PasswordResetIT {
    // requests without X-Forwarded-For still count as 127.0.0.1
    @RegisterExtension
    static final AppExtension app = new AppExtension().withMail().env(Map.of("TRUST_PROXY", "true"));

    @Test
    void reset_link_is_emailed_works_once_and_changes_the_password() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http.Response sent = app.http().post("/password/forgot", Map.of("email", f.email()));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.html().select(".flash").text()).contains("a link to reset the password is on its way");

        MimeMessage mail = app.mails().await(f.email());
        assertThat(mail.getSubject()).isEqualTo("Reset your Goodword password");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(Mails.html(mail)).contains("Choose a new password");
        String link = Mails.link(mail, app.url("/password/reset/"));
        String path = link.substring(app.baseUrl().length());

        Http visitor = app.http();
        assertThat(visitor.get(path).status()).isEqualTo(200);
        Http.Response tooShort = visitor.post(path, Map.of("password", "short"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.html().select("#f-password-error").text()).contains("at least 10");

        Http.Response done = visitor.post(path, Map.of("password", "a brand new passphrase"));
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.location()).isEqualTo("/login");
        assertThat(app.http().post("/login", Map.of("username", f.email(), "password", "a brand new passphrase")).status()).isEqualTo(303);
        assertThat(app.http().post("/login", Map.of("username", f.email(), "password", Fixtures.PASSWORD)).status()).isEqualTo(422);

        Http.Response reused = visitor.post(path, Map.of("password", "yet another passphrase"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.html().select(".form-error").text()).contains("expired or has already been used");
        assertThat(app.http().get(path).html().text()).contains("expired or has already been used");
    }

    @Test
    void an_expired_link_is_refused_with_a_clear_message() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String token = Tokens.random();
        TestDb.jdbi().onDemand(AccountDao.class).insertReset(Tokens.sha256(token), f.accountId(), Instant.now().minusSeconds(60));
        Http.Response r = app.http().get("/password/reset/" + token);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select(".form-error").text()).contains("expired");
        Http.Response post = app.http().post("/password/reset/" + token, Map.of("password", "a brand new passphrase"));
        assertThat(post.status()).isEqualTo(422);
        assertThat(app.http().post("/login", Map.of("username", f.email(), "password", Fixtures.PASSWORD)).status()).isEqualTo(303);
    }

    @Test
    void unknown_email_gets_the_same_answer_and_no_mail() {
        String email = Fixtures.unique("nobody") + "@example.com";
        Http.Response r = app.http().post("/password/forgot", Map.of("email", email));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.html().select(".flash").text()).contains("a link to reset the password is on its way");
        // the reset email is queued inside the request: the outbox says at once whether one was
        long outbox = TestDb.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE to_address = :e")
                .bind("e", email).mapTo(Long.class).one());
        assertThat(outbox).isZero();
    }

    @Test
    void posting_new_passwords_is_limited_per_ip_even_in_a_parallel_burst() throws Exception {
        Map<String, String> ip = Map.of("X-Forwarded-For", "192.0.2." + (System.nanoTime() % 200 + 1));
        int n = io.goodword.security.Limit.RESET_IP.max() + 5;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        try {
            java.util.List<java.util.concurrent.Callable<Integer>> posts = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String token = Tokens.random();
                posts.add(() -> app.http().post("/password/reset/" + token, Map.of("password", "a brand new passphrase"), ip).status());
            }
            for (var f : pool.invokeAll(posts)) statuses.add(f.get());
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(422, 429);
        long tried = statuses.stream().filter(s -> s == 422).count();
        assertThat(tried).isLessThanOrEqualTo(io.goodword.security.Limit.RESET_IP.max());
        // a burst may be refused more than needed (never less); one by one, the IP gets exactly the rest
        Http.Response later;
        do {
            later = app.http().post("/password/reset/" + Tokens.random(), Map.of("password", "a brand new passphrase"), ip);
            if (later.status() == 422) tried++;
        } while (later.status() == 422 && tried <= io.goodword.security.Limit.RESET_IP.max());
        assertThat(tried).isEqualTo(io.goodword.security.Limit.RESET_IP.max());
        assertThat(later.status()).isEqualTo(429);
        assertThat(later.header("Retry-After")).isNotBlank();
    }

    @Test
    void reset_emails_are_limited_per_ip() {
        Map<String, String> ip = Map.of("X-Forwarded-For", "192.0.2." + (System.nanoTime() % 50 + 201));
        for (int i = 0; i < io.goodword.security.Limit.FORGOT_IP.max(); i++) {
            app.http().post("/password/forgot", Map.of("email", Fixtures.unique("n") + "@example.com"), ip);
        }
        String email = Fixtures.unique("late") + "@example.com";
        Http.Response r = app.http().post("/password/forgot", Map.of("email", email), ip);
        assertThat(r.status()).isEqualTo(200); // the same answer, so the form tells nothing
        long rows = TestDb.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM throttle_events WHERE bucket = 'reset-email' AND subject = :e").bind("e", email).mapTo(Long.class).one());
        assertThat(rows).isZero(); // refused by the IP limit before anything was counted or sent
    }

    @Test
    void a_malformed_email_is_refused_on_the_form() {
        Http.Response r = app.http().post("/password/forgot", Map.of("email", "not an email"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-email").attr("value")).isEqualTo("not an email");
    }

    @Test
    void the_reset_email_speaks_the_workspace_language() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        TestDb.jdbi().useHandle(h -> h.createUpdate("UPDATE workspaces SET language = 'de' WHERE id = :id").bind("id", f.workspaceId()).execute());
        app.http().post("/password/forgot", Map.of("email", f.email()));
        assertThat(app.mails().await(f.email()).getSubject()).isEqualTo("Ihr Goodword-Passwort zurücksetzen");
    }
}
