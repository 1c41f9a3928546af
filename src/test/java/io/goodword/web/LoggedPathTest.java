package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedPathTest {
    @Test
    void token_segments_are_masked_and_short_ones_kept() {
        assertThat(LoggedPath.masked("/password/reset/07AhFQx9kLmN3pQrStUvWxYzuee4k")).isEqualTo("/password/reset/…");
        assertThat(LoggedPath.masked("/testimonial/edit/MRNVtXxAbCdEfGhIjKlMnOp/withdraw")).isEqualTo("/testimonial/edit/…/withdraw");
        assertThat(LoggedPath.masked("/admin/clients/42/projects/7")).isEqualTo("/admin/clients/42/projects/7");
        assertThat(LoggedPath.masked("/p/lin-design/case-studies")).isEqualTo("/p/lin-design/case-studies");
    }
}
