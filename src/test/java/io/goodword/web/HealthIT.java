package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
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
