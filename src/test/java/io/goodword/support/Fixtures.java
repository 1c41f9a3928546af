package io.goodword.support;

import io.goodword.account.AccountDao;
import io.goodword.account.WorkspaceDao;
import io.goodword.security.Passwords;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/** Test data built through the DAOs (not SQL dumps); every name is unique so test classes never collide. */
public final class Fixtures {
    public static final String PASSWORD = "a long enough test password";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    private Fixtures() {}

    public record Freelancer(long accountId, long workspaceId, String email, String slug, String displayName) {}

    public static String unique(String prefix) { return prefix + "-" + RUN + "-" + SEQ.incrementAndGet(); }

    /** A freelancer with a workspace, whose password is {@link #PASSWORD}. */
    public static Freelancer freelancer() { return freelancer(TestDb.jdbi()); }

    public static Freelancer freelancer(Jdbi jdbi) {
        String slug = unique("fl");
        String email = slug + "@example.com";
        String name = "Freelancer " + slug;
        String hash = Passwords.hash(PASSWORD);
        return jdbi.inTransaction(h -> {
            long ws = h.attach(WorkspaceDao.class).insert(slug, name, "en");
            long id = h.attach(AccountDao.class).insert(ws, email, hash, name);
            return new Freelancer(id, ws, email, slug, name);
        });
    }

    /** A visitor signed in as the freelancer. */
    public static Http signedIn(TestApp app, Freelancer f) {
        Http http = app.http();
        Http.Response r = http.post("/login", Map.of("username", f.email(), "password", PASSWORD));
        if (r.status() != 303) throw new IllegalStateException("sign-in failed: " + r.status() + "\n" + r.body());
        return http;
    }

    public static Http signedIn(AppExtension app, Freelancer f) { return signedIn(app.get(), f); }
}
