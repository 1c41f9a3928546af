package io.goodword.support;

import io.goodword.account.AccountDao;
import io.goodword.account.WorkspaceDao;
import io.goodword.security.Passwords;
import io.goodword.testimonial.TestimonialDao;
import io.goodword.testimonial.TestimonialService;
import io.goodword.testimonial.TestimonialSource;
import io.goodword.testimonial.TestimonialStatus;
import java.time.Instant;
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

    /**
     * A five-star testimonial stored through {@link TestimonialDao}, as the review form stores one (so a change to the
     * table breaks this one place); approved ones carry an approval time.
     */
    public static long testimonial(long workspaceId, TestimonialStatus status, String name, String role, String body,
                                   String company, String email, boolean consentPublish, boolean showCompany) {
        return TestDb.jdbi().onDemand(TestimonialDao.class).insert(workspaceId, null, status.db(), TestimonialSource.FORM.db(),
                false, 5, body, TestimonialService.bodyHash(body), name, role, company, "", email, null, consentPublish,
                false, showCompany, null, null, status == TestimonialStatus.APPROVED ? Instant.now() : null);
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
