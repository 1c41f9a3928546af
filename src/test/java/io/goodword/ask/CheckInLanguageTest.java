package io.goodword.ask;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.goodword.mail.Email;
import io.goodword.mail.Outbox;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.time.Clock;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A client's email speaks the client's language all the way down, the unsubscribe footer included. */
class CheckInLanguageTest {

    @Test
    void a_german_clients_check_in_email_has_no_english_footer() {
        Localizer de = I18n.load().localizer("de");
        AskMails.Values values = new AskMails.Values("Greta", "Greta Müller", "Website", "Grace Studio",
                "https://example.com/c/abc", "", "");
        Email e = AskMails.build(AskTemplate.Kind.CHECKIN, AskMails.wording(Optional.empty(), AskTemplate.Kind.CHECKIN, de),
                values, "greta@example.com", null, "https://example.com/u/abc", de);
        // the HTML part as the outbox stores it, rendered by the shipped (precompiled) email template
        String html = new Outbox(TemplateEngine.createPrecompiled(ContentType.Html), Clock.systemUTC(), true).html(e);

        assertThat(e.text()).contains("E-Mails abbestellen: https://example.com/u/abc").doesNotContain("Unsubscribe");
        assertThat(Jsoup.parse(html).select("a[href=https://example.com/u/abc]").text()).isEqualTo("E-Mails abbestellen");
        assertThat(html).doesNotContain("Unsubscribe");
    }
}
