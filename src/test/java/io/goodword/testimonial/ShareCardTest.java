package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The share card's layout: its size, the brand band, the stars of the rating, and words that never leave the box. */
class ShareCardTest {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    static PublicTestimonial item(int rating, String text, String role, String company) {
        return new PublicTestimonial(7, rating, text, "Anna Berg", role, company, "", null, true, false, null,
                LocalDate.of(2026, 6, 1), List.of(), null, null, null, null);
    }

    private static BufferedImage draw(PublicTestimonial item, String brand) throws Exception {
        byte[] png = ShareCard.png(item, item.name(), "Maya Lindqvist Design", brand);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "share-card-" + item.rating() + ".png"), png); // to look at
        return image;
    }

    @Test
    void a_card_is_a_link_preview_sized_png_with_the_brand_band_and_as_many_stars_as_the_rating() throws Exception {
        assertThat(ShareCard.AVAILABLE).as("fonts to draw with on this machine").isTrue();
        BufferedImage card = draw(item(4, "Maya gave our café a brand our guests remember; the new menu doubled our lunch orders.",
                "Owner", "Kafé Berg"), "#0f766e");
        assertThat(card.getWidth()).isEqualTo(1200);
        assertThat(card.getHeight()).isEqualTo(630);
        assertThat(card.getRGB(5, 300) & 0xffffff).as("the band in the brand colour").isEqualTo(0x0f766e);
        assertThat(card.getRGB(1150, 600) & 0xffffff).as("the paper").isEqualTo(0xffffff);
        // the middle of each star: four in amber, the fifth grey
        for (int i = 0; i < 5; i++) {
            int rgb = card.getRGB(96 + i * 50 + 20, 64 + 22) & 0xffffff;
            assertThat(rgb).as("star " + (i + 1)).isEqualTo(i < 4 ? 0xf59e0b : 0xd3d6de);
        }
        assertThat(ShareCard.color("not a colour")).isEqualTo(ShareCard.color("#4f46e5"));
    }

    @Test
    void long_words_shrink_to_fit_and_the_longest_are_cut_with_an_ellipsis_inside_the_box() throws Exception {
        String shortText = "Clear process and a logo we love.";
        List<ShareCard.Line> big = ShareCard.wrap(shortText, new Font(Font.SANS_SERIF, Font.PLAIN, 46), FRC);
        assertThat(big).hasSize(1);
        String longText = ("Ten years of identities for small food businesses, and this was the best one yet. ").repeat(20);
        List<ShareCard.Line> small = ShareCard.wrap(longText, new Font(Font.SANS_SERIF, Font.PLAIN, 30), FRC);
        assertThat(ShareCard.height(small)).as("too long for the box even at the smallest size")
                .isGreaterThan(ShareCard.height(ShareCard.shown(small)));
        for (ShareCard.Line line : small) assertThat(line.layout().getAdvance()).isLessThanOrEqualTo(1200 - 96 - 72);
        // the client's own paragraphs stay paragraphs
        assertThat(ShareCard.wrap("First.\n\nSecond.", new Font(Font.SANS_SERIF, Font.PLAIN, 46), FRC))
                .extracting(ShareCard.Line::text).containsExactly("First.", "Second.");
        BufferedImage card = draw(item(5, longText + "\nאבג 漢字 emoji 🎉", "", ""), "#ffe066");
        assertThat(card.getHeight()).isEqualTo(630);
    }
}
