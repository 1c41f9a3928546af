package io.goodword.support;

import io.goodword.App;
import io.goodword.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The real portal, started on a free port against the shared test database, exactly as App.main wires it.
 * Extra environment variables configure it (e.g. SMTP_HOST/SMTP_PORT for a GreenMail server).
 */
public final class TestApp implements AutoCloseable {
    private final App app;
    private final Config config;

    private TestApp(App app, Config config) {
        this.app = app;
        this.config = config;
    }

    public static TestApp start() { return start(Map.of()); }

    public static TestApp start(Map<String, String> extraEnv) { return start(extraEnv, Clock.systemUTC()); }

    public static TestApp start(Map<String, String> extraEnv, Clock clock) {
        int port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("PORT", String.valueOf(port));
        env.put("BASE_URL", "http://localhost:" + port);
        env.putAll(TestDb.env());
        env.put("MAIL_POLL_MILLIS", "100");
        try {
            env.put("DATA_DIR", Files.createTempDirectory(Path.of("target").toAbsolutePath(), "app-data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.putAll(extraEnv);
        Config config = Config.fromEnv(env);
        return new TestApp(App.start(config, clock), config);
    }

    public String baseUrl() { return config.baseUrl(); }

    public String url(String path) { return baseUrl() + path; }

    public Config config() { return config; }

    public App app() { return app; }

    /** A new visitor: its own cookies, no redirects followed. */
    public Http http() { return new Http(baseUrl()); }

    @Override
    public void close() { app.close(); }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
