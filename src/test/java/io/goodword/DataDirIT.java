package io.goodword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goodword.support.Fixtures;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One portal per DATA_DIR, and what that allows: a crash leaves no upload behind that no row names. */
class DataDirIT {
    private static Path freshDataDir() throws Exception {
        return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "datadir");
    }

    @Test
    void a_second_portal_on_the_same_data_dir_refuses_to_start_and_names_the_directory() throws Exception {
        Path dir = freshDataDir();
        try (TestApp first = TestApp.start(Map.of("DATA_DIR", dir.toString()))) {
            assertThat(first.http().get("/healthz").status()).isEqualTo(200);
            assertThatThrownBy(() -> TestApp.start(Map.of("DATA_DIR", dir.toString())))
                    .isInstanceOf(Config.ConfigException.class)
                    .hasMessageContaining("another Goodword process is using DATA_DIR " + dir);
            assertThat(first.http().get("/healthz").status()).as("the first one goes on").isEqualTo(200);
        }
        try (TestApp again = TestApp.start(Map.of("DATA_DIR", dir.toString()))) {
            assertThat(again.http().get("/healthz").status()).as("free once the first has stopped").isEqualTo(200);
        }
    }

    @Test
    void uploads_a_crash_left_without_a_row_are_removed_by_the_first_pass_after_start() throws Exception {
        Path dir = freshDataDir();
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        // Written by a process killed between the file and its row: as young as it gets, and named by nothing.
        String remnant = "0a".repeat(16) + ".png";
        Files.write(uploads.resolve(remnant), new byte[] {1});
        String logo = "0b".repeat(16) + ".png";
        Files.write(uploads.resolve(logo), new byte[] {2});
        Fixtures.Freelancer f = Fixtures.freelancer();
        TestDb.jdbi().useHandle(h -> h.execute("UPDATE workspaces SET logo_file = ? WHERE id = ?", logo, f.workspaceId()));

        try (TestApp app = TestApp.start(Map.of("DATA_DIR", dir.toString(), "MAIL_POLL_MILLIS", "0"))) {
            String inFlight = "0c".repeat(16) + ".png"; // written by this process, its row not committed yet
            Files.write(uploads.resolve(inFlight), new byte[] {3});
            app.app().worker().runOnce();
            assertThat(uploads.resolve(remnant)).as("the crash remnant").doesNotExist();
            assertThat(uploads.resolve(logo)).as("a file a row names").exists();
            assertThat(uploads.resolve(inFlight)).as("a file younger than this process").exists();
        }
    }
}
