package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class I18nKeysTest {
    @Test
    void every_language_has_exactly_the_same_message_keys() {
        Map<String, String> english = I18n.messages("en");
        assertThat(english).isNotEmpty();
        for (String lang : I18n.LANGUAGES) {
            assertThat(I18n.messages(lang).keySet()).as("keys of %s", lang).isEqualTo(english.keySet());
        }
    }

    @Test
    void no_message_is_left_empty() {
        for (String lang : I18n.LANGUAGES) {
            I18n.messages(lang).forEach((k, v) -> assertThat(v).as("%s in %s", k, lang).isNotBlank());
        }
    }
}
