package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyTrustIT {
    @Test
    void a_client_cannot_dodge_the_per_ip_login_limit_by_writing_its_own_x_forwarded_for() {
        // Our proxy (the test client on loopback, one hop) appends the real address; the client varies what it
        // writes on the left. Every attempt must count against the real address.
        try (TestApp proxied = TestApp.start(Map.of("TRUST_PROXY", "1"))) {
            String realIp = "198.51.100." + (System.nanoTime() % 200 + 1);
            Fixtures.Freelancer f = Fixtures.freelancer();
            for (int i = 0; i < 20; i++) {
                Http.Response r = proxied.http().post("/login",
                        Map.of("username", "user" + i + "@example.com", "password", "wrongwrong"),
                        Map.of("X-Forwarded-For", "10.9." + i + ".1, " + realIp));
                assertThat(r.status()).isEqualTo(422);
            }
            Http.Response r = proxied.http().post("/login", Map.of("username", f.email(), "password", Fixtures.PASSWORD),
                    Map.of("X-Forwarded-For", "10.9.99.1, " + realIp));
            assertThat(r.status()).isEqualTo(429);
        }
    }
}
