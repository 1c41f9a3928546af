package io.goodword.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.AddressException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpSenderTest {
    @Test
    void a_recipient_is_exactly_one_plain_address() throws Exception {
        assertThat(SmtpSender.singleAddress("jo@example.com").getAddress()).isEqualTo("jo@example.com");
        for (String bad : new String[] {"a,b@example.com", "a@example.com, b@example.com", "Eve <eve@example.com>",
                "a;b@example.com", "a(b)@example.com", "a\r\nBcc: b@example.com", "", "nobody"}) {
            assertThatThrownBy(() -> SmtpSender.singleAddress(bad)).as(bad).isInstanceOf(AddressException.class);
        }
    }

    @Test
    void a_subject_never_carries_a_line_break_or_invisible_characters() {
        Email mail = Email.of("jo@example.com", "New testimonial from Ann\r\nBcc: x@example.com\u200B", "Hi", List.of("p"));
        assertThat(mail.subject()).isEqualTo("New testimonial from Ann Bcc: x@example.com");
    }
}
