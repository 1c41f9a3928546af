package io.goodword.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a QR code off a picture, as a phone's camera would: the text it holds. */
public final class QrCodes {
    private QrCodes() {}

    /** Draws an SVG of {@code QrCode}'s form (one path of runs "Mx yhNv1h-Nz", a viewBox of modules), scaled. */
    public static BufferedImage rasterize(String svg, int scale) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"", Pattern.CASE_INSENSITIVE).matcher(svg); // an HTML parser lowercases it
        if (!box.find()) throw new AssertionError("no viewBox in " + svg);
        BufferedImage img = new BufferedImage(Integer.parseInt(box.group(1)) * scale, Integer.parseInt(box.group(2)) * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(svg);
        while (run.find()) {
            g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
        }
        g.dispose();
        return img;
    }

    public static String decodeSvg(String svg) throws Exception { return decode(rasterize(svg, 10)); }

    public static String decode(BufferedImage img) throws Exception {
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)))).getText();
    }
}
