package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogPathsTest {
    private static final String TOKEN = "07AhFQx9Vb3kLmN0pQrStUvWxYz1234567890abcdE";

    @Test
    void the_secret_of_every_token_link_is_masked() {
        assertThat(LogPaths.mask("/password/reset/" + TOKEN)).isEqualTo("/password/reset/{token}");
        assertThat(LogPaths.mask("/testimonial/edit/" + TOKEN + "/withdraw")).isEqualTo("/testimonial/edit/{token}/withdraw");
        assertThat(LogPaths.mask("/c/short")).isEqualTo("/c/{token}");
        assertThat(LogPaths.mask("/u/" + TOKEN)).isEqualTo("/u/{token}");
        assertThat(LogPaths.mask("/approve/" + TOKEN)).isEqualTo("/approve/{token}");
    }

    @Test
    void long_segments_elsewhere_are_masked_and_ordinary_paths_stay_readable() {
        assertThat(LogPaths.mask("/p/acme-design/t/12")).isEqualTo("/p/acme-design/t/12");
        assertThat(LogPaths.mask("/x/" + TOKEN + "/y")).isEqualTo("/x/{token}/y");
        assertThat(LogPaths.mask("/")).isEqualTo("/");
    }
}
