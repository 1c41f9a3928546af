package io.goodword.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.mail.Email;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AskMailsTest {
    private final Localizer en = I18n.load().localizer("en");
    private final AskMails.Values values = new AskMails.Values("Ada", "Ada Lovelace", "Website relaunch", "Grace Studio",
            "https://example.com/c/abc", "3", "Too slow");

    @Test
    void default_check_in_is_personal_grateful_and_links_to_the_flow_with_an_unsubscribe() {
        Email e = AskMails.build(AskTemplate.Kind.CHECKIN, AskMails.wording(Optional.empty(), AskTemplate.Kind.CHECKIN, en),
                values, "ada@example.com", "grace@example.com", "https://example.com/u/abc", en);
        assertThat(e.subject()).isEqualTo("Grace Studio: how did Website relaunch go?");
        assertThat(e.text()).startsWith("Hi Ada,").contains("thank you for trusting me with Website relaunch")
                .contains("https://example.com/c/abc").contains("Unsubscribe: https://example.com/u/abc");
        assertThat(e.paragraphs()).hasSizeGreaterThan(2);
        assertThat(e.unsubscribeUrl()).isEqualTo("https://example.com/u/abc");
    }

    @Test
    void edited_wording_fills_every_placeholder_and_leaves_markup_as_text() {
        AskTemplate custom = new AskTemplate(1, "checkin", "Hey {client.firstName} <b>", "About {project.title}:\n\n{link}");
        Email e = AskMails.build(AskTemplate.Kind.CHECKIN, AskMails.wording(Optional.of(custom), AskTemplate.Kind.CHECKIN, en),
                values, "ada@example.com", null, null, en);
        assertThat(e.subject()).isEqualTo("Hey Ada <b>");
        assertThat(e.paragraphs()).containsExactly("About Website relaunch:", "https://example.com/c/abc");
    }

    @Test
    void the_alert_to_the_freelancer_carries_the_private_words_and_no_unsubscribe() {
        Email e = AskMails.build(AskTemplate.Kind.ALERT, AskMails.wording(Optional.empty(), AskTemplate.Kind.ALERT, en),
                values, "grace@example.com", null, "https://example.com/u/abc", en);
        assertThat(e.subject()).isEqualTo("Ada Lovelace gave 3 out of 10");
        assertThat(e.text()).contains("Too slow");
        assertThat(e.unsubscribeUrl()).isNull();
    }
}
