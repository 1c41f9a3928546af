package io.goodword.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import org.junit.jupiter.api.Test;

/** Sessions live in MariaDB: they survive a restart and are shared by every portal process on the database. */
class SessionIT {
    @Test
    void a_signed_in_user_stays_signed_in_across_a_restart() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String session;
        String csrf;
        try (TestApp first = TestApp.start()) {
            Http http = Fixtures.signedIn(first, f);
            session = http.cookie("gw_session");
            csrf = http.cookie("gw_csrf");
            assertThat(http.get("/admin").status()).isEqualTo(200);
        }
        try (TestApp second = TestApp.start()) {
            Http http = second.http();
            http.setCookie("gw_session", session);
            http.setCookie("gw_csrf", csrf);
            Http.Response r = http.get("/admin");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.html().select("h1").text()).contains(f.displayName());
        }
    }

    @Test
    void two_processes_on_one_database_accept_each_others_session_cookie() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        try (TestApp a = TestApp.start(); TestApp b = TestApp.start()) {
            Http onA = Fixtures.signedIn(a, f);
            Http onB = b.http();
            onB.setCookie("gw_session", onA.cookie("gw_session"));
            onB.setCookie("gw_csrf", onA.cookie("gw_csrf"));
            assertThat(onB.get("/admin").status()).isEqualTo(200);
            // Signing out on B ends the session on A too.
            assertThat(onB.post("/logout", java.util.Map.of()).status()).isIn(302, 303);
            assertThat(onA.get("/admin").status()).isEqualTo(302);
        }
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax() {
        try (TestApp app = TestApp.start()) {
            Fixtures.Freelancer f = Fixtures.freelancer();
            Http http = app.http();
            http.get("/login");
            Http.Response r = http.post("/login", java.util.Map.of("username", f.email(), "password", Fixtures.PASSWORD));
            String setCookie = r.raw().headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("gw_session=")).findFirst().orElseThrow();
            assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        }
    }

    @Test
    void cookies_are_secure_when_the_base_url_is_https() {
        int port = TestApp.freePort();
        try (TestApp app = TestApp.start(java.util.Map.of("PORT", String.valueOf(port), "BASE_URL", "https://love.example.com"))) {
            Http http = new Http("http://localhost:" + app.app().port());
            Http.Response r = http.get("/login");
            String csrfCookie = r.raw().headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("gw_csrf=")).findFirst().orElseThrow();
            assertThat(csrfCookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
            Http.Response admin = http.get("/admin");
            String sessionCookie = admin.raw().headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("gw_session=")).findFirst().orElseThrow();
            assertThat(sessionCookie).contains("Secure");
            assertThat(r.header("Strict-Transport-Security")).isNotNull();
        }
    }
}
