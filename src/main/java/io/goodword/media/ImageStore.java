package io.goodword.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploaded images (logos, photos, covers): the bytes are sniffed (never the file name or the browser's
 * content type), decoded, scaled, and re-encoded as a fresh PNG, which drops any metadata (EXIF, GPS) and any
 * payload hidden in the original. Files live under $DATA_DIR/uploads with random names, outside static/.
 *
 * <p>This class is the one place that decides whether a file may go: {@link #deleteIfUnreferenced} removes a file
 * only when no row of any tenant names it ({@link MediaDao}), so a forged reference can never make one tenant's
 * action delete another tenant's image. {@link #sweepIfDue} removes files nothing names (a crash
 * between writing the file and its row).
 */
public final class ImageStore {
    private static final Logger log = LoggerFactory.getLogger(ImageStore.class);
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Refuses decompression bombs before decoding (covers and imports, up to 1600 px). */
    private static final long MAX_PIXELS = 40_000_000L;
    /** Photos and logos end at 512 px or less; 4096x4096 still takes a 12 MP phone photo (4032x3024). */
    static final long SMALL_MAX_PIXELS = 4096L * 4096L;
    static final int SMALL_MAX_SIDE = 512;
    /** Files nothing refers to are removed after this (a pending upload or a crash remnant). */
    static final Duration ORPHAN_AGE = Duration.ofHours(24);
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.png");
    private static final Pattern TMP = Pattern.compile("[0-9a-f]{32}\\.png\\.tmp");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why an upload was refused; the message key is shown next to the field, with the status to answer. */
    public static final class Rejected extends Exception {
        private final String messageKey;
        private final int status;

        public Rejected(String messageKey) { this(messageKey, 422); }

        public Rejected(String messageKey, int status) {
            super(messageKey);
            this.messageKey = messageKey;
            this.status = status;
        }

        public String messageKey() { return messageKey; }

        /** 422 for a bad image; 507 when the disk refused the write; 503 when too many decodes are running. */
        public int status() { return status; }
    }

    public enum Fit { WITHIN, SQUARE }

    private final Path dir;
    private final Jdbi jdbi;
    private final Clock clock;
    /** Decoding is the costly step (CPU and tens of MB of heap each): a few at a time, the rest wait briefly. */
    private final Semaphore decodes;
    private volatile Instant lastSweep = Instant.EPOCH;
    /** The process holds DATA_DIR alone (see DataDirLock): any file older than its start no row names is a remnant. */
    private final Instant startedAt;

    public ImageStore(Path dir, Jdbi jdbi, Clock clock) {
        this.dir = dir;
        this.jdbi = jdbi;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.decodes = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the uploads directory " + dir, e);
        }
    }

    /**
     * Checks, re-encodes and stores an image; returns the new file name. The file is complete on disk (written to a
     * temporary name, flushed, then atomically renamed) before the caller writes the row that names it.
     */
    public String store(byte[] bytes, int maxSide, Fit fit) throws Rejected {
        if (bytes == null || bytes.length == 0) throw new Rejected("error.image.empty");
        if (bytes.length > MAX_BYTES) throw new Rejected("error.image.tooLarge");
        if (!ImageCodec.isPng(bytes) && !ImageCodec.isJpeg(bytes) && !ImageCodec.isWebp(bytes)) throw new Rejected("error.image.type");
        byte[] png;
        try {
            if (!decodes.tryAcquire(10, TimeUnit.SECONDS)) throw new Rejected("error.image.busy", 503);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Rejected("error.image.busy", 503);
        }
        try {
            BufferedImage source = ImageCodec.decode(bytes, maxSide, fit, maxSide <= SMALL_MAX_SIDE ? SMALL_MAX_PIXELS : MAX_PIXELS);
            BufferedImage out = fit == Fit.SQUARE ? ImageCodec.square(source, maxSide) : ImageCodec.within(source, maxSide);
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            if (!ImageIO.write(out, "png", encoded)) throw new Rejected("error.image.type");
            png = encoded.toByteArray();
        } catch (IOException e) {
            throw new Rejected("error.image.type");
        } finally {
            decodes.release();
        }
        String name = randomName();
        Path tmp = dir.resolve(name + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(png);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the sweep removes it later
            }
            // Typically ENOSPC or a read-only volume: the caller answers 507 and writes no row.
            log.warn("Could not store an upload in {}: {}", dir, e.toString());
            throw new Rejected("error.image.storage", 507);
        }
        return name;
    }

    /** Makes the rename durable; not every file system lets a directory be opened, which is harmless. */
    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    /** The stored file for a public name, or empty when the name is not one of ours. */
    public Optional<Path> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        Path p = dir.resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Deletes the file when no row of any workspace refers to it any more; call it after the change that dropped this
     * row's reference has committed. True when the file went.
     */
    public boolean deleteIfUnreferenced(String name) {
        Optional<Path> p = find(name);
        if (p.isEmpty()) return false;
        if (jdbi.withExtension(MediaDao.class, dao -> dao.references(name)) > 0) return false;
        try {
            return Files.deleteIfExists(p.get());
        } catch (IOException e) {
            return false; // an orphan left behind is removed by the sweep
        }
    }

    /** Kept for callers that remove files they just stored (import rollback); it is the same safe delete. */
    public void delete(String name) { deleteIfUnreferenced(name); }

    /**
     * The worker's hook: sweeps at most once an hour per process. The first pass, right after start, removes every
     * unnamed file written before this process started (a kill -9 between a file and its row leaves no orphan behind);
     * later passes only day-old ones, since younger files may be between their write and their row.
     */
    public void sweepIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastSweep, now).compareTo(SWEEP_EVERY) < 0) return;
        boolean first = lastSweep.equals(Instant.EPOCH);
        lastSweep = now;
        sweepOlderThan(first ? startedAt : now.minus(ORPHAN_AGE));
    }

    /**
     * One pass: removes uploads older than a day that no row refers to, and temporary files a crash left behind.
     * Younger files are kept (they may be between their write and their row). Returns how many files went.
     */
    public int sweepOrphans() { return sweepOlderThan(clock.instant().minus(ORPHAN_AGE)); }

    private int sweepOlderThan(Instant cutoff) {
        Set<String> referenced = null;
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                boolean tmp = TMP.matcher(n).matches();
                if (!tmp && !NAME.matcher(n).matches()) continue;
                if (!Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) continue;
                if (!tmp) {
                    if (referenced == null) referenced = referencedNames();
                    if (referenced.contains(n) || jdbi.withExtension(MediaDao.class, dao -> dao.references(n)) > 0) continue;
                }
                if (Files.deleteIfExists(f)) removed++;
            }
        } catch (IOException e) {
            log.warn("Upload sweep of {} stopped: {}", dir, e.toString());
        }
        if (removed > 0) log.info("Removed {} orphan upload(s)", removed);
        return removed;
    }

    private Set<String> referencedNames() {
        return jdbi.withExtension(MediaDao.class, dao -> {
            Set<String> names = new HashSet<>(dao.columnReferences());
            for (String content : dao.contentWithUploads()) {
                Matcher m = NAME.matcher(content);
                while (m.find()) names.add(m.group());
            }
            return names;
        });
    }

    private static String randomName() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b) + ".png";
    }
}
