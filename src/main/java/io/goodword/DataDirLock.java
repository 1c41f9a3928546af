package io.goodword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One portal process per DATA_DIR, held for the life of the process (the operating system drops the lock when the
 * process dies, kill -9 included). Two processes on one directory would both start the embedded database, and each
 * would take the other's fresh uploads for crash remnants; holding the lock is what lets start-up remove every upload
 * that no row names, however young.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE = ".goodword.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or says, in one line, which directory another process is using. */
    static DataDirLock acquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel ch = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by this very process (a second App in one JVM)
            }
            if (l == null) {
                ch.close();
                throw new Config.ConfigException("another Goodword process is using DATA_DIR " + dataDir
                        + "; stop it first, or give this one its own DATA_DIR");
            }
            return new DataDirLock(ch, l);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock DATA_DIR " + dataDir, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending; the operating system releases the lock anyway
        }
    }
}
