package io.goodword;

import io.goodword.account.AccountController;
import io.goodword.account.SettingsController;
import io.goodword.ask.AskAdminController;
import io.goodword.ask.AskDao;
import io.goodword.ask.AskService;
import io.goodword.ask.AskSettingsDao;
import io.goodword.ask.ClientCheckIns;
import io.goodword.ask.ClientFlowController;
import io.goodword.ask.UnsubscribeController;
import io.goodword.audit.AuditController;
import io.goodword.audit.AuditDao;
import io.goodword.casestudy.CaseStudyControllers;
import io.goodword.casestudy.CaseStudyDao;
import io.goodword.client.ClientControllers;
import io.goodword.client.ClientDao;
import io.goodword.data.DataController;
import io.goodword.data.PrivacyDao;
import io.goodword.data.PrivacyService;
import io.goodword.data.WorkspaceExport;
import io.goodword.data.WorkspaceImport;
import io.goodword.db.Database;
import io.goodword.growth.DashboardController;
import io.goodword.growth.DashboardSource;
import io.goodword.growth.GrowthDao;
import io.goodword.mail.MailWorker;
import io.goodword.mail.OutboxController;
import io.goodword.mail.OutboxDao;
import io.goodword.mail.SmtpSender;
import io.goodword.media.MediaController;
import io.goodword.referral.LeadDao;
import io.goodword.referral.LinkDao;
import io.goodword.referral.ProgramDao;
import io.goodword.referral.ReferralAdminController;
import io.goodword.referral.ReferralPipelineController;
import io.goodword.referral.ReferralPublicController;
import io.goodword.referral.RewardDao;
import io.goodword.security.SessionStorage;
import io.goodword.sitemap.SiteIndex;
import io.goodword.sitemap.SiteIndexController;
import io.goodword.testimonial.PublicRows;
import io.goodword.testimonial.PublicTestimonials;
import io.goodword.testimonial.TestimonialControllers;
import io.goodword.web.HealthController;
import io.goodword.web.I18n;
import io.goodword.web.StaticAssets;
import io.goodword.web.WebApp;
import io.goodword.webhook.WebhookController;
import io.goodword.webhook.WebhookDao;
import io.goodword.webhook.WebhookWorker;
import io.goodword.webhook.Webhooks;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: configuration, database, features, web server. Plain constructors, no container. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Config config;
    private final Database db;
    private final MailWorker worker;
    private final WebhookWorker webhooks;
    private final Javalin web;
    private final DataDirLock lock;

    private App(Config config, Database db, MailWorker worker, WebhookWorker webhooks, Javalin web, DataDirLock lock) {
        this.config = config;
        this.db = db;
        this.worker = worker;
        this.webhooks = webhooks;
        this.web = web;
        this.lock = lock;
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
        App app;
        try {
            app = start(config, Clock.systemUTC());
        } catch (Config.ConfigException e) {
            System.err.println("Goodword cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "goodword-shutdown"));
        log.info("Goodword is running at {}", config.baseUrl());
    }

    /** Starts everything; the database (embedded or external) first, the web server last. */
    public static App start(Config config, Clock clock) {
        long t0 = System.nanoTime();
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        // What needs no database (reading and compressing the static files out of the fat jar, the messages) runs on
        // a second thread while the database starts and migrates: start-up JFR showed no single big phase, only
        // work done one after the other (issue 15: healthy in < 3 s on an external database).
        CompletableFuture<Integer> assetsLoaded = CompletableFuture.supplyAsync(StaticAssets::preload, App::startupThread);
        CompletableFuture<I18n> messagesLoaded = CompletableFuture.supplyAsync(I18n::load, App::startupThread);
        Database db;
        try {
            db = Database.start(config);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        long tDb = System.nanoTime();
        log.info("Database ready in {} ms ({})", (System.nanoTime() - t0) / 1_000_000,
                config.embeddedDatabase() ? "embedded, " + config.dataDir().resolve("mariadb") : "external");
        try {
            Core core = Core.of(config, clock, db.jdbi(), joined(messagesLoaded));
            Services services = Services.of(core);
            Routes routes = routes(core, services, db);
            MailWorker worker = worker(core, services);
            // webhook deliveries: a job of the same worker, claiming its rows under the worker's own name
            WebhookWorker webhooks = new WebhookWorker(core.jdbi(), config.webhooksAllowPrivate(), clock, worker.workerId());
            worker.addJob(webhooks::runDue);
            long t1 = System.nanoTime();
            int assets = joined(assetsLoaded);
            Javalin web = WebApp.create(config, SessionStorage.handler(db.dataSource(), config), core.i18n(),
                    core.templates(), routes, routes.testimonials().siteNotFound(), core.lane());
            web.start(config.port());
            worker.start();
            long t2 = System.nanoTime();
            log.info("Start-up phases: database {} ms, features {} ms, web server and {} static files {} ms; total {} ms",
                    (tDb - t0) / 1_000_000, (t1 - tDb) / 1_000_000, assets, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000);
            return new App(config, db, worker, webhooks, web, lock);
        } catch (RuntimeException e) {
            db.close();
            lock.close();
            throw e;
        }
    }

    /** Every controller, wired to its services, in the route table. */
    private static Routes routes(Core c, Services s, Database db) {
        Jdbi jdbi = c.jdbi();
        AskService asks = s.asks();
        return new Routes(s.auth(), s.auditLog(), new HealthController(db), new MediaController(c.images()),
                new AccountController(s.accounts(), c.accounts(), s.auth(), c.guard(), c.i18n(), c.config().signupOpen()),
                new SettingsController(s.accounts(), c.workspaces(), c.accounts(), c.images(), c.baseUrl(), s.auth()),
                new OutboxController(c.dao(OutboxDao.class), c.config().smtp().configured()),
                TestimonialControllers.wire(jdbi, s.testimonials(), s.publicCache(), s.sites(), c.workspaces(), c.guard(),
                        c.templates(), c.i18n(), c.clock(), c.baseUrl(), c.config().homeSlug()),
                CaseStudyControllers.wire(jdbi, s.caseStudies(), s.sites(), s.auth(), c.workspaces(), c.guard(), c.images(),
                        c.secrets().signer("case-study-cover"), c.baseUrl()),
                new ReferralPublicController(s.referrals(), c.dao(LinkDao.class), c.guard(), s.sites(),
                        c.dao(PublicTestimonials.class)),
                new ReferralPipelineController(s.referrals(), c.dao(LeadDao.class), c.dao(RewardDao.class)),
                new ReferralAdminController(s.referrals(), c.dao(ProgramDao.class), c.dao(LinkDao.class), c.baseUrl()),
                ClientControllers.wire(jdbi, new ClientCheckIns(asks, c.dao(AskDao.class)), c.clock()),
                new AskAdminController(asks, c.dao(AskDao.class), c.dao(AskSettingsDao.class), c.workspaces(), c.i18n(),
                        c.baseUrl()),
                new ClientFlowController(asks, c.guard(), s.steps()),
                new UnsubscribeController(asks),
                new AuditController(c.dao(AuditDao.class)),
                new DataController(new WorkspaceExport(jdbi, c.images(), c.clock()), new WorkspaceImport(jdbi, c.images()),
                        new PrivacyService(jdbi, c.images(), c.clock()), c.dao(ClientDao.class), c.dao(PrivacyDao.class),
                        s.auditLog(), c.clock()),
                new DashboardController(new DashboardSource(jdbi), c.dao(GrowthDao.class), c.workspaces(),
                        c.dao(AskSettingsDao.class), c.clock(), c.baseUrl()),
                new SiteIndexController(new SiteIndex(c.workspaces(), new PublicRows(jdbi),
                        c.dao(CaseStudyDao.class), c.config().homeSlug()), c.baseUrl()),
                new WebhookController(new Webhooks(jdbi, c.config().webhooksAllowPrivate(), c.clock()), c.dao(WebhookDao.class)));
    }

    /** The background worker: the outbox, and the periodic jobs of the features. */
    private static MailWorker worker(Core c, Services s) {
        MailWorker worker = new MailWorker(c.jdbi(), c.config().smtp().configured() ? new SmtpSender(c.config().smtp()) : null,
                c.clock(), c.config().mailPollMillis());
        worker.addJob(c.throttle()::purgeOld);
        worker.addJob(c.guard()::purgeOld);
        worker.addJob(s.asks().worker()::runDue);
        worker.addJob(c.images()::sweepIfDue);
        return worker;
    }

    private static void startupThread(Runnable r) {
        Thread t = new Thread(r, "goodword-startup");
        t.setDaemon(true);
        t.start();
    }

    /** The result of start-up work done on the side; its failure fails the start as if done here. */
    private static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    public int port() { return web.port(); }

    public Database database() { return db; }

    public MailWorker worker() { return worker; }

    /** The running web server (tests read its route table). */
    public Javalin web() { return web; }

    /** Stops accepting requests, lets in-flight ones finish, stops the worker, then the database. */
    @Override
    public void close() {
        log.info("Goodword is stopping");
        web.stop();
        worker.close();
        webhooks.close();
        db.close();
        lock.close();
    }
}
