package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    @Test
    void healthz_reports_the_database_up() {
        Http.Response r = app.http().get("/healthz");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"up\",\"db\":\"up\"}");
    }

    @Test
    void every_page_gets_security_headers() {
        Http.Response r = app.http().get("/login");
        assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'self'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void unknown_pages_get_a_friendly_404() {
        Http.Response r = app.http().get("/no/such/page");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.html().select("h1").text()).isEqualTo("Page not found");
        assertThat(r.html().select("body.site")).hasSize(1);
    }

    @Test
    void a_missing_admin_page_keeps_the_signed_in_freelancer_in_their_admin() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Http.Response r = http.get("/admin/clients/999999999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.html().select("h1").text()).isEqualTo("Page not found");
        // the admin layout: its menu, the workspace's name and sign-out, a way back to the dashboard; no "Sign in"
        assertThat(r.html().select("body.admin nav.admin-nav a[href=/admin/clients]")).hasSize(1);
        assertThat(r.html().select(".workspace-name").text()).isEqualTo(f.displayName());
        assertThat(r.html().select("main a[href=/admin]").text()).isEqualTo("Go to your dashboard");
        assertThat(r.html().select("a[href=/login]")).isEmpty();
        // signed out, the same address is a sign-in redirect, and a public miss keeps the site's layout
        assertThat(app.http().get("/admin/clients/999999999").status()).isEqualTo(302);
    }

    @Test
    void healthz_answers_503_when_the_database_is_gone() {
        try (TestApp doomed = TestApp.start()) {
            doomed.app().database().close(); // its connection pool is gone: the database no longer answers
            Http.Response r = doomed.http().get("/healthz");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("{\"status\":\"down\",\"db\":\"down\"}");
        }
    }
}
