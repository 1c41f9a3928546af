package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** L8: jte outputs a message as trusted markup, so a key that is no message must come back escaped. */
class LocalizerTest {
    private final Localizer en = I18n.load().localizer("en");

    @Test
    void an_unknown_key_built_from_stored_data_comes_back_html_escaped() {
        assertThat(en.lookup("ask.status.<b>x</b>")).isEqualTo("ask.status.&lt;b&gt;x&lt;/b&gt;");
        assertThat(en.lookup("outbox.status.\"><img src=x onerror=alert(1)>"))
                .doesNotContain("<", ">", "\"").contains("&lt;img");
    }

    @Test
    void known_keys_keep_their_trusted_markup_and_plain_text_stays_plain() {
        String key = I18n.messages("en").keySet().iterator().next();
        assertThat(en.lookup(key)).isEqualTo(I18n.messages("en").get(key));
        assertThat(en.text("no.such.<b>")).isEqualTo("no.such.<b>");
    }
}
