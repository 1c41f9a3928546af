package io.goodword.db;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A first start installs the system tables with the bootstrap server's temporary tables in the server's own tmp
 * directory: in the shared /tmp, a second install starting meanwhile (the other test JVM, another portal's first
 * start) removed them as leftovers, and the install failed ("Unknown table 'mysql.tmp_user_sys'").
 */
class EmbeddedInstallIT {
    @Test
    void the_install_keeps_its_temporary_tables_in_the_servers_own_tmp_directory() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "install-").resolve("mariadb");
        Path tmp = home.resolve("tmp");
        Files.createDirectories(tmp);
        List<String> created = new CopyOnWriteArrayList<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            tmp.register(watch, ENTRY_CREATE);
            Thread watcher = new Thread(() -> {
                try {
                    while (true) {
                        WatchKey key = watch.take();
                        for (WatchEvent<?> e : key.pollEvents()) created.add(String.valueOf(e.context()));
                        key.reset();
                    }
                } catch (Exception stopped) { // the watch service closed: the test is over
                }
            });
            watcher.setDaemon(true);
            watcher.start();
            EmbeddedMariaDb server = EmbeddedMariaDb.start(home);
            try {
                assertThat(Files.isDirectory(home.resolve("data/mysql"))).isTrue();
            } finally {
                server.stopQuietly();
            }
        }
        // the bootstrap's temporary tables were made here, before the running server created its socket here
        int socket = created.indexOf("mysql.sock");
        assertThat(socket).as("events %s", created).isPositive();
        assertThat(created.subList(0, socket)).as("events %s", created).anyMatch(name -> name.startsWith("#sql"));
    }
}
