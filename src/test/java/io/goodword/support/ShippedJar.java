package io.goodword.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The packaged portal ({@code target/goodword.jar}, built by the package phase before failsafe runs) started as a
 * separate process, so what the test classpath provides can never hide what the jar lacks.
 */
public final class ShippedJar {
    public static final Path JAR = Path.of("target", "goodword.jar");

    private ShippedJar() {}

    /** Starts the jar in embedded mode on this data directory and port, its output appended to {@code log}. */
    public static Process start(Path dataDir, int port, Path log) throws Exception { return start(dataDir, port, log, Map.of()); }

    public static Process start(Path dataDir, int port, Path log, Map<String, String> extraEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", JAR.toAbsolutePath().toString());
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("DATA_DIR", dataDir.toString());
        pb.environment().remove("DATABASE_URL");
        pb.environment().putAll(extraEnv);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits (up to 3 minutes: the first start unpacks MariaDB) until /healthz answers 200. */
    public static void awaitHealthy(Http http, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new AssertionError("portal exited:\n" + Files.readString(log));
            try {
                if (http.get("/healthz").status() == 200) return;
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("portal did not become healthy:\n" + Files.readString(log));
    }
}
