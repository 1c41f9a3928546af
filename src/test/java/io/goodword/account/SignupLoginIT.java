package io.goodword.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import io.goodword.security.Limit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignupLoginIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    /** All test requests come from 127.0.0.1; this app trusts X-Forwarded-For, so tests can vary the client IP. */
    @RegisterExtension
    static final AppExtension proxied = new AppExtension().env(Map.of("TRUST_PROXY", "true"));

    private static final java.util.concurrent.atomic.AtomicInteger IPS = new java.util.concurrent.atomic.AtomicInteger();

    private static Map<String, String> newIp() {
        int n = IPS.incrementAndGet();
        return Map.of("X-Forwarded-For", "198.51." + (System.nanoTime() / 1000 % 200 + n) % 250 + "." + (n % 250 + 1));
    }

    /** Runs the same request n times at once; the statuses, in no particular order. */
    private static List<Integer> parallel(int n, java.util.concurrent.Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(java.util.Collections.nCopies(n, request))) statuses.add(f.get());
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, String> signup(String email, String password, String name, String slug) {
        return Map.of("email", email, "password", password, "displayName", name, "slug", slug);
    }

    private static long accounts(String email) {
        return TestDb.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE email = :e")
                .bind("e", email).mapTo(Long.class).one());
    }

    private static long workspaces(String slug) {
        return TestDb.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workspaces WHERE slug = :s")
                .bind("s", slug).mapTo(Long.class).one());
    }

    @Test
    void signup_creates_account_and_workspace_and_signs_in() {
        String slug = Fixtures.unique("ada");
        Http http = app.http();
        Http.Response r = http.post("/signup", signup(slug + "@Example.com", "correct horse battery", "Ada Lovelace", slug));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.location()).isEqualTo("/admin");
        assertThat(accounts(slug + "@example.com")).isEqualTo(1);
        String hash = TestDb.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM accounts WHERE email = :e")
                .bind("e", slug + "@example.com").mapTo(String.class).one());
        assertThat(hash).startsWith("$argon2id$");
        Http.Response admin = http.get("/admin");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.html().select("h1").text()).isEqualTo("Welcome, Ada Lovelace");
        assertThat(admin.html().select(".flash").text()).contains("Welcome to Goodword");
    }

    /**
     * The sign-up page's script sends the browser's zone (AccountBrowserIT runs it): check-in hours and the dashboard's
     * days are the workspace's own from the start. A zone Settings does not offer, or anything hostile, starts the
     * workspace on UTC without an error on a field the person never saw.
     */
    @Test
    void the_workspace_starts_in_the_zone_the_browser_sent_and_on_utc_for_anything_else() {
        Map<String, String> sent = new java.util.LinkedHashMap<>();
        sent.put("America/New_York", "America/New_York");
        sent.put("Asia/Kolkata", "Asia/Kolkata");
        sent.put("Mars/Olympus_Mons", "UTC");
        sent.put("Etc/GMT+5", "UTC");
        sent.put("<script>alert(1)</script>", "UTC");
        sent.put("Europe/Berlin\r\nX-Injected: 1", "UTC");
        sent.put("", "UTC");
        sent.put(null, "UTC");
        for (Map.Entry<String, String> c : sent.entrySet()) {
            String slug = Fixtures.unique("zone");
            Map<String, String> form = new java.util.HashMap<>(signup(slug + "@example.com", "correct horse battery", "Zoe Zone", slug));
            if (c.getKey() != null) form.put("timeZone", c.getKey());
            assertThat(proxied.http().post("/signup", form, newIp()).status()).as(String.valueOf(c.getKey())).isEqualTo(303);
            String zone = TestDb.jdbi().withHandle(h -> h.createQuery("SELECT time_zone FROM workspaces WHERE slug = :s")
                    .bind("s", slug).mapTo(String.class).one());
            assertThat(zone).as(String.valueOf(c.getKey())).isEqualTo(c.getValue());
        }
    }

    @Test
    void bad_signup_input_is_refused_with_messages_and_the_input_kept() {
        Fixtures.Freelancer taken = Fixtures.freelancer();
        String fresh = Fixtures.unique("new");
        record Case(Map<String, String> form, String field, String message) {}
        Case[] cases = {
                new Case(signup(taken.email(), "correct horse battery", "Someone", fresh), "email", "already exists"),
                new Case(signup("not-an-email", "correct horse battery", "Someone", fresh), "email", "does not look like an email"),
                new Case(signup(fresh + "@example.com", "correct horse battery", "Someone", taken.slug()), "slug", "already taken"),
                new Case(signup(fresh + "@example.com", "correct horse battery", "Someone", "admin"), "slug", "reserved"),
                new Case(signup(fresh + "@example.com", "correct horse battery", "Someone", "Not A Slug!"), "slug", "lowercase"),
                new Case(signup(fresh + "@example.com", "short", "Someone", fresh), "password", "at least 10"),
                new Case(signup(fresh + "@example.com", "1234567890", "Someone", fresh), "password", "too common"),
                new Case(signup(fresh + "@example.com", "correct horse battery", "x".repeat(101), fresh), "displayName", "100 characters"),
        };
        for (Case c : cases) {
            Http.Response r = app.http().post("/signup", c.form());
            assertThat(r.status()).as(c.field()).isEqualTo(422);
            Document page = r.html();
            assertThat(page.select("#f-" + c.field() + "-error").text()).as(c.field()).contains(c.message());
            assertThat(page.select("#f-password").attr("value")).as("password never sent back").isEmpty();
            if (!c.field().equals("email")) assertThat(page.select("#f-email").attr("value")).isEqualTo(c.form().get("email"));
            assertThat(page.select("#f-displayName").attr("value")).isEqualTo(c.form().get("displayName"));
        }
        assertThat(accounts(fresh + "@example.com")).isZero();
        assertThat(workspaces(fresh)).isZero();
    }

    @Test
    void a_post_without_csrf_token_is_refused_and_changes_nothing() {
        String slug = Fixtures.unique("csrf");
        Http http = app.http();
        http.csrfToken();
        Http.Response r = http.postRaw("/signup", signup(slug + "@example.com", "correct horse battery", "Eve", slug));
        assertThat(r.status()).isEqualTo(403);
        Http.Response forged = http.postRaw("/signup", Map.of("_csrf", "forged-token-value-forged-token-value-forge",
                "email", slug + "@example.com", "password", "correct horse battery", "displayName", "Eve", "slug", slug));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(accounts(slug + "@example.com")).isZero();
    }

    @Test
    void login_succeeds_with_a_new_session_id_and_logout_ends_it() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = app.http();
        http.get("/admin"); // anonymous: a session is created to remember where to return
        String before = http.cookie("gw_session");
        Http.Response r = http.post("/login", Map.of("username", f.email(), "password", Fixtures.PASSWORD));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.location()).isEqualTo("/admin");
        assertThat(http.cookie("gw_session")).isNotNull().isNotEqualTo(before);
        assertThat(http.get("/admin").status()).isEqualTo(200);
        assertThat(http.post("/logout", Map.of()).status()).isIn(302, 303);
        Http.Response after = http.get("/admin");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).endsWith("/login");
    }

    @Test
    void anonymous_admin_visit_goes_to_login_and_back_after() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = app.http();
        Http.Response r = http.get("/admin/settings");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/login");
        Http.Response login = http.post("/login", Map.of("username", f.email(), "password", Fixtures.PASSWORD));
        assertThat(login.location()).isEqualTo("/admin/settings");
    }

    @Test
    void wrong_login_says_so_without_telling_which_part_was_wrong() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http.Response wrongPassword = app.http().post("/login", Map.of("username", f.email(), "password", "not the password"));
        Http.Response wrongEmail = app.http().post("/login", Map.of("username", "nobody-" + f.email(), "password", Fixtures.PASSWORD));
        for (Http.Response r : new Http.Response[] {wrongPassword, wrongEmail}) {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.html().select("#form-error").text()).isEqualTo("That email and password do not match an account. Please try again.");
        }
        assertThat(wrongPassword.html().select("#f-username").attr("value")).isEqualTo(f.email());
        assertThat(wrongPassword.html().select("#f-password").attr("value")).isEmpty();
    }

    @Test
    void an_attacker_failing_ten_times_from_one_ip_cannot_lock_the_owner_out_from_another() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Map<String, String> attacker = newIp();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(proxied.http().post("/login", Map.of("username", f.email(), "password", "wrong " + i), attacker).status());
        }
        assertThat(statuses.subList(0, Limit.LOGIN_PAIR.max())).containsOnly(422);
        assertThat(statuses.subList(Limit.LOGIN_PAIR.max(), 10)).containsOnly(429);
        // the attacker's place is held back, even with the right password
        Http.Response locked = proxied.http().post("/login", Map.of("username", f.email(), "password", Fixtures.PASSWORD), attacker);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.html().select("#form-error").text()).contains("Too many failed sign-ins");
        assertThat(locked.header("Retry-After")).isNotNull();
        // the owner, elsewhere, signs in
        Http.Response owner = proxied.http().post("/login", Map.of("username", f.email(), "password", Fixtures.PASSWORD), newIp());
        assertThat(owner.status()).isEqualTo(303);
    }

    @Test
    void a_parallel_burst_of_wrong_passwords_gets_no_more_tries_than_the_limit() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Map<String, String> ip = newIp();
        List<Integer> statuses = parallel(20, () -> proxied.http()
                .post("/login", Map.of("username", f.email(), "password", "wrong guess"), ip).status());
        assertThat(statuses).containsOnly(422, 429);
        assertThat(statuses.stream().filter(s -> s == 422).count()).isLessThanOrEqualTo(Limit.LOGIN_PAIR.max());
    }

    @Test
    void signups_are_limited_per_ip_even_in_a_parallel_burst() throws Exception {
        Map<String, String> ip = newIp();
        int n = Limit.SIGNUP_IP.max() + 5;
        List<Integer> statuses = parallel(n, () -> {
            String slug = Fixtures.unique("burst");
            return proxied.http().post("/signup", signup(slug + "@example.com", "correct horse battery", "Burst", slug), ip).status();
        });
        // 503: the password-hashing queue was full (a loaded machine); nothing is stored and the attempt still counts
        assertThat(statuses).isSubsetOf(303, 429, 503);
        long created = statuses.stream().filter(s -> s == 303).count();
        long busy = statuses.stream().filter(s -> s == 503).count();
        assertThat(created).isLessThanOrEqualTo(Limit.SIGNUP_IP.max());
        // a burst may be refused more than needed (never less); one by one, the IP gets exactly the rest
        String slug;
        Http.Response next;
        do {
            slug = Fixtures.unique("later");
            next = proxied.http().post("/signup", signup(slug + "@example.com", "correct horse battery", "Later", slug), ip);
            if (next.status() == 303) created++;
        } while (next.status() == 303 && created <= Limit.SIGNUP_IP.max());
        Http.Response refused = next;
        assertThat(created).isBetween(Limit.SIGNUP_IP.max() - busy, (long) Limit.SIGNUP_IP.max());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.html().select("#f-email").attr("value")).isEqualTo(slug + "@example.com");
        assertThat(accounts(slug + "@example.com")).isZero();
        // another IP still signs up
        String other = Fixtures.unique("other");
        assertThat(proxied.http().post("/signup", signup(other + "@example.com", "correct horse battery", "Other", other), newIp()).status())
                .isEqualTo(303);
    }

    @Test
    void twenty_failed_logins_from_one_ip_lock_that_ip() {
        // All test requests come from 127.0.0.1; use a second app whose proxy header we trust to vary the IP.
        {
            String ip = "203.0.113." + (System.nanoTime() % 200 + 1);
            Fixtures.Freelancer f = Fixtures.freelancer();
            Map<String, String> fromThatIp = Map.of("X-Forwarded-For", ip);
            for (int i = 0; i < 20; i++) {
                Http.Response r = proxied.http().post("/login",
                        Map.of("username", "user" + i + "@example.com", "password", "wrongwrong"), fromThatIp);
                assertThat(r.status()).isEqualTo(422);
            }
            Http.Response r = proxied.http().post("/login",
                    Map.of("username", f.email(), "password", Fixtures.PASSWORD), fromThatIp);
            assertThat(r.status()).isEqualTo(429);
        }
    }

    @Test
    void closed_signup_admits_only_the_first_account() {
        try (TestApp closed = TestApp.start(Map.of("SIGNUP", "closed"))) {
            // The shared test database already has accounts, so sign-up is closed here.
            String slug = Fixtures.unique("late");
            Http.Response form = closed.http().get("/signup");
            assertThat(form.status()).isEqualTo(403);
            assertThat(form.html().text()).contains("New sign-ups are closed");
            Http.Response r = closed.http().post("/signup", signup(slug + "@example.com", "correct horse battery", "Late", slug));
            assertThat(r.status()).isEqualTo(403);
            assertThat(accounts(slug + "@example.com")).isZero();
        }
    }
}
