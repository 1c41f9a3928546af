package io.goodword.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignupFormTest {
    private static SignupForm form(String email, String password, String name, String slug) {
        return new SignupForm(email, password, name, slug, "UTC");
    }

    @Test
    void a_complete_form_is_valid() {
        assertThat(form("ada@example.com", "correct horse battery", "Ada", "ada-lovelace").validate().isEmpty()).isTrue();
    }

    @Test
    void each_bad_field_gets_its_own_message() {
        assertThat(form("not-an-email", "correct horse battery", "Ada", "ada").validate().get("email").key()).isEqualTo("error.email");
        assertThat(form("ada@example.com", "short", "Ada", "ada").validate().get("password").key()).isEqualTo("error.password.short");
        assertThat(form("ada@example.com", "password123", "Ada", "ada").validate().get("password").key()).isEqualTo("error.password.common");
        assertThat(form("ada@example.com", "qwertyuiop", "Ada", "ada").validate().get("password").key()).isEqualTo("error.password.common");
        assertThat(form("ada@example.com", "correct horse battery", "", "ada").validate().get("displayName").key()).isEqualTo("error.required");
        assertThat(form("ada@example.com", "correct horse battery", "x".repeat(101), "ada").validate().get("displayName").key()).isEqualTo("error.tooLong");
    }

    @Test
    void slugs_must_be_short_lowercase_and_not_reserved() {
        assertThat(Slugs.problem("ab")).isEqualTo("error.slug.shape");
        assertThat(Slugs.problem("Ada")).isEqualTo("error.slug.shape");
        assertThat(Slugs.problem("ada lovelace")).isEqualTo("error.slug.shape");
        assertThat(Slugs.problem("a".repeat(41))).isEqualTo("error.slug.shape");
        assertThat(Slugs.problem("-ada")).isEqualTo("error.slug.shape");
        for (String reserved : new String[] {"admin", "login", "api", "static", "embed"}) {
            assertThat(Slugs.problem(reserved)).as(reserved).isEqualTo("error.slug.reserved");
        }
        assertThat(Slugs.problem("ada-lovelace")).isNull();
    }
}
