package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * L8: jte outputs a message as trusted markup, so a key that is no message must come back escaped. Numbers in
 * messages read the language's way.
 */
class LocalizerTest {
    private final Localizer en = I18n.load().localizer("en");
    private final Localizer de = I18n.load().localizer("de");

    @Test
    void counts_in_messages_are_grouped_and_decimals_use_the_languages_separator() {
        assertThat(render(en.localize("testimonial.wall.aggregate", en.oneDecimal(4.75), 2000)))
                .isEqualTo("4.8 out of 5 from 2,000 testimonials");
        assertThat(render(de.localize("testimonial.wall.aggregate", de.oneDecimal(4.75), 2000L)))
                .isEqualTo("4,8 von 5 aus 2.000 Referenzen");
        assertThat(en.text("testimonial.import.confirm", 12_345)).isEqualTo("Import 12,345 testimonials");
        assertThat(de.number(1_234_567)).isEqualTo("1.234.567");
        assertThat(en.number(999)).isEqualTo("999");
        // what is not a quantity goes in as text and stays as it is
        assertThat(en.text("testimonial.import.confirm", "2026")).isEqualTo("Import 2026 testimonials");
        assertThat(en.oneDecimal(4.25)).isEqualTo("4.3");
        assertThat(Numbers.upToOneDecimal(1500, java.util.Locale.GERMAN)).isEqualTo("1.500");
        assertThat(Numbers.upToOneDecimal(2.5, java.util.Locale.GERMAN)).isEqualTo("2,5");
    }

    private static String render(gg.jte.Content content) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        content.writeTo(new gg.jte.html.OwaspHtmlTemplateOutput(out));
        return out.toString();
    }

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
