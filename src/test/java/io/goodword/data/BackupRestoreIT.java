package io.goodword.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goodword.App;
import io.goodword.Config;
import io.goodword.account.WorkspaceDao;
import io.goodword.client.ClientDao;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Images;
import io.goodword.support.Multipart;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The documented backup command against the embedded database: a dump taken while the portal runs, restored into a
 * brand-new data directory, serves the same pages (and the same uploaded logo) after a restart.
 */
class BackupRestoreIT {

    /** A fresh data directory whose MariaDB binaries are the test server's (saves unpacking 300 MB again). */
    private static Path freshDataDir(String prefix) { return TestDb.freshHome(prefix).getParent(); }

    private static Config embeddedConfig(Path dataDir, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", String.valueOf(port));
        env.put("BASE_URL", "http://localhost:" + port);
        env.put("DATA_DIR", dataDir.toString());
        env.put("MAIL_POLL_MILLIS", "100");
        return Config.fromEnv(env);
    }

    private static String mainText(Http http, String path) {
        Http.Response r = http.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        var main = r.html().select("main");
        main.select(".flash").remove(); // the one-shot "logo uploaded" message is not part of the page
        return main.text();
    }

    private static byte[] bytes(Http http, String path) throws Exception {
        HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(http.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void a_backup_taken_while_running_restores_into_a_new_data_directory_and_serves_the_same_pages() throws Exception {
        Path dataA = freshDataDir("backup-a");
        int port = TestApp.freePort();
        Config configA = embeddedConfig(dataA, port);
        Path zip = dataA.resolveSibling(dataA.getFileName() + "-backup.zip");

        Fixtures.Freelancer f;
        long clientId;
        String clientPage;
        String settingsPage;
        String logo;
        byte[] logoBytes;
        try (App a = App.start(configA, Clock.systemUTC())) {
            f = Fixtures.freelancer(a.database().jdbi());
            clientId = a.database().jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Grete Backup-Müller",
                    "grete@example.com", "Umlaut & Co", "+49 30 1234", "vip,design", "Prefers email 🙂", "de");
            Http http = new Http(configA.baseUrl());
            assertThat(http.post("/login", Map.of("username", f.email(), "password", Fixtures.PASSWORD)).status()).isEqualTo(303);
            assertThat(http.postMultipart("/admin/settings/logo", Map.of(),
                    Map.of("logo", new Multipart.FilePart("me.png", "image/png", Images.png(40, 30, null)))).status()).isEqualTo(303);
            logo = a.database().jdbi().onDemand(WorkspaceDao.class).findById(f.workspaceId()).orElseThrow().logoFile();
            clientPage = mainText(http, "/admin/clients/" + clientId);
            settingsPage = mainText(http, "/admin/settings");
            logoBytes = bytes(http, "/media/" + logo);

            BackupCommand.Summary s = BackupCommand.backup(configA, zip);
            assertThat(s.uploads()).isEqualTo(1);
            assertThat(s.sqlBytes()).isGreaterThan(1000);
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.getEntry("database.sql")).isNotNull();
            assertThat(z.getEntry("uploads/" + logo)).isNotNull();
            String sql = new String(z.getInputStream(z.getEntry("database.sql")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(sql).contains("Grete Backup-Müller").contains("Prefers email 🙂");
        }

        Path dataB = freshDataDir("backup-b");
        Config configB = embeddedConfig(dataB, TestApp.freePort());
        BackupCommand.Summary restored = BackupCommand.restore(configB, zip, false);
        assertThat(restored.uploads()).isEqualTo(1);

        try (App b = App.start(configB, Clock.systemUTC())) {
            Http http = new Http(configB.baseUrl());
            assertThat(http.post("/login", Map.of("username", f.email(), "password", Fixtures.PASSWORD)).status()).isEqualTo(303);
            assertThat(mainText(http, "/admin/clients/" + clientId)).isEqualTo(clientPage).contains("Grete Backup-Müller");
            assertThat(mainText(http, "/admin/settings")).isEqualTo(settingsPage);
            assertThat(bytes(http, "/media/" + logo)).isEqualTo(logoBytes);
            // the database's triggers came back too (restored by the restoring account), so its counters go on counting
            Integer received = b.database().jdbi().withHandle(h -> {
                h.execute("INSERT INTO testimonials (workspace_id, status, rating, body, name, created_at) "
                        + "VALUES (?, 'pending', 5, 'After the restore', 'Someone', '2027-01-02 03:04:05')", f.workspaceId());
                return h.createQuery("SELECT received FROM testimonial_hours WHERE workspace_id = ? AND hour = '2027-01-02 03:00:00'")
                        .bind(0, f.workspaceId()).mapTo(Integer.class).one();
            });
            assertThat(received).isEqualTo(1);
        }

        assertThatThrownBy(() -> BackupCommand.restore(configB, zip, false))
                .isInstanceOf(BackupCommand.BackupException.class).hasMessageContaining("--replace");
    }

    @Test
    void a_file_that_is_not_a_backup_is_refused_before_touching_the_database() throws Exception {
        Path notBackup = Files.createTempFile(Path.of("target").toAbsolutePath(), "not-a-backup", ".zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(notBackup))) {
            out.putNextEntry(new java.util.zip.ZipEntry("database.sql"));
            out.write("DROP TABLE clients;".getBytes());
            out.closeEntry();
        }
        Map<String, String> env = new HashMap<>();
        env.putAll(TestDb.env());
        env.put("DATA_DIR", Files.createTempDirectory(Path.of("target").toAbsolutePath(), "nb").toString());
        Config external = Config.fromEnv(env);
        assertThatThrownBy(() -> BackupCommand.restore(external, notBackup, true))
                .isInstanceOf(BackupCommand.BackupException.class).hasMessageContaining("not a Goodword backup");
        Integer clients = TestDb.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'clients'")
                .mapTo(Integer.class).one());
        assertThat(clients).isEqualTo(1);
    }

    private static Path backupZip(String sql) throws Exception {
        Path zip = Files.createTempFile(Path.of("target").toAbsolutePath(), "hostile-backup", ".zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("goodword-backup.txt"));
            out.write("Goodword backup\n".getBytes());
            out.closeEntry();
            out.putNextEntry(new java.util.zip.ZipEntry("database.sql"));
            out.write(sql.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    @Test
    void restoring_a_dump_never_runs_the_shell_commands_it_contains() throws Exception {
        Path dataDir = freshDataDir("hostile-restore");
        Path proof = dataDir.resolve("shell-ran.txt");
        Path zip = backupZip("CREATE TABLE harmless (id INT);\n\\! touch " + proof + "\nsystem touch " + proof + "\n");
        try {
            BackupCommand.restore(embeddedConfig(dataDir, TestApp.freePort()), zip, false);
        } catch (BackupCommand.BackupException refused) {
            // refusing the dump is fine; obeying it is not
        }
        assertThat(proof).as("no shell command ran").doesNotExist();
    }

    @Test
    void a_database_name_that_looks_like_an_option_is_refused() throws Exception {
        Map<String, String> env = new HashMap<>(TestDb.env());
        env.put("DATABASE_URL", "jdbc:mariadb://127.0.0.1:3306/--init-command=DROP");
        env.put("DATA_DIR", Files.createTempDirectory(Path.of("target").toAbsolutePath(), "opt").toString());
        Config config = Config.fromEnv(env);
        assertThatThrownBy(() -> BackupCommand.backup(config, Path.of("target", "never.zip").toAbsolutePath()))
                .isInstanceOf(BackupCommand.BackupException.class).hasMessageContaining("not starting with '-'");
        assertThat(Path.of("target", "never.zip")).doesNotExist();
    }
}
