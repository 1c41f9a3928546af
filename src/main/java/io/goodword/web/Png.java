package io.goodword.web;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A picture drawn in memory (a share card, a QR code) as the bytes of a PNG file. */
public final class Png {
    private Png() {}

    public static byte[] bytes(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: does not happen
        }
        return out.toByteArray();
    }
}
