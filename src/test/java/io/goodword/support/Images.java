package io.goodword.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Test images made on the fly. */
public final class Images {
    private Images() {}

    /** A PNG of the given size; with {@code textChunk}, it also carries that text as metadata (a tEXt chunk). */
    public static byte[] png(int w, int h, String textChunk) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        byte[] plain = out.toByteArray();
        if (textChunk == null) return plain;
        // Insert a tEXt chunk (metadata) right after IHDR: signature (8) + IHDR (4+4+13+4).
        byte[] data = ("Comment\0" + textChunk).getBytes(StandardCharsets.ISO_8859_1);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("tEXt".getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        chunk.write("tEXt".getBytes(StandardCharsets.ISO_8859_1));
        chunk.write(data);
        chunk.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        int split = 8 + 25;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(plain, 0, split);
        all.write(chunk.toByteArray());
        all.write(plain, split, plain.length - split);
        return all.toByteArray();
    }

}
