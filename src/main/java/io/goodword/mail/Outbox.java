package io.goodword.mail;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.goodword.web.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes emails into the outbox table, inside the caller's transaction (pass its Handle), so an email exists
 * exactly when the change that causes it was committed. The worker sends it later.
 */
public final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private final TemplateEngine templates;
    private final Clock clock;
    private final boolean smtpConfigured;

    public Outbox(TemplateEngine templates, Clock clock, boolean smtpConfigured) {
        this.templates = templates;
        this.clock = clock;
        this.smtpConfigured = smtpConfigured;
    }

    /** Queues an email to go out as soon as possible. */
    public long enqueue(Handle h, Long workspaceId, String kind, Email email) {
        return schedule(h, workspaceId, kind, null, email, clock.instant());
    }

    /**
     * Queues an email for later. With a dedupe key the same email is queued at most once, whoever tries
     * (two processes, a retried request): returns 0 when it was already there.
     */
    public long schedule(Handle h, Long workspaceId, String kind, String dedupeKey, Email email, Instant sendAfter) {
        // INSERT IGNORE: a repeated dedupe key inserts nothing and yields no generated key.
        long id = h.attach(OutboxDao.class).insert(workspaceId, kind, dedupeKey, email.to(), email.replyTo(),
                email.subject(), email.text(), html(email), email.unsubscribeUrl(), sendAfter).orElse(0L);
        if (!smtpConfigured && id > 0) {
            log.info("Email #{} ({}) to {} queued; no SMTP_HOST is set, so it waits in the outbox (see /admin/outbox)",
                    id, kind, Validation.maskEmail(email.to()));
        }
        return id;
    }

    /**
     * Queues the one email for {@code dedupeKey}, or, while it still waits and no worker holds it, replaces its content
     * and time: so news that arrives before it goes out (a detractor's written feedback after the score) makes one
     * email, not two. Once it is on its way it is left alone and nothing more is queued.
     */
    public void scheduleOrReplace(Handle h, long workspaceId, String kind, String dedupeKey, Email email, Instant sendAfter) {
        int replaced = h.attach(OutboxDao.class).replacePending(workspaceId, dedupeKey, email.to(), email.replyTo(),
                email.subject(), email.text(), html(email), email.unsubscribeUrl(), sendAfter);
        if (replaced == 0) schedule(h, workspaceId, kind, dedupeKey, email, sendAfter);
    }

    /** The HTML part, from templates/mail/email.jte. */
    public String html(Email email) {
        StringOutput out = new StringOutput();
        templates.render("mail/email.jte", Map.of("email", email), out);
        return out.toString();
    }
}
