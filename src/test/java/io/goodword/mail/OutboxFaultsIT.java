package io.goodword.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.goodword.Config;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox when SMTP fails (F2), when a worker dies holding a claim (F5) and when it is stopped (F8). Workers are
 * driven one pass at a time on a clock the test moves. The clocks start in 2001, before any row other test classes
 * leave in the shared database, so only this test's emails are due.
 */
class OutboxFaultsIT {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static final Instant T0 = Instant.parse("2001-03-05T10:00:00Z");

    static Config.Smtp smtpAt(int port, int timeoutSeconds) {
        return new Config.Smtp("127.0.0.1", port, null, null, "Goodword <no-reply@example.com>", false, timeoutSeconds);
    }

    static Outbox outbox(MutableClock clock) {
        return new Outbox(TemplateEngine.createPrecompiled(ContentType.Html), clock, true);
    }

    static List<Long> enqueue(Outbox outbox, long workspaceId, String to, int count) {
        List<Long> ids = new ArrayList<>();
        TestDb.jdbi().useTransaction(h -> {
            for (int i = 0; i < count; i++) {
                ids.add(outbox.enqueue(h, workspaceId, "test", Email.of(to, "Hello " + i, "Hi,", List.of("Body " + i))));
            }
        });
        return ids;
    }

    static Map<String, Object> row(long id) {
        return TestDb.jdbi().withHandle(h -> h.createQuery(
                "SELECT status, attempts, send_after, locked_until, claimed_by, last_error FROM outbox WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }

    static int attempts(long id) { return ((Number) row(id).get("attempts")).intValue(); }

    static Instant sendAfter(long id) { return ((java.sql.Timestamp) row(id).get("send_after")).toInstant(); }

    static List<MimeMessage> delivered(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                out.add(m);
            }
        }
        return out;
    }

    static long outboxIdFor(long workspaceId) {
        return TestDb.jdbi().withHandle(h -> h.createQuery("SELECT id FROM outbox WHERE workspace_id = :ws ORDER BY id DESC LIMIT 1")
                .bind("ws", workspaceId).mapTo(Long.class).one());
    }

    /** A mail server that accepts connections and never says a word. */
    static final class BlackHole implements AutoCloseable {
        final ServerSocket server;
        final CountDownLatch accepted = new CountDownLatch(1);
        final List<Socket> sockets = new CopyOnWriteArrayList<>();

        BlackHole() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        sockets.add(server.accept());
                        accepted.countDown();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "black-hole-smtp");
            t.setDaemon(true);
            t.start();
        }

