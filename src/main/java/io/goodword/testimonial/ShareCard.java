package io.goodword.testimonial;

import io.goodword.account.BrandColors;
import io.goodword.web.Png;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

/**
 * A testimonial as a picture to share: 1200 × 630, the size link previews use on LinkedIn, Slack, X and Facebook.
 * It shows the client's words, stars, name and byline exactly as the public may see them (a {@link PublicTestimonial},
 * consent applied), and the freelancer's name beside a band of the brand colour. Drawn with Java2D and the system's
 * fonts: a server without any font (a stripped-down image) has {@link #AVAILABLE} false, and the pages keep the logo
 * or photo as their preview image instead of linking a picture that cannot be drawn.
 */
final class ShareCard {
    static final int WIDTH = 1200;
    static final int HEIGHT = 630;
    static final boolean AVAILABLE = probe();
    private static final int BAND = 24;
    private static final int LEFT = BAND + 72;
    private static final int RIGHT = WIDTH - 72;
    private static final int TOP = 64;
    private static final int STAR = 40;
    private static final int TEXT_TOP = TOP + STAR + 48;
    private static final int TEXT_BOTTOM = HEIGHT - 150;
    private static final int[] TEXT_SIZES = {46, 42, 38, 34, 30};
    private static final Color INK = new Color(0x1f2430);
    private static final Color MUTED = new Color(0x4b5263);
    private static final Color STAR_ON = new Color(0xf59e0b);
    private static final Color STAR_OFF = new Color(0xd3d6de);

    private ShareCard() {}

