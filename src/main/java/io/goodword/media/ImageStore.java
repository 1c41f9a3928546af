package io.goodword.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Uploaded images (logos, photos, covers): the bytes are sniffed (never the file name or the browser's
 * content type), decoded, scaled, and re-encoded as a fresh PNG, which drops any metadata (EXIF, GPS) and any
 * payload hidden in the original. Files live under $DATA_DIR/uploads with random names, outside static/.
 */
public final class ImageStore {
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final long MAX_PIXELS = 40_000_000L; // refuses decompression bombs before decoding
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.png");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why an upload was refused; the message key is shown next to the field. */
    public static final class Rejected extends Exception {
        private final String messageKey;

        public Rejected(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() { return messageKey; }
    }

    public enum Fit { WITHIN, SQUARE }

    private final Path dir;

    public ImageStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the uploads directory " + dir, e);
        }
    }

    /** Checks, re-encodes and stores an image; returns the new file name. */
    public String store(byte[] bytes, int maxSide, Fit fit) throws Rejected {
        if (bytes == null || bytes.length == 0) throw new Rejected("error.image.empty");
        if (bytes.length > MAX_BYTES) throw new Rejected("error.image.tooLarge");
        if (!isPng(bytes) && !isJpeg(bytes) && !isWebp(bytes)) throw new Rejected("error.image.type");
        BufferedImage source = decode(bytes);
        BufferedImage out = fit == Fit.SQUARE ? square(source, maxSide) : within(source, maxSide);
        String name = randomName();
        Path tmp = dir.resolve(name + ".tmp");
        try {
            if (!ImageIO.write(out, "png", tmp.toFile())) throw new Rejected("error.image.type");
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    /** The stored file for a public name, or empty when the name is not one of ours. */
    public Optional<Path> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        Path p = dir.resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public void delete(String name) {
        find(name).ifPresent(p -> {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // an orphan file is harmless
            }
        });
    }

    private static BufferedImage decode(byte[] bytes) throws Rejected {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new Rejected("error.image.type");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) throw new Rejected("error.image.dimensions");
                BufferedImage img = reader.read(0);
                if (img == null) throw new Rejected("error.image.type");
                return img;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Rejected("error.image.type");
        }
    }

    private static BufferedImage within(BufferedImage src, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        return draw(src, 0, 0, src.getWidth(), src.getHeight(), w, h);
    }

    private static BufferedImage square(BufferedImage src, int side) {
        int s = Math.min(src.getWidth(), src.getHeight());
        int x = (src.getWidth() - s) / 2;
        int y = (src.getHeight() - s) / 2;
        int target = Math.min(side, s);
        return draw(src, x, y, s, s, target, target);
    }

    private static BufferedImage draw(BufferedImage src, int sx, int sy, int sw, int sh, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, sx, sy, sx + sw, sy + sh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }

    static boolean isWebp(byte[] b) {
        return b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }

    private static String randomName() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b) + ".png";
    }
}
