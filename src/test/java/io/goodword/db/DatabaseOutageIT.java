package io.goodword.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import io.goodword.web.ErrorPages;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A database that stops answering (SIGSTOP of mariadbd: connections stay open, nothing comes back) costs a request a
 * few seconds and a 503 with Retry-After, never a hung thread or a stack trace, and the portal recovers by itself
 * when the database comes back. Runs on its own embedded server: the shared test database must keep answering.
 */
class DatabaseOutageIT {


    private static void signal(long pid, String signal) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertThat(p.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

    private record Timed(Http.Response response, long millis) {}

    private static Timed timed(Supplier<Http.Response> request) {
        long t0 = System.nanoTime();
        Http.Response r = request.get();
        return new Timed(r, Duration.ofNanos(System.nanoTime() - t0).toMillis());
    }

    @Test
    void a_stopped_database_gets_quick_503s_with_retry_after_and_the_portal_recovers_when_it_returns() throws Exception {
        Path home = TestDb.freshHome("outage-db");
        EmbeddedMariaDb server = EmbeddedMariaDb.start(home);
        long pid = Long.parseLong(Files.readString(home.resolve("mariadbd.pid")).trim());
        boolean stopped = false;
        try (TestApp app = TestApp.start(Map.of("DATABASE_URL", server.jdbcUrl(), "DATABASE_USER", server.user(),
                "DATABASE_PASSWORD", server.password()))) {
            Fixtures.Freelancer f = Fixtures.freelancer(app.app().database().jdbi());
            Http owner = Fixtures.signedIn(app, f);
            Http visitor = app.http();
            String publicPage = "/p/" + f.slug() + "/case-studies";
            assertThat(owner.get("/admin/clients").status()).isEqualTo(200);
            assertThat(visitor.get(publicPage).status()).isEqualTo(200);
            assertThat(app.http().get("/healthz").status()).isEqualTo(200);

            ListAppender<ILoggingEvent> logged = new ListAppender<>();
            logged.start();
            Logger errorLog = (Logger) LoggerFactory.getLogger(ErrorPages.class);
            errorLog.addAppender(logged);
            ListAppender<ILoggingEvent> everything = new ListAppender<>();
            everything.start();
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.addAppender(everything);
            ListAppender<ILoggingEvent> workerLog = new ListAppender<>();
            workerLog.start();
            Logger worker = (Logger) LoggerFactory.getLogger(io.goodword.mail.MailWorker.class);
            worker.setLevel(Level.INFO); // the test configuration logs WARN and up; the "back" line is INFO
            worker.addAppender(workerLog);
            // Jetty's session handler is quiet in tests (ERROR): let its warnings through, to see that none comes.
            Logger sessions = (Logger) LoggerFactory.getLogger("org.eclipse.jetty.server.session");
            sessions.setLevel(Level.WARN);
            String sessionCookie = owner.cookie("gw_session");
            assertThat(sessionCookie).isNotBlank();

            signal(pid, "STOP");
            stopped = true;

            Timed health = timed(() -> app.http().get("/healthz"));
            System.out.printf("F1 /healthz with the database stopped: %d in %d ms%n", health.response().status(), health.millis());
            assertThat(health.response().status()).isEqualTo(503);
            assertThat(health.millis()).as("healthz answers within 3 s").isLessThan(3_000);

            // A signed-in page needs the session from the database: the owner is not signed out (no 302 to /login,
            // no new session cookie), the page says the same "back in a moment" as every other.
            for (var page : Map.of("public page", (Supplier<Http.Response>) () -> visitor.get(publicPage),
                    "signed-in admin page", (Supplier<Http.Response>) () -> owner.get("/admin/clients")).entrySet()) {
                Timed t = timed(page.getValue());
                System.out.printf("F1 %s with the database stopped: %d in %d ms%n", page.getKey(), t.response().status(), t.millis());
                assertThat(t.response().status()).as(page.getKey()).isEqualTo(503);
                assertThat(t.millis()).as(page.getKey() + " answers within 5 s").isLessThan(5_000);
                assertThat(t.response().header("Retry-After")).as(page.getKey()).isEqualTo("5");
                assertThat(t.response().html().select("h1").text()).isEqualTo("Back in a moment");
                assertThat(t.response().body()).doesNotContain("Exception").doesNotContain("at io.goodword");
            }

            String token = "Zq3xK9" + "a1B2c3D4e5".repeat(4); // shaped like a check-in link's secret
            Timed link = timed(() -> visitor.get("/c/" + token));
            assertThat(link.response().status()).isEqualTo(503);
            assertThat(owner.cookie("gw_session")).as("the owner's session cookie is kept").isEqualTo(sessionCookie);
            errorLog.detachAppender(logged);
            root.detachAppender(everything);
            sessions.setLevel(null);
            assertThat(everything.list).as("no stack trace anywhere in the log while the database is away")
                    .noneMatch(e -> e.getThrowableProxy() != null);
            assertThat(logged.list).as("the outage is logged").isNotEmpty()
                    .noneMatch(e -> e.getFormattedMessage().contains(token))
                    .noneMatch(e -> e.getThrowableProxy() != null)
                    .anyMatch(e -> e.getFormattedMessage().contains("GET /c/{token} answered 503"))
                    .anyMatch(e -> e.getFormattedMessage().contains("GET /admin/clients answered 503"));

            signal(pid, "CONT");
            stopped = false;
            long back = System.nanoTime();
            long deadline = back + Duration.ofSeconds(10).toNanos();
            int health200 = 0;
            while (System.nanoTime() < deadline && (health200 = app.http().get("/healthz").status()) != 200) {
                Thread.sleep(100);
            }
            assertThat(health200).as("healthy again within 10 s of the database returning").isEqualTo(200);
            System.out.printf("F1 healthy again %d ms after SIGCONT%n", Duration.ofNanos(System.nanoTime() - back).toMillis());
            assertThat(owner.get("/admin/clients").status()).as("the sign-in survived the outage").isEqualTo(200);

            // The background worker (polling every 100 ms here) said so once, and once again when it was back.
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until && workerLog.list.stream().noneMatch(e -> e.getLevel() == Level.INFO)) {
                Thread.sleep(100);
            }
            worker.detachAppender(workerLog);
            worker.setLevel(null);
            assertThat(workerLog.list).as("the worker's log of the outage")
                    .noneMatch(e -> e.getThrowableProxy() != null)
                    .noneMatch(e -> e.getLevel() == Level.ERROR);
            assertThat(workerLog.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("Background work paused, the database is unavailable"));
            assertThat(workerLog.list).filteredOn(e -> e.getLevel() == Level.INFO).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).isEqualTo("Background work resumed, the database is back"));
            assertThat(visitor.get(publicPage).status()).isEqualTo(200);
        } finally {
            if (stopped) signal(pid, "CONT");
            server.stopQuietly();
        }
    }
}
