package io.goodword.account;

import io.goodword.web.Validation;
import java.util.Locale;

/**
 * The one place that turns a freelancer's brand colour into the colours the stylesheet needs (issue 14): the
 * brand itself, the text colour on it (black or white, whichever contrasts more) and a shade of it readable as
 * link text on the light and on the dark page background (WCAG 2.1 AA, 4.5:1). Any colour a user picks stays
 * readable: a pale yellow brand gets black button text and darker links, a navy one gets lighter links in dark mode.
 */
public final class BrandColors {
    public static final String DEFAULT = "#4f46e5";
    static final double AA = 4.5;
    /** The darkest light-mode background and the lightest dark-mode one in app.css (--bg and --card). */
    private static final int LIGHT_BG = 0xf6f7fb;
    private static final int DARK_BG = 0x182032;

    private BrandColors() {}

    /** A workspace's brand colour as 0xRRGGBB; a value that is not "#rrggbb" reads as the default colour. */
    public static int rgb(String color) { return parse(Validation.isColor(color) ? color : DEFAULT); }

    /** The workspace's theme.css: the custom properties app.css and testimonial.css read. */
    public static String css(String color) {
        int brand = rgb(color);
        String light = hex(readableOn(brand, LIGHT_BG, 0x000000));
        String dark = hex(readableOn(brand, DARK_BG, 0xffffff));
        // --brand-text-light stays for the widget, whose light or dark theme the embedding site chooses.
        return ":root{--brand:" + hex(brand) + ";--on-brand:" + hex(onBrand(brand)) + ";--brand-text:" + light
                + ";--brand-text-light:" + light + ";}\n"
                + "@media (prefers-color-scheme: dark){:root{--brand-text:" + dark + ";}}\n";
    }

    /** Black or white, whichever has the higher contrast with the colour. */
    static int onBrand(int rgb) { return contrast(rgb, 0x000000) >= contrast(rgb, 0xffffff) ? 0x000000 : 0xffffff; }

    /** The colour mixed toward {@code toward} in 5 % steps until it reaches 4.5:1 on {@code background}. */
    static int readableOn(int rgb, int background, int toward) {
        for (int step = 0; step <= 20; step++) {
            int c = mix(rgb, toward, step / 20.0);
            if (contrast(c, background) >= AA) return c;
        }
        return toward;
    }

    static double contrast(int a, int b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(int rgb) {
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int v) {
        double c = (v & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int mix(int a, int b, double w) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - w) + ((b >> 16) & 0xff) * w);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - w) + ((b >> 8) & 0xff) * w);
        int bl = (int) Math.round((a & 0xff) * (1 - w) + (b & 0xff) * w);
        return (r << 16) | (g << 8) | bl;
    }

    static int parse(String hex) { return Integer.parseInt(hex.substring(1), 16); }

    static String hex(int rgb) { return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff); }
}
