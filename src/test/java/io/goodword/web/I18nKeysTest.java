package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.output.StringOutput;
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

    @Test
    void a_count_chooses_its_words_in_every_language_and_every_counted_message_formats() {
        Localizer en = new Localizer("en", I18n.messages("en"));
        Localizer de = new Localizer("de", I18n.messages("de"));
        assertThat(en.text("client.list.count", 1)).isEqualTo("1 client");
        assertThat(en.text("client.list.count", 0)).isEqualTo("0 clients");
        assertThat(en.text("client.list.count", 2000)).isEqualTo("2,000 clients");
        assertThat(de.text("client.list.count", 1)).isEqualTo("1 Kunde");
        assertThat(de.text("client.list.count", 2000L)).isEqualTo("2.000 Kunden");
        assertThat(render(en.localize("testimonial.wall.aggregate", "4.8", 1))).isEqualTo("4.8 out of 5 from one testimonial");
        assertThat(render(en.localize("testimonial.wall.aggregate", "4.8", 12))).isEqualTo("4.8 out of 5 from 12 testimonials");
        assertThat(render(de.localize("testimonial.wall.aggregate", "4,8", 1))).isEqualTo("4,8 von 5 aus einer Referenz");
        assertThat(en.text("testimonial.wall.description", "Mia <b>", "5.0", 1))
                .isEqualTo("What clients say about Mia <b>: 5.0 out of 5 from one testimonial.");
        StringOutput html = new StringOutput();
        en.localize("testimonial.wall.description", "Mia <b>", "5.0", 1).writeTo(new gg.jte.html.OwaspHtmlTemplateOutput(html));
        assertThat(html.toString()).as("text arguments escaped in a page").startsWith("What clients say about Mia &lt;b&gt;:");
        assertThat(en.text("client.list.count", "seven")).as("a count passed as text: no error page").isEqualTo("seven clients");

        for (String lang : I18n.LANGUAGES) {
            Localizer t = new Localizer(lang, I18n.messages(lang));
            t.messages().forEach((k, v) -> {
                if (!CountedWords.in(v)) return;
                for (int n : new int[] {0, 1, 2}) {
                    Object[] args = {n, n, n, n, n, n};
                    assertThat(t.text(k, args)).as("%s in %s with %d", k, lang, n).doesNotContain("{").doesNotContain("choice");
                }
            });
        }
    }

    private static String render(gg.jte.Content c) {
        StringOutput out = new StringOutput();
        c.writeTo(out);
        return out.toString();
    }
}
