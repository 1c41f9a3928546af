package io.goodword;

import gg.jte.TemplateEngine;
import io.goodword.account.AccountController;
import io.goodword.account.AccountDao;
import io.goodword.account.AccountService;
import io.goodword.account.PublicSites;
import io.goodword.account.SettingsController;
import io.goodword.account.WorkspaceDao;
import io.goodword.ask.AskAdminController;
import io.goodword.ask.AskDao;
import io.goodword.ask.AskFlow;
import io.goodword.ask.AskStep;
import io.goodword.ask.Step;
import io.goodword.ask.AskService;
import io.goodword.ask.AskSettingsDao;
import io.goodword.ask.ClientFlowController;
import io.goodword.ask.UnsubscribeController;
import io.goodword.client.ClientCsvController;
import io.goodword.client.ClientListController;
import io.goodword.client.ClientPageController;
import io.goodword.client.ClientProjectController;
import io.goodword.client.ClientDao;
import io.goodword.client.ClientService;
import io.goodword.client.ProjectDao;
import io.goodword.casestudy.ApprovalController;
import io.goodword.casestudy.CaseStudyController;
import io.goodword.casestudy.CaseStudyDao;
import io.goodword.casestudy.CaseStudyPublicController;
import io.goodword.casestudy.CaseStudyService;
import io.goodword.db.Database;
import io.goodword.mail.MailWorker;
import io.goodword.mail.Outbox;
import io.goodword.mail.OutboxController;
import io.goodword.mail.OutboxDao;
import io.goodword.mail.SmtpSender;
import io.goodword.media.ImageStore;
import io.goodword.media.MediaController;
import io.goodword.referral.AttributionCookie;
import io.goodword.referral.ReferralAskStep;
import io.goodword.testimonial.TestimonialAskStep;
import io.goodword.referral.LeadDao;
import io.goodword.referral.LinkDao;
import io.goodword.referral.ProgramDao;
import io.goodword.referral.ReferralAdminController;
import io.goodword.referral.ReferralPipelineController;
import io.goodword.referral.ReferralPublicController;
import io.goodword.referral.Referrals;
import io.goodword.referral.RewardDao;
import io.goodword.security.Auth;
import io.goodword.security.FormGuard;
import io.goodword.security.Secrets;
import io.goodword.security.Throttle;
import io.goodword.testimonial.CachedPages;
import io.goodword.testimonial.PublicCache;
import io.goodword.testimonial.PublicTestimonials;
import io.goodword.testimonial.TestimonialDao;
import io.goodword.testimonial.TestimonialEditLinkController;
import io.goodword.testimonial.TestimonialEmbedController;
import io.goodword.testimonial.TestimonialFeedController;
import io.goodword.testimonial.TestimonialImportController;
import io.goodword.testimonial.TestimonialModeration;
import io.goodword.testimonial.TestimonialModerationController;
import io.goodword.testimonial.TestimonialReviewController;
import io.goodword.testimonial.TestimonialSetupController;
import io.goodword.testimonial.TestimonialWallController;
import io.goodword.testimonial.TestimonialService;
import io.goodword.web.HealthController;
import io.goodword.web.I18n;
import io.goodword.web.Templates;
import io.goodword.web.WebApp;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    private final DataDirLock lock;

    private App(Config config, Database db, MailWorker worker, Javalin web, DataDirLock lock) {
        this.config = config;
        this.db = db;
        this.worker = worker;
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
        CompletableFuture<Integer> assetsLoaded = CompletableFuture.supplyAsync(io.goodword.web.StaticAssets::preload, App::startupThread);
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
            Jdbi jdbi = db.jdbi();
            I18n i18n = joined(messagesLoaded);
            TemplateEngine templates = Templates.create(config);
            Outbox outbox = new Outbox(templates, clock, config.smtp().configured());
            Throttle throttle = new Throttle(jdbi, clock);
            Secrets secrets = new Secrets(jdbi);
            FormGuard guard = new FormGuard(jdbi, secrets, throttle, clock);

            AccountDao accounts = jdbi.onDemand(AccountDao.class);
            WorkspaceDao workspaces = jdbi.onDemand(WorkspaceDao.class);
            ImageStore images = new ImageStore(config.uploadsDir(), jdbi, clock);
            Auth auth = new Auth(accounts, clock);
            io.goodword.audit.AuditLog auditLog = new io.goodword.audit.AuditLog(jdbi);
            AccountService accountService = new AccountService(jdbi, outbox, i18n, clock, config.baseUrl());
            CaseStudyDao caseStudies = jdbi.onDemand(CaseStudyDao.class);
            CaseStudyService caseStudyService = new CaseStudyService(jdbi, outbox, i18n, clock, config.baseUrl());
            // The freelancer's public site (/p/{slug}): one resolver, one brand, one testimonial projection.
            PublicSites sites = new PublicSites(workspaces, i18n);
            PublicTestimonials publicTestimonials = jdbi.onDemand(PublicTestimonials.class);
            CaseStudyPublicController caseStudyPages = new CaseStudyPublicController(caseStudies, caseStudyService,
                    sites, auth, config.baseUrl());

            Referrals referrals = Referrals.wire(jdbi, outbox, i18n, throttle, new AttributionCookie(secrets, clock), clock,
                    config.baseUrl());

            PublicCache publicCache = new PublicCache(jdbi, config.publicCache());
            TestimonialService testimonials = new TestimonialService(jdbi, outbox, images, publicCache, i18n, clock, config.baseUrl());
            TestimonialModeration moderation = new TestimonialModeration(jdbi, publicCache, clock);
            TestimonialDao testimonialDao = jdbi.onDemand(TestimonialDao.class);
            CachedPages cachedPages = new CachedPages(publicCache, publicTestimonials, workspaces, sites, templates, i18n,
                    config.baseUrl());

            // Clients and asking. Other features provide steps of the client's check-in flow (AskStep).
            Map<Step, AskStep> askSteps = Stream.of(new TestimonialAskStep(testimonials, jdbi, guard), new ReferralAskStep(referrals, guard))
                    .collect(Collectors.toMap(AskStep::step, s -> s));
            AskService askService = new AskService(jdbi, outbox, i18n, clock, config.baseUrl(), new AskFlow(askSteps.keySet()),
                    config.askDelaySeed() == null ? new java.util.Random() : new java.util.Random(config.askDelaySeed()));
            ClientService clientService = new ClientService(jdbi, askService, clock);

            WebApp.Features features = new WebApp.Features(
                    auth,
                    new AccountController(accountService, accounts, auth, guard, i18n, config.signupOpen()),
                    new SettingsController(accountService, workspaces, accounts, images, config.baseUrl(), auth),
                    new OutboxController(jdbi.onDemand(OutboxDao.class), config.smtp().configured()),
                    new MediaController(images),
                    new HealthController(db),
                    new ClientListController(clientService, jdbi.onDemand(ClientDao.class), jdbi.onDemand(ProjectDao.class)),
                    new ClientPageController(clientService, jdbi.onDemand(ClientDao.class), jdbi.onDemand(ProjectDao.class),
                            jdbi.onDemand(AskDao.class), askService),
                    new ClientProjectController(clientService, jdbi.onDemand(ClientDao.class), jdbi.onDemand(ProjectDao.class)),
                    new ClientCsvController(clientService, jdbi.onDemand(ClientDao.class)),
                    new AskAdminController(askService, jdbi.onDemand(AskDao.class), jdbi.onDemand(AskSettingsDao.class),
                            workspaces, i18n, config.baseUrl()),
                    new ClientFlowController(askService, guard, askSteps),
                    new UnsubscribeController(askService),
                    new CaseStudyController(caseStudyService, caseStudies, images, caseStudyPages,
                            secrets.signer("case-study-cover")),
                    caseStudyPages,
                    new ApprovalController(caseStudyService, caseStudies, workspaces, guard),
                    new ReferralAdminController(referrals, jdbi.onDemand(ProgramDao.class), jdbi.onDemand(LinkDao.class), config.baseUrl()),
                    new ReferralPipelineController(referrals, jdbi.onDemand(LeadDao.class), jdbi.onDemand(RewardDao.class)),
                    new ReferralPublicController(referrals, jdbi.onDemand(LinkDao.class), guard, sites, publicTestimonials),
                    new TestimonialWallController(cachedPages, sites),
                    new TestimonialEmbedController(cachedPages),
                    new TestimonialFeedController(cachedPages),
                    new TestimonialReviewController(sites, testimonials, testimonialDao, guard),
                    new TestimonialEditLinkController(sites, testimonials, guard),
                    new TestimonialModerationController(testimonialDao, workspaces, moderation),
                    new TestimonialImportController(testimonialDao, workspaces, testimonials),
                    new TestimonialSetupController(testimonialDao, workspaces, moderation, config.baseUrl()),
                    publicCache,
                    auditLog,
                    new io.goodword.audit.AuditController(jdbi.onDemand(io.goodword.audit.AuditDao.class)),
                    new io.goodword.data.DataController(new io.goodword.data.WorkspaceExport(jdbi, images, clock),
                            new io.goodword.data.WorkspaceImport(jdbi, images),
                            new io.goodword.data.PrivacyService(jdbi, images, clock), jdbi.onDemand(ClientDao.class),
                            jdbi.onDemand(io.goodword.data.PrivacyDao.class), auditLog, clock),
                    new io.goodword.growth.DashboardController(
                            new io.goodword.growth.Dashboard(jdbi.onDemand(io.goodword.growth.GrowthDao.class)),
                            jdbi.onDemand(io.goodword.growth.GrowthDao.class), workspaces,
                            jdbi.onDemand(AskSettingsDao.class), clock, config.baseUrl()));

            MailWorker worker = new MailWorker(jdbi, config.smtp().configured() ? new SmtpSender(config.smtp()) : null,
                    clock, config.mailPollMillis());
            worker.addJob(throttle::purgeOld);
            worker.addJob(guard::purgeOld);
            worker.addJob(askService.worker()::runDue);
            worker.addJob(images::sweepIfDue);

            long t1 = System.nanoTime();
            int assets = joined(assetsLoaded);
            Javalin web = WebApp.create(config, db.dataSource(), i18n, templates, features);
            web.start(config.port());
            worker.start();
            long t2 = System.nanoTime();
            log.info("Start-up phases: database {} ms, features {} ms, web server and {} static files {} ms; total {} ms",
                    (tDb - t0) / 1_000_000, (t1 - tDb) / 1_000_000, assets, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000);
            return new App(config, db, worker, web, lock);
        } catch (RuntimeException e) {
            db.close();
            lock.close();
            throw e;
        }
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

    /** Stops accepting requests, lets in-flight ones finish, stops the worker, then the database. */
    @Override
    public void close() {
        log.info("Goodword is stopping");
        web.stop();
        worker.close();
        db.close();
        lock.close();
    }
}
