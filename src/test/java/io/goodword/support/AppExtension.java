package io.goodword.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.goodword.App;
import io.goodword.Config;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The portal started once for a test class and stopped after it, optionally with a real SMTP server (GreenMail)
 * it sends to, extra environment and a clock the test moves:
 * <pre>
 * &#64;RegisterExtension
 * static final AppExtension app = new AppExtension().withMail().env(Map.of("TRUST_PROXY", "true"));
 * </pre>
 * It answers what a {@link TestApp} answers ({@code app.http()}, {@code app.url(…)}, {@code app.app()}), plus
 * {@link #mails()}. A class that needs a second process starts it with {@link TestApp#start} in the test.
 */
public final class AppExtension implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> env = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private boolean withMail;
    private GreenMail greenMail;
    private Mails mails;
    private Map<String, String> startedEnv = Map.of();
    private TestApp started;

    /** The portal as TestApp starts it: no SMTP, so mail waits in the outbox. */
    public AppExtension() {}

    /** With a GreenMail SMTP server on a free port, which the portal sends to (SMTP_HOST, SMTP_PORT). */
    public AppExtension withMail() {
        this.withMail = true;
        return this;
    }

    /** Extra environment variables (e.g. TRUST_PROXY, or MAIL_POLL_MILLIS=0 to drive the worker by hand). */
    public AppExtension env(Map<String, String> extra) {
        env.putAll(extra);
        return this;
    }

    public AppExtension clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Every request of every class comes from 127.0.0.1, and the limits count in the fork's database for an hour:
        // without this, whether a class's sign-up met "10 an hour from this IP" depended on the order failsafe ran
        // the classes in (PasswordHashingIT got 429 on one fresh clone). Classes of a fork run one after another.
        Map<String, String> all = new HashMap<>();
        if (withMail) {
            greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            greenMail.start();
            mails = new Mails(greenMail);
            all.put("SMTP_HOST", "127.0.0.1");
            all.put("SMTP_PORT", String.valueOf(greenMail.getSmtp().getPort()));
        }
        all.putAll(env);
        startedEnv = Map.copyOf(all);
        started = TestApp.start(all, clock);
        TestDb.jdbi().useHandle(h -> h.execute("DELETE FROM throttle_events")); // after start: it migrates a new database
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (started != null) started.close();
        } finally {
            if (greenMail != null) greenMail.stop();
        }
    }

    /** The running portal, for code that wants a {@link TestApp} itself. */
    public TestApp get() {
        if (started == null) throw new IllegalStateException("the portal starts before the class's first test");
        return started;
    }

    /** The extra environment the portal got (SMTP, env(…)): a second process of the same installation starts with it. */
    public Map<String, String> env() { return startedEnv; }

    /** The emails the portal sent (needs {@link #withMail()}). */
    public Mails mails() {
        if (mails == null) throw new IllegalStateException("no SMTP server: register the extension withMail()");
        return mails;
    }

    public String baseUrl() { return get().baseUrl(); }

    public String url(String path) { return get().url(path); }

    public Config config() { return get().config(); }

    public App app() { return get().app(); }

    /** A new visitor: its own cookies, no redirects followed. */
    public Http http() { return get().http(); }
}
