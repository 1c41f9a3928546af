package io.goodword.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import io.javalin.http.Context;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A link as a QR code, for what a freelancer prints (an invoice, a business card, a sign at the desk) or shows on a
 * phone: SVG for print at any size, PNG for tools that take no SVG. Level M survives a smudge or a logo sticker on
 * ~15 % of it; the quiet zone of 4 modules is what ISO 18004 asks for, so a camera finds it on a busy page.
 */
public final class QrCode {
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
            EncodeHintType.MARGIN, 4);
    /** Pixels per module of the PNG: 33-module codes (most links) come out near 8 cm wide at 300 dpi. */
    static final int PNG_SCALE = 24;

    private QrCode() {}

    /** The modules, quiet zone included; size 0 (the encoder picks the smallest version that holds the text). */
    static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code: " + text.length() + " characters", e);
        }
    }

    /** One path of black runs on a white square: small, crisp at any size, and no script or external reference. */
    public static String svg(String text) { return svg(text, null); }

    /** {@code labelId} set: an image inside a page, named by its title (the portal's one way, as its charts do). */
    private static String svg(String text, String labelId) {
        BitMatrix m = matrix(text);
        int w = m.getWidth();
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                if (!m.get(x, y)) continue;
                int run = 1;
                while (x + run < w && m.get(x + run, y)) run++;
                d.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
                x += run;
            }
        }
        String titleId = labelId == null ? "" : labelId + "-title";
        String named = labelId == null ? "" : " role=\"img\" aria-labelledby=\"" + titleId + "\"";
        return "<svg" + named + " xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + m.getHeight()
                + "\" width=\"" + w * 8 + "\" height=\"" + m.getHeight() * 8 + "\" shape-rendering=\"crispEdges\">"
                + (labelId == null ? "<title>" : "<title id=\"" + titleId + "\">") + Markup.escape(text) + "</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + d + "\"/></svg>\n";
    }

    /**
     * The SVG inside a page (a friend scans it off the client's screen): markup of ours only, the text escaped in
     * its title, which is also its accessible name; {@code id} is the page's (a letter-led slug) and names the title.
     */
    public static Content inline(String text, String id) {
        String svg = svg(text, id);
        return (TemplateOutput out) -> out.writeContent(svg);
    }

    public static byte[] png(String text) {
        BitMatrix m = matrix(text);
        BufferedImage img = new BufferedImage(m.getWidth() * PNG_SCALE, m.getHeight() * PNG_SCALE, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, m.get(x / PNG_SCALE, y / PNG_SCALE) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return Png.bytes(img);
    }

    /**
     * Answers {@code /….svg} or {@code /….png} with the code of {@code link}; {@code fileName} (without extension)
     * is what a browser saves it as.
     */
    public static void send(Context ctx, String link, String fileName) {
        boolean svg = ctx.path().endsWith(".svg");
        ctx.header("Content-Disposition", "inline; filename=\"" + fileName + (svg ? ".svg\"" : ".png\""));
        if (svg) ctx.contentType("image/svg+xml; charset=utf-8").result(svg(link));
        else ctx.contentType("image/png").result(png(link));
    }
}
