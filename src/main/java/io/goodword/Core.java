package io.goodword;

import gg.jte.TemplateEngine;
import io.goodword.account.AccountDao;
import io.goodword.account.WorkspaceDao;
import io.goodword.mail.Outbox;
import io.goodword.media.ImageStore;
import io.goodword.security.FormGuard;
import io.goodword.security.Secrets;
import io.goodword.security.Throttle;
import io.goodword.web.I18n;
import io.goodword.web.FastLane;
import io.goodword.web.Templates;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * What every feature is built from: configuration, clock, database, messages, mail, the guards, the image store, and the
 * web server's fast lane for cached bytes.
 */
record Core(Config config, Clock clock, Jdbi jdbi, I18n i18n, TemplateEngine templates, Outbox outbox,
            Throttle throttle, Secrets secrets, FormGuard guard, ImageStore images, AccountDao accounts,
            WorkspaceDao workspaces, FastLane lane) {

    static Core of(Config config, Clock clock, Jdbi jdbi, I18n i18n) {
        TemplateEngine templates = Templates.create(config);
        Throttle throttle = new Throttle(jdbi, clock);
        Secrets secrets = new Secrets(jdbi);
        return new Core(config, clock, jdbi, i18n, templates, new Outbox(templates, clock, config.smtp().configured()),
                throttle, secrets, new FormGuard(jdbi, secrets, throttle, clock),
                new ImageStore(config.uploadsDir(), jdbi, clock), jdbi.onDemand(AccountDao.class),
                jdbi.onDemand(WorkspaceDao.class), new FastLane());
    }

    <T> T dao(Class<T> type) { return jdbi.onDemand(type); }

    String baseUrl() { return config.baseUrl(); }
}
