package io.goodword;

import gg.jte.TemplateEngine;
import io.goodword.account.AccountController;
import io.goodword.account.AccountDao;
import io.goodword.account.AccountService;
import io.goodword.account.SettingsController;
import io.goodword.account.WorkspaceDao;
import io.goodword.db.Database;
import io.goodword.mail.MailWorker;
import io.goodword.mail.Outbox;
import io.goodword.mail.OutboxController;
import io.goodword.mail.OutboxDao;
import io.goodword.mail.SmtpSender;
import io.goodword.media.ImageStore;
import io.goodword.media.MediaController;
import io.goodword.security.Auth;
import io.goodword.security.LoginThrottle;
import io.goodword.security.Throttle;
import io.goodword.testimonial.AdminController;
import io.goodword.testimonial.PublicCache;
import io.goodword.testimonial.PublicController;
import io.goodword.testimonial.SpamGuard;
import io.goodword.testimonial.TestimonialService;
import io.goodword.web.HealthController;
import io.goodword.web.I18n;
import io.goodword.web.Templates;
import io.goodword.web.WebApp;
import io.javalin.Javalin;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: configuration, database, features, web server. Plain constructors, no container. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Database db;
    private final MailWorker worker;
    private final Javalin web;

    private App(Config config, Database db, MailWorker worker, Javalin web) {
        this.config = config;
        this.db = db;
        this.worker = worker;
        this.web = web;
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnv();
        } catch (Config.ConfigException e) {
            System.err.println("Goodword cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        App app = start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "goodword-shutdown"));
        log.info("Goodword is running at {}", config.baseUrl());
    }

    /** Starts everything; the database (embedded or external) first, the web server last. */
    public static App start(Config config, Clock clock) {
        Database db = Database.start(config);
        try {
            Jdbi jdbi = db.jdbi();
            I18n i18n = I18n.load();
            TemplateEngine templates = Templates.create(config);
            Outbox outbox = new Outbox(templates, clock, config.smtp().configured());
            Throttle throttle = new Throttle(jdbi, clock);

            AccountDao accounts = jdbi.onDemand(AccountDao.class);
            WorkspaceDao workspaces = jdbi.onDemand(WorkspaceDao.class);
            ImageStore images = new ImageStore(config.uploadsDir());
            Auth auth = new Auth(accounts);
            AccountService accountService = new AccountService(jdbi, outbox, i18n, clock, config.baseUrl());
            PublicCache publicCache = new PublicCache(jdbi);
            TestimonialService testimonials = new TestimonialService(jdbi, outbox, images, publicCache, i18n, clock, config.baseUrl());

            WebApp.Features features = new WebApp.Features(
                    auth,
                    new AccountController(accountService, accounts, auth, new LoginThrottle(throttle), i18n, config.signupOpen()),
                    new SettingsController(accountService, workspaces, accounts, images, config.baseUrl()),
                    new OutboxController(jdbi.onDemand(OutboxDao.class), config.smtp().configured()),
                    new MediaController(images),
                    new HealthController(db),
                    new PublicController(jdbi, workspaces, testimonials, new SpamGuard(jdbi, throttle, clock), publicCache,
                            templates, i18n, config.baseUrl()),
                    new AdminController(jdbi, workspaces, testimonials, config.baseUrl()));

            MailWorker worker = new MailWorker(jdbi, config.smtp().configured() ? new SmtpSender(config.smtp()) : null,
                    clock, config.mailPollMillis());
            worker.addJob(throttle::purgeOld);

            Javalin web = WebApp.create(config, db.dataSource(), i18n, templates, features);
            web.start(config.port());
            worker.start();
            return new App(config, db, worker, web);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public int port() { return web.port(); }

    public Database database() { return db; }

    public MailWorker worker() { return worker; }

    /** Stops accepting requests, lets in-flight ones finish, stops the worker, then the database. */
    @Override
    public void close() {
        log.info("Goodword is stopping");
        web.stop();
        worker.close();
        db.close();
    }
}