        int port() { return server.getLocalPort(); }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) s.close();
        }
    }

    @Test
    void with_smtp_down_the_form_succeeds_retries_back_off_up_to_an_hour_and_the_email_is_shown_dead_after_the_last_try() {
        MutableClock clock = new MutableClock(T0);
        int closedPort = TestApp.freePort();
        try (TestApp app = TestApp.start(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(closedPort),
                "MAIL_POLL_MILLIS", "0"), clock)) {
            Fixtures.Freelancer f = Fixtures.freelancer();
            Http.Response forgot = app.http().post("/password/forgot", Map.of("email", f.email()));
            assertThat(forgot.status()).isEqualTo(200);
            long id = outboxIdFor(f.workspaceId());

            List<Duration> waits = new ArrayList<>();
            for (int pass = 1; pass <= MailWorker.MAX_ATTEMPTS; pass++) {
                app.app().worker().runOnce();
                assertThat(attempts(id)).as("tries after pass %s", pass).isEqualTo(pass);
                waits.add(Duration.between(clock.instant(), sendAfter(id)));
                // not due before its time: a pass a second early tries nothing
                clock.set(sendAfter(id).minusSeconds(1));
                app.app().worker().runOnce();
                assertThat(attempts(id)).isEqualTo(pass);
                clock.set(sendAfter(id));
            }
            assertThat(waits.subList(0, 8)).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1),
                    Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16),
                    Duration.ofMinutes(32), Duration.ofHours(1));
            assertThat(waits.subList(8, waits.size() - 1)).allMatch(d -> d.equals(Duration.ofHours(1)));
            assertThat(row(id).get("status")).isEqualTo("failed");
            assertThat((String) row(id).get("last_error")).startsWith("unreachable:");

            clock.advance(Duration.ofDays(2)); // dead means dead: no more tries
            app.app().worker().runOnce();
            assertThat(attempts(id)).isEqualTo(MailWorker.MAX_ATTEMPTS);

            Http admin = Fixtures.signedIn(app, f);
            assertThat(admin.get("/admin/outbox").html().select("table tbody tr").first().text())
                    .contains("dead: not sent, given up");
            Http.Response one = admin.get("/admin/outbox/" + id);
            assertThat(one.html().select(".outbox-attempts").text()).isEqualTo(String.valueOf(MailWorker.MAX_ATTEMPTS));
            assertThat(one.html().select(".outbox-error").text()).startsWith("unreachable:");
        }
    }

    @Test
    void a_black_holed_server_never_holds_up_a_request_and_costs_a_pass_one_timeout_not_one_per_email() throws Exception {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(30)));
        try (BlackHole hole = new BlackHole();
             TestApp app = TestApp.start(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(hole.port()),
                     "SMTP_TIMEOUT_SECONDS", "3", "MAIL_POLL_MILLIS", "0"), clock)) {
            Fixtures.Freelancer f = Fixtures.freelancer();
            List<Long> queued = enqueue(outbox(clock), f.workspaceId(), Fixtures.unique("hole") + "@example.com", 3);

            long passStart = System.nanoTime();
            CompletableFuture<Void> pass = CompletableFuture.runAsync(() -> app.app().worker().runOnce());
            assertThat(hole.accepted.await(10, TimeUnit.SECONDS)).as("the worker connected").isTrue();

            // while the worker waits on the silent server, a form that sends an email answers at once
            long t0 = System.nanoTime();
            Http.Response forgot = app.http().post("/password/forgot", Map.of("email", f.email()));
            long requestMillis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(forgot.status()).isEqualTo(200);
            assertThat(requestMillis).isLessThan(1500);
            assertThat(pass.isDone()).as("the worker is still waiting for the server").isFalse();

            pass.get(30, TimeUnit.SECONDS);
            long passMillis = (System.nanoTime() - passStart) / 1_000_000;
            // one email tried and timed out; the others handed back untried, without a lease
            assertThat(attempts(queued.get(0))).isEqualTo(1);
            assertThat((String) row(queued.get(0)).get("last_error")).startsWith("unreachable:");
            for (long other : queued.subList(1, 3)) {
                assertThat(attempts(other)).isZero();
                assertThat(row(other).get("locked_until")).isNull();
                assertThat(row(other).get("claimed_by")).isNull();
            }
            assertThat(passMillis).isLessThan(3 * 3000);
        }
    }

    @Test
    void a_worker_killed_holding_a_claim_leaves_the_email_alone_until_its_lease_ends_then_it_is_sent_once() throws Exception {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(60)));
        Jdbi jdbi = TestDb.jdbi();
        Fixtures.Freelancer f = Fixtures.freelancer();
        String to = Fixtures.unique("killed") + "@example.com";
        long id = enqueue(outbox(clock), f.workspaceId(), to, 1).get(0);

        SmtpSender smtp = new SmtpSender(smtpAt(greenMail.getSmtp().getPort(), 20));
        MailWorker killed = new MailWorker(jdbi, smtp, clock, 0);
        assertThat(killed.claim()).containsExactly(id); // ... and the process dies here, mid-send
        MailWorker survivor = new MailWorker(jdbi, smtp, clock, 0);

        survivor.runOnce();
        clock.advance(smtp.lease().minusSeconds(1));
        survivor.runOnce();
        assertThat(delivered(to)).isEmpty();
        assertThat(attempts(id)).isZero();

        clock.advance(Duration.ofSeconds(2));
        survivor.runOnce();
        survivor.runOnce();
        assertThat(delivered(to)).hasSize(1);
        assertThat(row(id).get("status")).isEqualTo("sent");
        assertThat(attempts(id)).isEqualTo(1);
    }

    @Test
    void a_stopping_worker_hands_back_its_unsent_claims_so_another_sends_them_at_once() throws Exception {
        MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(90)));
        Jdbi jdbi = TestDb.jdbi();
        Fixtures.Freelancer f = Fixtures.freelancer();
        String to = Fixtures.unique("stopped") + "@example.com";
        List<Long> ids = enqueue(outbox(clock), f.workspaceId(), to, 3);

        SmtpSender smtp = new SmtpSender(smtpAt(greenMail.getSmtp().getPort(), 20));
        MailWorker stopping = new MailWorker(jdbi, smtp, clock, 0);
        assertThat(stopping.claim()).containsAll(ids);
        stopping.close(); // SIGTERM: App.close() closes the worker

        for (long id : ids) assertThat(row(id).get("locked_until")).isNull();
        new MailWorker(jdbi, smtp, clock, 0).runOnce(); // same instant: no lease to wait for
        assertThat(delivered(to)).hasSize(3);
        stopping.runOnce(); // a closed worker claims nothing
        assertThat(delivered(to)).hasSize(3);
    }
}
