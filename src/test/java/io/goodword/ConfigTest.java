package io.goodword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void defaults_are_safe_for_a_laptop() {
        Config c = Config.fromEnv(Map.of());
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.baseUrl()).isEqualTo("http://localhost:7070");
        assertThat(c.embeddedDatabase()).isTrue();
        assertThat(c.dataDir().toString()).endsWith("data");
        assertThat(c.appEnv()).isEqualTo(Config.AppEnv.PROD);
        assertThat(c.smtp().configured()).isFalse();
        assertThat(c.signupOpen()).isTrue();
        assertThat(c.secureCookies()).isFalse();
    }

    @Test
    void base_url_follows_the_port_and_https_makes_cookies_secure() {
        assertThat(Config.fromEnv(Map.of("PORT", "8080")).baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(Config.fromEnv(Map.of("BASE_URL", "https://love.example.com/")).secureCookies()).isTrue();
    }

    @Test
    void a_bad_value_names_the_variable() {
        assertThatThrownBy(() -> Config.fromEnv(Map.of("PORT", "seventy"))).hasMessageContaining("PORT");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("BASE_URL", "localhost"))).hasMessageContaining("BASE_URL");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("APP_ENV", "staging"))).hasMessageContaining("APP_ENV");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("SMTP_PORT", "99999"))).hasMessageContaining("SMTP_PORT");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("SMTP_TLS", "maybe"))).hasMessageContaining("SMTP_TLS");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("SIGNUP", "invite"))).hasMessageContaining("SIGNUP");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("DATABASE_URL", "postgres://x"))).hasMessageContaining("DATABASE_URL");
    }
}
