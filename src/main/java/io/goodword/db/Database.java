package io.goodword.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.goodword.Config;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The connection pool, the migrations and Jdbi, over an external or the embedded MariaDB. */
public final class Database implements AutoCloseable {
    /*
     * A database that stops answering (SIGSTOP, a network cut, a dead host) must cost a request a few seconds and a
     * 503, never a hung thread. Waiting for a pooled connection is capped by CONNECTION_TIMEOUT, checking that an
     * idle one still answers by VALIDATION_TIMEOUT, each read of a running query by SOCKET_TIMEOUT (per packet, so
     * a long result still streams). Migrations run on their own connection without the read cap: an ALTER of a
     * large table may rightly take minutes.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(2_000);
    /** Connections in the pool; web/PostGate lets fewer posts in at once so that reads always find one. */
    public static final int POOL_SIZE = 16;
    static final Duration VALIDATION_TIMEOUT = Duration.ofMillis(1_000);
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(2_000);
    static final Duration SOCKET_TIMEOUT = Duration.ofMillis(4_000);
    /** /healthz answers within this, whatever the pool is doing. */
    static final Duration HEALTH_TIMEOUT = Duration.ofMillis(1_500);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final EmbeddedMariaDb embedded;
    private final ExecutorService probe;
    private final AtomicReference<Future<Boolean>> probeInFlight = new AtomicReference<>();

    private Database(HikariDataSource dataSource, EmbeddedMariaDb embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.jdbi = configure(Jdbi.create(dataSource));
        this.probe = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "db-health-probe");
            t.setDaemon(true);
            return t;
        });
    }

    public static Database start(Config config) {
        if (config.embeddedDatabase()) {
            EmbeddedMariaDb embedded = EmbeddedMariaDb.start(config.dataDir().resolve("mariadb"));
            return connect(embedded.jdbcUrl(), embedded.user(), embedded.password(), embedded);
        }
        return connect(config.databaseUrl(), config.databaseUser(), config.databasePassword(), null);
    }

    /** Over the embedded server, signed in as its portal account. */
    public static Database connect(EmbeddedMariaDb embedded) {
        return connect(embedded.jdbcUrl(), embedded.user(), embedded.password(), embedded);
    }

    public static Database connect(String url, String user, String password, EmbeddedMariaDb embedded) {
        try {
            Flyway.configure().dataSource(url, user, password).initSql("SET time_zone = '+00:00'")
                    .locations("classpath:migrations").load().migrate();
        } catch (RuntimeException e) {
            if (embedded != null) embedded.stopQuietly();
            throw e;
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(POOL_SIZE);
        hc.setPoolName("goodword");
        hc.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hc.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        hc.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        hc.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toMillis()));
        // Every timestamp is UTC in the database; the workspace time zone is applied when shown.
        hc.addDataSourceProperty("timezone", "UTC");
        hc.setConnectionInitSql("SET time_zone = '+00:00'");
        return new Database(new HikariDataSource(hc), embedded);
    }

    /**
     * The conventions every statement shares: SqlObject DAOs, enums stored as their lower-case names
     * ({@link LowerCaseEnums}), and SQL errors translated in {@link SqlErrors}.
     */
    static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new LowerCaseEnums.Arguments());
        jdbi.registerColumnMapper(new LowerCaseEnums.Columns());
        jdbi.getConfig(SqlStatements.class).addExceptionHandler(new SqlErrors());
        RetriedTransactions.install(jdbi);
        return jdbi;
    }

    public Jdbi jdbi() { return jdbi; }

    public DataSource dataSource() { return dataSource; }

    /**
     * True when the database answers a trivial query, decided within {@link #HEALTH_TIMEOUT}. One probe runs at a
     * time: while a probe hangs on a stopped server, every health check answers "down" at once instead of piling up
     * threads.
     */
    public boolean isUp() {
        try {
            Future<Boolean> mine = probeInFlight.updateAndGet(f -> f != null && !f.isDone() ? f : probe.submit(this::answers));
            return mine.get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) { // the probe failed, or was refused because the database was closed
            return false;
        }
    }

    private boolean answers() {
        try (var c = dataSource.getConnection()) {
            return c.isValid((int) Math.max(1, VALIDATION_TIMEOUT.toSeconds()));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        probe.shutdownNow();
        dataSource.close();
        if (embedded != null) embedded.stopQuietly();
    }
}
