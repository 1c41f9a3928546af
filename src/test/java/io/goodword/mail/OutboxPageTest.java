package io.goodword.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxPageTest {
    private static List<OutboxPage.Part> parts(String text) {
        OutboxMessage m = new OutboxMessage(1, 1L, "test", "a@example.com", null, "s", text, "", null, "pending", 0,
                Instant.now(), null, null, Instant.now());
        return new OutboxPage(null, List.of(), m, false, null, null).selectedParts();
    }

    @Test
    void web_addresses_in_an_email_become_links_and_the_rest_stays_text() {
        assertThat(parts("Open https://example.com/c/abc_DEF-1. Thanks")).containsExactly(
                new OutboxPage.Part("Open ", false), new OutboxPage.Part("https://example.com/c/abc_DEF-1", true),
                new OutboxPage.Part(". Thanks", false));
    }

    @Test
    void other_schemes_never_become_links() {
        assertThat(parts("javascript:alert(1) and data:text/html,x")).containsExactly(
                new OutboxPage.Part("javascript:alert(1) and data:text/html,x", false));
    }
}
