package io.goodword.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.goodword.Config;
import io.goodword.support.Fixtures;
import io.goodword.support.TestDb;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** What reaches the SMTP envelope and headers, and what reaches the log, whatever got into the outbox. */
class MailAddressingIT {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private static MailWorker worker() {
        Config.Smtp greenMail = new Config.Smtp("127.0.0.1", smtp.getSmtp().getPort(), null, null, "Goodword <no-reply@example.com>", false);
        return new MailWorker(TestDb.jdbi(), new SmtpSender(greenMail), Clock.systemUTC(), 60_000);
    }

    @Test
    void an_address_list_in_the_outbox_is_never_sent_to_two_recipients_and_a_subject_stays_one_line() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String run = Fixtures.unique("addr");
        String second = run + "-second@example.com";
        String plain = run + "-plain@example.com";
        // Rows as an older version (or an import) could have written them: straight through the DAO.
        long listId = TestDb.jdbi().withHandle(h -> h.attach(OutboxDao.class).insert(f.workspaceId(), "test", null,
                run + "-first," + second, null, "Hi", "text", "<p>html</p>", null, Instant.now())).orElseThrow();
        TestDb.jdbi().withHandle(h -> h.attach(OutboxDao.class).insert(f.workspaceId(), "test", null,
                plain, null, "New testimonial from Ann\r\nBcc: " + second, "text", "<p>html</p>", null, Instant.now()));

        try (MailWorker w = worker()) {
            w.sendDue();
        }

        List<MimeMessage> received = Arrays.asList(smtp.getReceivedMessages());
        assertThat(received.stream().flatMap(m -> recipients(m).stream())).doesNotContain(second).contains(plain);
        MimeMessage delivered = received.stream().filter(m -> recipients(m).contains(plain)).findFirst().orElseThrow();
        assertThat(delivered.getHeader("Subject")).hasSize(1);
        assertThat(delivered.getSubject()).isEqualTo("New testimonial from Ann Bcc: " + second).doesNotContain("\n");
        assertThat(delivered.getHeader("Bcc")).isNull();
        String error = TestDb.jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM outbox WHERE id = :id")
                .bind("id", listId).mapTo(String.class).one());
        assertThat(error).contains("AddressException");
    }

    @Test
    void a_queued_email_is_logged_without_its_recipients_address() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String to = Fixtures.unique("jane") + "@example.com";
        Logger logger = (Logger) LoggerFactory.getLogger(Outbox.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO); // the test log config keeps INFO quiet
        logger.addAppender(seen);
        try {
            Outbox outbox = new Outbox(TEMPLATES, Clock.systemUTC(), false);
            TestDb.jdbi().useTransaction(h -> outbox.enqueue(h, f.workspaceId(), "test", Email.of(to, "Hello", "Hi,", List.of("Body"))));
        } finally {
            logger.detachAppender(seen);
            logger.setLevel(level);
        }
        assertThat(seen.list).isNotEmpty();
        assertThat(seen.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(to));
        assertThat(seen.list.get(0).getFormattedMessage()).contains("j***@example.com");
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return m.getAllRecipients() == null ? List.of() : Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
