package io.goodword.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.goodword.Config;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutboxIT {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private static final Outbox OUTBOX = new Outbox(TemplateEngine.createPrecompiled(ContentType.Html), Clock.systemUTC(), true);

    private static Config.Smtp greenMail() {
        return new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, "Goodword <no-reply@example.com>", false);
    }

    private static List<String> enqueue(long workspaceId, int count) {
        Jdbi jdbi = TestDb.jdbi();
        String run = Fixtures.unique("mail");
        List<String> recipients = new java.util.ArrayList<>();
        jdbi.useTransaction(h -> {
            for (int i = 0; i < count; i++) {
                String to = run + "-" + i + "@example.com";
                recipients.add(to);
                OUTBOX.enqueue(h, workspaceId, "test", Email.of(to, "Hello " + i, "Hi,", List.of("Body " + i))
                        .withAction("Open", "https://example.com/x/" + i));
            }
        });
        return recipients;
    }

    @Test
    void two_workers_running_at_once_send_every_message_exactly_once() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        List<String> recipients = enqueue(f.workspaceId(), 30);
        MailWorker a = new MailWorker(TestDb.jdbi(), new SmtpSender(greenMail()), Clock.systemUTC(), 1000);
        MailWorker b = new MailWorker(TestDb.jdbi(), new SmtpSender(greenMail()), Clock.systemUTC(), 1000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        for (MailWorker w : List.of(a, b)) {
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < 10; i++) w.sendDue();
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Set<String> delivered = new HashSet<>();
        int mine = 0;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (recipients.contains(to)) {
                mine++;
                delivered.add(to);
            }
        }
        assertThat(mine).isEqualTo(30);
        assertThat(delivered).hasSize(30);
        long sent = TestDb.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM outbox WHERE workspace_id = :ws AND status = 'sent' AND attempts = 1")
                .bind("ws", f.workspaceId()).mapTo(Long.class).one());
        assertThat(sent).isEqualTo(30);
    }

    @Test
    void emails_are_multipart_text_and_html_with_the_same_link() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        List<String> to = enqueue(f.workspaceId(), 1);
        new MailWorker(TestDb.jdbi(), new SmtpSender(greenMail()), Clock.systemUTC(), 1000).sendDue();
        MimeMessage m = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(x -> { try { return x.getAllRecipients()[0].toString().equals(to.get(0)); } catch (Exception e) { return false; } })
                .findFirst().orElseThrow();
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        assertThat(io.goodword.support.Mails.text(m)).contains("Body 0").contains("https://example.com/x/0");
        assertThat(io.goodword.support.Mails.html(m)).contains("Body 0").contains("href=\"https://example.com/x/0\"");
    }

    @Test
    void a_failed_send_is_retried_later_with_backoff() {
        // A clock before any other test's rows: an unreachable server ends the pass after one try, so that try
        // must be this test's email.
        Clock past = Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        Fixtures.Freelancer f = Fixtures.freelancer();
        TestDb.jdbi().useTransaction(h -> new Outbox(TemplateEngine.createPrecompiled(ContentType.Html), past, true)
                .enqueue(h, f.workspaceId(), "test", Email.of(Fixtures.unique("retry") + "@example.com", "Hi", "Hi,", List.of("x"))));
        int closedPort = TestApp.freePort();
        Config.Smtp nowhere = new Config.Smtp("127.0.0.1", closedPort, null, null, "x@example.com", false);
        Instant before = past.instant();
        new MailWorker(TestDb.jdbi(), new SmtpSender(nowhere), past, 1000).sendDue();
        Map<String, Object> row = TestDb.jdbi().withHandle(h -> h.createQuery(
                "SELECT status, attempts, send_after, last_error FROM outbox WHERE workspace_id = :ws")
                .bind("ws", f.workspaceId()).mapToMap().one());
        assertThat(row.get("status")).isEqualTo("pending");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        assertThat(((java.sql.Timestamp) row.get("send_after")).toInstant()).isAfter(before.plusSeconds(20));
        assertThat((String) row.get("last_error")).isNotBlank();
    }

    @Test
    void without_smtp_emails_wait_in_the_outbox_and_are_readable_by_their_workspace_only() {
        try (TestApp app = TestApp.start()) {
            Fixtures.Freelancer f = Fixtures.freelancer();
            Fixtures.Freelancer other = Fixtures.freelancer();
            app.http().post("/password/forgot", Map.of("email", f.email()));
            Http admin = Fixtures.signedIn(app, f);
            Http.Response list = admin.get("/admin/outbox");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.html().text()).contains("No mail server is set up").contains("Reset your Goodword password");
            String href = list.html().select("table a").first().attr("href");
            Http.Response one = admin.get(href);
            assertThat(one.html().select("pre.mail-text").text()).contains(app.url("/password/reset/"));
            assertThat(one.html().select("pre.mail-text a").attr("href")).as("the link can be followed").startsWith(app.url("/password/reset/"));
            long pending = TestDb.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM outbox WHERE workspace_id = :ws AND status = 'pending'")
                    .bind("ws", f.workspaceId()).mapTo(Long.class).one());
            assertThat(pending).isEqualTo(1);
            assertThat(Fixtures.signedIn(app, other).get(href).status()).isEqualTo(404);
        }
    }

    @Test
    void the_same_dedupe_key_is_queued_only_once() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String key = Fixtures.unique("dedupe");
        Email email = Email.of(key + "@example.com", "Once", "Hi,", List.of("Only once"));
        long first = TestDb.jdbi().inTransaction(h -> OUTBOX.schedule(h, f.workspaceId(), "test", key, email, Instant.now()));
        long second = TestDb.jdbi().inTransaction(h -> OUTBOX.schedule(h, f.workspaceId(), "test", key, email, Instant.now()));
        assertThat(first).isPositive();
        assertThat(second).isZero();
        long rows = TestDb.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE dedupe_key = :k")
                .bind("k", key).mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
    }
}
