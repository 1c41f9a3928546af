package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationTest {
    @Test
    void an_email_local_part_is_a_dot_atom_without_specials() {
        assertThat(Validation.isEmail("jo.doe+tag@example.com")).isTrue();
        assertThat(Validation.isEmail("o'neil@example.co.uk")).isTrue();
        assertThat(Validation.isEmail("jürgen@example.de")).as("an internationalised local part").isTrue();
        for (String bad : new String[] {"a,b@example.com", "a;b@example.com", "a:b@example.com", "a(b)@example.com",
                "(comment)a@example.com", "a b@example.com", "\"a\"@example.com", "a[b]@example.com", "a\\b@example.com",
                ".a@example.com", "a.@example.com", "a..b@example.com", "vic\u200Btim@example.com", "a\u202Eb@example.com",
                "a\r\nb@example.com", "a@b@example.com", "x".repeat(65) + "@example.com"}) {
            assertThat(Validation.isEmail(bad)).as(bad).isFalse();
        }
    }

    @Test
    void emails_are_normalized_to_one_form_nfkc_and_lower_case() {
        assertThat(Validation.normalizeEmail("  Jo@Example.COM ")).isEqualTo("jo@example.com");
        assertThat(Validation.normalizeEmail("vi\u0300ctim@example.com")).as("decomposed accent").isEqualTo("v\u00ECctim@example.com");
        assertThat(Validation.normalizeEmail("\uFF56ictim@example.com")).as("full-width v").isEqualTo("victim@example.com");
    }

    @Test
    void text_for_a_header_is_one_line_without_invisible_characters() {
        assertThat(Validation.singleLine("Ann\r\nBcc: x@example.com")).isEqualTo("Ann Bcc: x@example.com");
        assertThat(Validation.singleLine("A\u200Bn\u202En\tB")).isEqualTo("Ann B");
        assertThat(Validation.singleLine("👩\u200D💻 Lin")).as("emoji joiners stay").isEqualTo("👩\u200D💻 Lin");
        assertThat(Validation.singleLine(null)).isNull();
    }

    @Test
    void addresses_in_logs_keep_only_the_first_letter_and_the_domain() {
        assertThat(Validation.maskEmail("jane.doe@example.com")).isEqualTo("j***@example.com");
        assertThat(Validation.maskEmail("ü@example.de")).isEqualTo("ü***@example.de");
        assertThat(Validation.maskEmail("not-an-address")).isEqualTo("***");
        assertThat(Validation.maskEmail(null)).isNull();
        assertThat(Validation.maskEmailsIn("550 5.1.1 <jane.doe@example.com>: Recipient address rejected; also bo@x.org"))
                .isEqualTo("550 5.1.1 <j***@example.com>: Recipient address rejected; also b***@x.org");
    }
}
