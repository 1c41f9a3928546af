package io.goodword.web;

import io.goodword.support.QrCodes;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both forms of the code read back, with a QR decoder, to exactly the link they were made of. */
class QrCodeTest {
    static final String LINK = "https://goodword.example/p/maya-design/review";

    @Test
    void the_png_decodes_to_the_link() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(QrCode.png(LINK)));
        assertThat(img.getWidth()).isEqualTo(QrCode.matrix(LINK).getWidth() * QrCode.PNG_SCALE);
        assertThat(QrCodes.decode(img)).isEqualTo(LINK);
    }

    @Test
    void the_svg_decodes_to_the_link_and_has_its_quiet_zone() throws Exception {
        String svg = QrCode.svg(LINK);
        int size = QrCode.matrix(LINK).getWidth();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\"")
                .doesNotContain("<script").doesNotContain("href");
        BufferedImage img = QrCodes.rasterize(svg, 10);
        assertThat(img.getWidth()).isEqualTo(size * 10);
        // ISO 18004's quiet zone: the four modules around the code are white
        for (int i = 0; i < size * 10; i++) {
            assertThat(img.getRGB(i, 39) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(img.getRGB(39, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
        assertThat(QrCodes.decode(img)).isEqualTo(LINK);
    }

    @Test
    void the_svg_title_is_the_link_escaped() {
        assertThat(QrCode.svg("https://x.example/?a=1&b=\"<2>\"")).contains("<title>https://x.example/?a=1&amp;b=&#34;&lt;2&gt;&#34;</title>");
    }

    @Test
    void a_text_no_qr_code_holds_is_refused_plainly() {
        assertThatThrownBy(() -> QrCode.svg("x".repeat(5000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
    }
}
