package io.goodword.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.goodword.Config;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The connection pool, the migrations and Jdbi, over an external or the embedded MariaDB. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final EmbeddedMariaDb embedded;

    private Database(HikariDataSource dataSource, EmbeddedMariaDb embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    public static Database start(Config config) {
        EmbeddedMariaDb embedded = null;
        String url = config.databaseUrl();
        String user = config.databaseUser();
        String password = config.databasePassword();
        if (config.embeddedDatabase()) {
            embedded = EmbeddedMariaDb.start(config.dataDir().resolve("mariadb"));
            url = embedded.jdbcUrl();
            user = "root";
            password = "";
        }
        return connect(url, user, password, embedded);
    }

    public static Database connect(String url, String user, String password, EmbeddedMariaDb embedded) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(16);
        hc.setPoolName("goodword");
        hc.setConnectionTimeout(5_000);
        // Every timestamp is UTC in the database; the workspace time zone is applied when shown.
        hc.addDataSourceProperty("timezone", "UTC");
        hc.setConnectionInitSql("SET time_zone = '+00:00'");
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:migrations").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            if (embedded != null) embedded.stopQuietly();
            throw e;
        }
        return new Database(ds, embedded);
    }

    public Jdbi jdbi() { return jdbi; }

    public DataSource dataSource() { return dataSource; }

    /** True when the database answers a trivial query within a second. */
    public boolean isUp() {
        try (var c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) embedded.stopQuietly();
    }
}