    /** The card as PNG bytes; {@code brandColor} is the workspace's "#rrggbb" (anything else: the default colour). */
    static byte[] png(PublicTestimonial item, String shownName, String freelancer, String brandColor) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(color(brandColor));
            g.fillRect(0, 0, BAND, HEIGHT);
            stars(g, PublicTestimonial.shownRating(item.rating()));
            Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 26);
            drawRight(g, freelancer, bold, MUTED, TOP + 30, WIDTH / 2);
            quote(g, item.text());
            drawLine(g, shownName, new Font(Font.SANS_SERIF, Font.BOLD, 32), INK, HEIGHT - 96);
            if (!item.byline().isEmpty()) drawLine(g, item.byline(), new Font(Font.SANS_SERIF, Font.PLAIN, 26), MUTED, HEIGHT - 56);
        } finally {
            g.dispose();
        }
        return Png.bytes(image);
    }

    /** One line of the words as laid out, with the text it holds (to shorten the last one shown). */
    record Line(String text, TextLayout layout, Font font) {
        float height() { return layout.getAscent() + layout.getDescent() + layout.getLeading(); }
    }

    /** The words in the largest size that fits the box; at the smallest, as many lines as fit, the last ending in "…". */
    private static void quote(Graphics2D g, String text) {
        FontRenderContext frc = g.getFontRenderContext();
        List<Line> lines = List.of();
        for (int size : TEXT_SIZES) {
            lines = wrap(text, new Font(Font.SANS_SERIF, Font.PLAIN, size), frc);
            if (height(lines) <= TEXT_BOTTOM - TEXT_TOP) break;
        }
        List<Line> shown = shown(lines);
        g.setColor(INK);
        float y = TEXT_TOP + (TEXT_BOTTOM - TEXT_TOP - height(shown)) / 2; // a short quote sits in the middle
        for (int i = 0; i < shown.size(); i++) {
            TextLayout line = shown.get(i).layout();
            if (i == shown.size() - 1 && shown.size() < lines.size()) line = withEllipsis(shown.get(i), frc);
            y += line.getAscent();
            line.draw(g, LEFT, y);
            y += line.getDescent() + line.getLeading();
        }
    }

    /** The lines that fit the box, from the first. */
    static List<Line> shown(List<Line> lines) {
        List<Line> shown = new ArrayList<>();
        float used = 0;
        for (Line line : lines) {
            if (used + line.height() > TEXT_BOTTOM - TEXT_TOP) break;
            shown.add(line);
            used += line.height();
        }
        return shown;
    }

    /** Lines no wider than the box, paragraph by paragraph (the client's own line breaks are kept). */
    static List<Line> wrap(String text, Font font, FontRenderContext frc) {
        List<Line> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\\s*\\R\\s*")) {
            if (paragraph.isEmpty()) continue;
            AttributedString s = new AttributedString(paragraph);
            s.addAttribute(TextAttribute.FONT, font);
            LineBreakMeasurer measurer = new LineBreakMeasurer(s.getIterator(), frc);
            while (measurer.getPosition() < paragraph.length()) {
                int from = measurer.getPosition();
                TextLayout layout = measurer.nextLayout(RIGHT - LEFT);
                lines.add(new Line(paragraph.substring(from, measurer.getPosition()), layout, font));
            }
        }
        return lines;
    }

    static float height(List<Line> lines) {
        float h = 0;
        for (Line l : lines) h += l.height();
        return h;
    }

    /** The line cut at a word so that "…" fits after it. */
    private static TextLayout withEllipsis(Line line, FontRenderContext frc) {
        Font font = line.font();
        String text = line.text().strip();
        while (!text.isEmpty()) {
            TextLayout cut = new TextLayout(text + "…", font, frc);
            if (cut.getAdvance() <= RIGHT - LEFT) return cut;
            int space = text.lastIndexOf(' ');
            text = (space > 0 ? text.substring(0, space) : text.substring(0, text.offsetByCodePoints(text.length(), -1))).strip();
        }
        return new TextLayout("…", font, frc);
    }

    private static void stars(Graphics2D g, int rating) {
        for (int i = 0; i < 5; i++) {
            g.setColor(i < rating ? STAR_ON : STAR_OFF);
            g.fill(star(LEFT + i * (STAR + 10) + STAR / 2.0, TOP + STAR / 2.0, STAR / 2.0));
        }
    }

    private static Path2D star(double cx, double cy, double r) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            double radius = i % 2 == 0 ? r : r * 0.45;
            double x = cx + radius * Math.cos(a), y = cy - radius * Math.sin(a);
            if (i == 0) p.moveTo(x, y); else p.lineTo(x, y);
        }
        p.closePath();
        return p;
    }

    private static void drawLine(Graphics2D g, String text, Font font, Color color, int baseline) {
        TextLayout l = fitted(text, font, RIGHT - LEFT, g.getFontRenderContext());
        g.setColor(color);
        l.draw(g, LEFT, baseline);
    }

    private static void drawRight(Graphics2D g, String text, Font font, Color color, int baseline, int maxWidth) {
        TextLayout l = fitted(text, font, maxWidth, g.getFontRenderContext());
        g.setColor(color);
        l.draw(g, RIGHT - l.getAdvance(), baseline);
    }

    /** One line, shortened with "…" when it is wider than {@code width}. */
    private static TextLayout fitted(String text, Font font, int width, FontRenderContext frc) {
        String s = text.isBlank() ? " " : text.strip();
        TextLayout l = new TextLayout(s, font, frc);
        while (l.getAdvance() > width && s.codePointCount(0, s.length()) > 1) {
            s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
            l = new TextLayout(s.stripTrailing() + "…", font, frc);
        }
        return l;
    }

    /** Where a testimonial's picture is: beside its page ({@code /p/{slug}/t/{id}}). */
    static String path(String testimonialPath) { return testimonialPath + "/card.png"; }

    static Color color(String hex) { return new Color(BrandColors.rgb(hex)); }

    private static boolean probe() {
        try {
            BufferedImage i = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = i.createGraphics();
            new TextLayout("Aa", new Font(Font.SANS_SERIF, Font.PLAIN, 12), g.getFontRenderContext()).draw(g, 0, 6);
            g.dispose();
            return true;
        } catch (Throwable noFonts) { // fontconfig without a font throws Errors, not exceptions
            return false;
        }
    }
}
