package io.goodword.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BrandColorsTest {
    private static final int LIGHT_BG = 0xf6f7fb;
    private static final int DARK_BG = 0x182032;

    private static int value(String css, String property, int occurrence) {
        Matcher m = Pattern.compile(Pattern.quote(property) + ":#([0-9a-f]{6})").matcher(css);
        for (int i = 0; i <= occurrence; i++) assertThat(m.find()).as(property + " #" + i + " in " + css).isTrue();
        return Integer.parseInt(m.group(1), 16);
    }

    @Test
    void a_pale_brand_gets_black_text_on_it_and_darker_links_that_reach_aa() {
        String css = BrandColors.css("#f5c518");
        assertThat(css).contains("--brand:#f5c518").contains("--on-brand:#000000");
        assertThat(BrandColors.contrast(value(css, "--brand-text", 0), LIGHT_BG)).isGreaterThanOrEqualTo(4.5);
        assertThat(BrandColors.contrast(value(css, "--brand-text", 1), DARK_BG)).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void a_dark_brand_gets_white_text_and_lighter_links_in_dark_mode() {
        String css = BrandColors.css("#1e3a8a");
        assertThat(css).contains("--on-brand:#ffffff").contains("--brand-text:#1e3a8a;");
        int dark = value(css, "--brand-text", 1);
        assertThat(BrandColors.contrast(dark, DARK_BG)).isGreaterThanOrEqualTo(4.5);
        assertThat(dark).isNotEqualTo(0x1e3a8a);
    }

    @Test
    void every_brand_text_pair_reaches_aa_and_a_bad_value_falls_back_to_the_default() {
        for (int rgb = 0; rgb <= 0xffffff; rgb += 0x0f0f0f) {
            assertThat(BrandColors.contrast(rgb, BrandColors.onBrand(rgb))).as("text on %06x", rgb).isGreaterThanOrEqualTo(4.5);
            assertThat(BrandColors.contrast(BrandColors.readableOn(rgb, LIGHT_BG, 0), LIGHT_BG)).isGreaterThanOrEqualTo(4.5);
            assertThat(BrandColors.contrast(BrandColors.readableOn(rgb, DARK_BG, 0xffffff), DARK_BG)).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(BrandColors.css("javascript:alert(1)")).contains("--brand:" + BrandColors.DEFAULT);
    }
}
