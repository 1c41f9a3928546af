package io.goodword.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Hostile;
import io.goodword.support.HostileForms;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import io.goodword.support.TestDb;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile input into every public form and upload and every admin form, over one started portal: the Big List of
 * Naughty Strings, XSS polyglots, SQL, invalid UTF-8, NUL, CR/LF, 100 KB values, decompression bombs and polyglot
 * images. Forms are read from the rendered pages (nothing about their fields is hard-coded), admin forms are found by
 * crawling the admin, and every POST route of the code base must have been hit. Asserts: no 5xx, no injected markup
 * in any page (the response, the page it redirects to, and the pages that show stored data), nothing stored by a
 * refused submission, and only clean re-encoded images in the uploads directory.
 */
class HostileInputIT {
    /** POST routes not fuzzed here, with why. */
    static final Set<String> NOT_FUZZED = Set.of(
            "/logout",      // ends the session the crawl runs in; it reads no field but the CSRF token
            "/u/{}",        // one-click unsubscribe (RFC 8058): no field is read, the token is all there is
            // the logo alone, kept for scripts: the settings page sends the logo with the profile form (fuzzed
            // there), and hostile images on this route are UploadSafetyIT's
            "/admin/settings/logo");

    static final int PUBLIC_POSTS = Integer.getInteger("hostile.publicPosts", 45);
    static final int ADMIN_POSTS = Integer.getInteger("hostile.adminPosts", 5);

    static final MutableClock clock = new MutableClock(Instant.now());
    @RegisterExtension
    static final AppExtension app = new AppExtension().clock(clock);
    static Jdbi jdbi;
    static final List<Hostile.Value> VALUES = Hostile.values();
    static final List<Hostile.File> FILES = Hostile.files();
    static final int[] NEXT = {0};
    static final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    static final Set<String> postedRoutes = new java.util.concurrent.ConcurrentSkipListSet<>();
    static final Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();

    @BeforeAll
    static void start() {
        jdbi = TestDb.jdbi();
    }

    @AfterAll
    static void stop() {
        // The fuzzer's clock ran hours ahead: its limit counts from 127.0.0.1 would otherwise still be "recent" for
        // every test class after this one, which signs in from the same address on the real clock.
        jdbi.useHandle(h -> h.execute("DELETE FROM throttle_events WHERE at > ?", Instant.now().minusSeconds(3600)));
    }

    @Test
    void hostile_input_in_every_form_never_causes_a_5xx_never_becomes_markup_and_stores_nothing_it_should_not() throws Exception {
        long t0 = System.nanoTime();
        assertThat(VALUES).hasSizeGreaterThanOrEqualTo(500);

        // Workspace A takes the public forms; a second account signs in, forgets and resets its password.
        Fixtures.Freelancer a = Fixtures.freelancer();
        Fixtures.Freelancer visitorAccount = Fixtures.freelancer();
        Public p = seedPublic(a);

        // Two visitors at once, to keep the run short: each lane holds the forms whose stored-row counts it checks
        // (review and check-in both store testimonials, landing and contact both store leads), so neither lane's count
        // can move under the other's feet.
        inParallel(() -> {
            fuzz("review", app.http(), () -> "/p/" + a.slug() + "/review", PUBLIC_POSTS, "SELECT COUNT(*) FROM testimonials WHERE workspace_id = " + a.workspaceId());
            fuzz("edit link", app.http(), () -> "/testimonial/edit/" + p.editToken(), PUBLIC_POSTS / 2, null);
            fuzz("author link", app.http(), () -> "/testimonial/edit/" + p.authorToken(), PUBLIC_POSTS / 2, null);
            fuzz("confirm link", app.http(), () -> "/testimonial/confirm/" + p.confirmToken(), PUBLIC_POSTS / 4, null);
            fuzz("check-in", app.http(), () -> "/c/" + p.askToken(), PUBLIC_POSTS, null);
            fuzz("approval", app.http(), () -> "/approve/" + p.approvalToken(), PUBLIC_POSTS, null);
            fuzz("sign-up", null, () -> "/signup", PUBLIC_POSTS, null);
        }, () -> {
            fuzz("referral landing", app.http(), () -> "/r/" + p.code(), PUBLIC_POSTS, "SELECT COUNT(*) FROM referral_leads WHERE workspace_id = " + a.workspaceId());
            fuzz("contact", app.http(), () -> "/p/" + a.slug() + "/contact", PUBLIC_POSTS, "SELECT COUNT(*) FROM referral_leads WHERE workspace_id = " + a.workspaceId());
            fuzz("sign-in", app.http(), () -> "/login", PUBLIC_POSTS, null);
            fuzz("forgot", app.http(), () -> "/password/forgot", PUBLIC_POSTS, null);
            fuzz("reset", app.http(), () -> "/password/reset/" + resetToken(visitorAccount.accountId()), PUBLIC_POSTS, null);
        });

        long tPublic = System.nanoTime();

        // Workspace B: every admin form found by crawling, with something in every corner first.
        Fixtures.Freelancer b = Fixtures.freelancer();
        seedAdmin(b);
        Http adminB = Fixtures.signedIn(app, b);
        Map<String, String> formPages = new LinkedHashMap<>();
        for (Map.Entry<String, Document> e : crawl(adminB, "/admin").entrySet()) {
            for (HostileForms.Form f : HostileForms.forms(e.getValue(), e.getKey())) {
                String route = route(f.action());
                if (route.equals("/logout")) continue;
                formPages.putIfAbsent(route, e.getKey());
            }
        }
        // Destructive forms last, so the rest still find their rows.
        List<Map.Entry<String, String>> ordered = new ArrayList<>(formPages.entrySet());
        ordered.sort((x, y) -> Boolean.compare(destructive(x.getKey()), destructive(y.getKey())));
        for (Map.Entry<String, String> e : ordered) {
            String route = e.getKey();
            fuzzForm("admin " + route, adminB, e.getValue(), route, ADMIN_POSTS);
        }
        long tAdmin = System.nanoTime();
        fuzzStatefulForms(b, adminB);
        long tStateful = System.nanoTime();
        for (String page : crawl(adminB, "/admin").keySet()) check("stored (B admin)", "GET " + page, adminB.get(page), adminB);

        // The rest of the list goes into the public forms that stay open, so every value is sent at least once (last, so
        // the admin forms' posts count towards the list too).
        String reviewPath = "/p/" + a.slug() + "/review";
        for (int round = 0; round < 400 && NEXT[0] < VALUES.size(); round++) {
            Http http = app.http();
            HostileForms.Form form = HostileForms.forms(http.get(reviewPath).html(), reviewPath).stream()
                    .filter(f -> f.action().endsWith("/review")).findFirst().orElseThrow();
            postOnce("review", http, form, round, "SELECT COUNT(*) FROM testimonials WHERE workspace_id = " + a.workspaceId());
        }

        // Whatever the public forms stored is shown to the freelancer and, once approved, to everybody.
        jdbi.useHandle(h -> h.createUpdate("UPDATE testimonials SET status = 'approved', consent_publish = TRUE WHERE workspace_id = :ws")
                .bind("ws", a.workspaceId()).execute());
        Http adminA = Fixtures.signedIn(app, a);
        for (String page : crawl(adminA, "/admin").keySet()) check("stored (A admin)", "GET " + page, adminA.get(page), adminA);
        Http anonymous = app.http();
        for (String page : List.of("/p/" + a.slug(), "/p/" + a.slug() + "/case-studies", "/p/" + a.slug() + "/review",
                "/p/" + a.slug() + "/contact", "/r/" + p.code())) {
            check("stored (A public)", "GET " + page, anonymous.get(page), anonymous);
        }

        // Coverage: every POST route of the code base was posted to (or is listed, with a reason, as not fuzzed).
        Set<String> missing = new TreeSet<>(postRoutes(app));
        missing.removeAll(postedRoutes);
        missing.removeAll(NOT_FUZZED);

        // Uploads: only clean, decodable, re-encoded PNGs were kept.
        List<String> badFiles = badUploads(app.config().dataDir());
        // Refused or cleaned: no stored text in A carries a NUL byte.
        long nul = jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws AND (INSTR(body, CHAR(0)) > 0 OR INSTR(name, CHAR(0)) > 0))
                     + (SELECT COUNT(*) FROM referral_leads WHERE workspace_id = :ws AND (INSTR(name, CHAR(0)) > 0 OR INSTR(message, CHAR(0)) > 0))""")
                .bind("ws", a.workspaceId()).mapTo(Long.class).one());

        System.out.printf("HostileInputIT: %d hostile values (%d sent), %d files, %d routes posted, statuses %s, %.1f s"
                        + " (public forms %.1f s, admin forms %.1f s, forms that need a state %.1f s, rest of the list and stored %.1f s)%n",
                VALUES.size(), NEXT[0], FILES.size(), postedRoutes.size(), statuses, (System.nanoTime() - t0) / 1e9,
                (tPublic - t0) / 1e9, (tAdmin - tPublic) / 1e9, (tStateful - tAdmin) / 1e9, (System.nanoTime() - tStateful) / 1e9);
        assertThat(failures).as("5xx or injected markup").isEmpty();
        assertThat(NEXT[0]).as("every hostile value was sent at least once").isGreaterThanOrEqualTo(VALUES.size());
        assertThat(missing).as("POST routes never reached by the fuzzer").isEmpty();
        assertThat(badFiles).as("uploads that are not clean re-encoded images").isEmpty();
        assertThat(nul).as("stored values with a NUL byte").isZero();
    }

    // ------------------------------------------------------------------ fuzzing

    /** Runs the lanes at once and waits for both; a lane's exception fails the test. */
    static void inParallel(Runnable... lanes) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(lanes.length);
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (Runnable lane : lanes) running.add(pool.submit(lane));
            for (java.util.concurrent.Future<?> f : running) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Posts {@code posts} hostile fillings of the POST forms on the page {@code page} (re-read before every post). */
    static void fuzz(String label, Http visitor, Supplier<String> page, int posts, String countSql) {
        for (int round = 0; round < posts; round++) {
            Http http = visitor != null ? visitor : app.http();
            String path = page.get();
            Http.Response shown = http.get(path);
            check(label, "GET " + path, shown, http);
            List<HostileForms.Form> forms = HostileForms.forms(shown.html(), path).stream()
                    .filter(f -> !route(f.action()).equals("/logout")).toList();
            if (forms.isEmpty()) {
                if (round == 0) failures.add(label + ": no form on " + path + " (" + shown.status() + ")");
                return;
            }
            HostileForms.Form form = forms.get(round % forms.size());
            postOnce(label, http, form, round, countSql);
        }
    }

    /** Fuzzes one admin form, found on {@code page} by its route. */
    static void fuzzForm(String label, Http http, String page, String route, int posts) {
        for (int round = 0; round < posts; round++) {
            Http.Response shown = http.get(page);
            if (shown.status() == 404) return; // erased or archived by an earlier destructive form
            check(label, "GET " + page, shown, http);
            HostileForms.Form form = HostileForms.forms(shown.html(), page).stream()
                    .filter(f -> route(f.action()).equals(route)).findFirst().orElse(null);
            if (form == null) return;
            postOnce(label, http, form, round, null);
        }
    }

    static void postOnce(String label, Http http, HostileForms.Form form, int round, String countSql) {
        clock.advance(Duration.ofSeconds(5)); // past every minimum fill time, without sleeping
        int from;
        int to;
        HostileForms.Filled filled;
        synchronized (NEXT) { // the two lanes of public forms share the list
            from = NEXT[0];
            filled = HostileForms.fill(form, VALUES, NEXT, round, FILES);
            to = NEXT[0];
        }
        long before = countSql == null ? 0 : count(countSql);
        Http.Response r = HostileForms.post(http, form.action(), form.multipart(), filled);
        postedRoutes.add(route(form.action()));
        String what = "POST " + form.action() + " values " + labels(from, to) + " files " + filled.files().values().stream().map(Hostile.File::label).toList();
        check(label, what, r, http);
        // The CSRF token is always sent as rendered: a 403 means the form came from another visitor's page, and the
        // post never reached its handler (not fuzzed at all).
        if (r.status() == 403) failures.add(label + ": 403, the post never reached its handler: " + what);
        if (r.status() == 429) clock.advance(Duration.ofHours(2)); // let the limit window pass; the next post is judged again
        if (countSql != null && (r.status() < 300 || r.status() >= 400) && count(countSql) != before) {
            failures.add(label + ": refused with " + r.status() + " but a row was stored: " + what);
        }
    }

    /** No 5xx; no injected markup in the page or in the page it redirects to. */
    static void check(String label, String what, Http.Response r, Http http) {
        statuses.merge(r.status(), 1, Integer::sum);
        if (r.status() >= 500) {
            failures.add(label + ": " + r.status() + " for " + what);
            return;
        }
        String type = r.header("Content-Type");
        if (type != null && type.startsWith("text/html")) {
            List<String> hits = HostileForms.injected(r.html());
            if (!hits.isEmpty()) failures.add(label + ": injected " + hits + " in the answer to " + what);
        }
        String location = r.location();
        if (r.status() / 100 == 3 && location != null && location.startsWith("/")) {
            Http.Response next = http.get(location);
            statuses.merge(next.status(), 1, Integer::sum);
            if (next.status() >= 500) failures.add(label + ": " + next.status() + " after redirect to " + location + " from " + what);
            else if (next.header("Content-Type") != null && next.header("Content-Type").startsWith("text/html")) {
                List<String> hits = HostileForms.injected(next.html());
                if (!hits.isEmpty()) failures.add(label + ": injected " + hits + " in " + location + " after " + what);
            }
        }
    }

    static String labels(int from, int to) {
        List<String> l = new ArrayList<>();
        for (int i = from; i < to; i++) l.add(VALUES.get(i % VALUES.size()).label());
        return l.toString();
    }

    // ------------------------------------------------------------------ forms that need a state first

    /**
     * The forms that appear only in a state the crawl does not reach by itself (a published case study, an older
     * version, a paused program, a CSV preview, a held lead, an open reward, a logo, an edited testimonial, a check-in
     * past its score). Each state is built through the app, as the freelancer or the client would, and built again
     * whenever a post used it up; held leads and open rewards come from SQL like the other seeds (only a fraud rule or
     * a won deal makes them).
     */
    static void fuzzStatefulForms(Fixtures.Freelancer b, Http admin) throws Exception {
        long ws = b.workspaceId();

        // Case study without a client (no approval needed): published, and with an older version to restore.
        Http.Response created = submit(admin, admin.get("/admin/case-studies/new"), "/admin/case-studies/new", "/admin/case-studies",
                Map.of("title", "Stateful study", "summary", "First", "action", "save"));
        String study = created.location();
        if (created.status() != 303 || study == null) throw new IllegalStateException("case study not created: " + created.status());
        fuzzState("admin unpublish", admin, "/admin/case-studies/{}/unpublish", ADMIN_POSTS, shown(admin, study, "/admin/case-studies/{}/unpublish",
                () -> submit(admin, admin.get(study), study, "/admin/case-studies/{}/publish", Map.of())));
        int[] edits = {0};
        fuzzState("admin version restore", admin, "/admin/case-studies/{}/versions/{}/restore", ADMIN_POSTS,
                shown(admin, study, "/admin/case-studies/{}/versions/{}/restore", () -> submit(admin, admin.get(study), study,
                        "/admin/case-studies/{}", Map.of("title", "Stateful study " + ++edits[0], "summary", "Again", "action", "save"))));

        // The trust forms of approved testimonials (not in the default queue the crawl reads): the author's proposal
        // to decide, and a hand-typed testimonial to have its client confirm.
        for (String body : List.of("Published words", "Typed in by hand")) {
            long id = jdbi.withHandle(h -> h.createQuery("SELECT id FROM testimonials WHERE workspace_id = :ws AND body = :b")
                    .bind("ws", ws).bind("b", body).mapTo(Long.class).one());
            String detail = "/admin/testimonials/" + id;
            fuzzForm("admin testimonial trust", admin, detail, "/admin/testimonials/{}/confirmation", ADMIN_POSTS);
            fuzzForm("admin testimonial proposal", admin, detail, "/admin/testimonials/{}/proposals/{}", 1);
        }

        // The two CSV imports: their second step is the answer to the upload.
        fuzzState("admin client import confirm", admin, "/admin/clients/import/confirm", ADMIN_POSTS, () -> submit(admin,
                admin.get("/admin/clients/import"), "/admin/clients/import", "/admin/clients/import",
                Map.of("csv", "name,email\nImported One," + Fixtures.unique("imp") + "@example.com\n")));
        fuzzState("admin testimonial import preview", admin, "/admin/testimonials/import/preview", ADMIN_POSTS, () -> submit(admin,
                admin.get("/admin/testimonials/import"), "/admin/testimonials/import", "/admin/testimonials/import",
                Map.of("csv", "name,rating,body\nIris,5,Lovely work\n")));

        // A client without a referral link (each successful post gives one, so a new client each time).
        fuzzState("admin ambassador link", admin, "/admin/referrals/ambassadors/{}/link", ADMIN_POSTS, shown(admin,
                "/admin/referrals/ambassadors", "/admin/referrals/ambassadors/{}/link", () -> submit(admin, admin.get("/admin/clients/new"),
                        "/admin/clients/new", "/admin/clients", Map.of("name", "Amba " + Fixtures.unique("a"), "email",
                                Fixtures.unique("amba") + "@example.com", "language", "en"))));

        // A paused program.
        fuzzState("admin program resume", admin, "/admin/referrals/programs/{}/resume", ADMIN_POSTS, shown(admin,
                "/admin/referrals/programs", "/admin/referrals/programs/{}/resume",
                () -> submit(admin, admin.get("/admin/referrals/programs"), "/admin/referrals/programs", "/admin/referrals/programs/{}/pause", Map.of())));

        // A paused webhook, at a name that resolves nowhere.
        io.goodword.webhook.WebhookDao hooks = jdbi.onDemand(io.goodword.webhook.WebhookDao.class);
        long hook = hooks.insertEndpoint(ws, "https://hooks.example.invalid/fuzz-b", "testimonial.submitted", "fuzz-secret-b",
                Instant.now());
        fuzzState("admin webhook resume", admin, "/admin/settings/webhooks/{}/resume", ADMIN_POSTS, shown(admin,
                "/admin/settings/webhooks/" + hook, "/admin/settings/webhooks/{}/resume", () -> hooks.setPaused(ws, hook, true)));

        // A lead held by a fraud rule, and an open reward.
        long lead = newLead(ws, "HELD");
        String leadPage = "/admin/referrals/leads/" + lead;
        fuzzState("admin lead review", admin, "/admin/referrals/leads/{}/review", ADMIN_POSTS, shown(admin, leadPage, "/admin/referrals/leads/{}/review",
                () -> jdbi.useHandle(h -> h.createUpdate("UPDATE referral_leads SET review = 'held' WHERE id = :id").bind("id", lead).execute())));
        fuzzState("admin reward cancel", admin, "/admin/referrals/rewards/{}/cancel", ADMIN_POSTS, shown(admin, "/admin/referrals/rewards",
                "/admin/referrals/rewards/{}/cancel", () -> {
                    long won = newLead(ws, "NONE");
                    jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO referral_rewards (workspace_id, lead_id, program_id, beneficiary, recipient_name, reward_type,
                                                          amount, currency, status, created_at)
                            SELECT workspace_id, id, program_id, 'referrer', 'Open Reward', 'credit', 50, 'EUR', 'pending', :now
                              FROM referral_leads WHERE id = :lead""").bind("lead", won).bind("now", clock.instant()).execute());
                }));

        // A won lead whose invoice is not marked paid, and a lead with a suggested referrer to confirm or dismiss.
        fuzzState("admin lead invoice", admin, "/admin/referrals/leads/{}/invoice", ADMIN_POSTS, () -> {
            long wonLead = newLead(ws, "NONE");
            jdbi.useHandle(h -> h.createUpdate("""
                    UPDATE referral_leads SET status = 'won', deal_value = 1200, deal_currency = 'EUR', won_at = :now,
                           qualified_at = :now WHERE id = :id""").bind("id", wonLead).bind("now", clock.instant()).execute());
            return admin.get("/admin/referrals/leads/" + wonLead);
        });
        fuzzState("admin lead to client", admin, "/admin/referrals/leads/{}/client", ADMIN_POSTS, () -> {
            long wonLead = newLead(ws, "NONE");
            jdbi.useHandle(h -> h.createUpdate("UPDATE referral_leads SET status = 'won', won_at = :now, qualified_at = :now WHERE id = :id")
                    .bind("id", wonLead).bind("now", clock.instant()).execute());
            return admin.get("/admin/referrals/leads/" + wonLead);
        });
        // A new client with an email and no check-in yet: the only kind the page offers "Send a check-in now" for.
        fuzzState("admin send check-in now", admin, "/admin/clients/{}/check-in", ADMIN_POSTS, () -> {
            Http.Response made = submit(admin, admin.get("/admin/clients/new"), "/admin/clients/new", "/admin/clients",
                    Map.of("name", "Nora " + Fixtures.unique("n"), "email", Fixtures.unique("nora") + "@example.com", "language", "en"));
            return admin.get(made.header("Location"));
        });
        fuzzState("admin lead suggestion", admin, "/admin/referrals/leads/{}/suggestion", ADMIN_POSTS, () -> {
            long suggested = newLead(ws, "NONE");
            jdbi.useHandle(h -> h.createUpdate("""
                    UPDATE referral_leads SET referrer_answer = 'Amba', suggested_client_id =
                           (SELECT MIN(id) FROM clients WHERE workspace_id = :ws) WHERE id = :id""")
                    .bind("id", suggested).bind("ws", ws).execute());
            return admin.get("/admin/referrals/leads/" + suggested);
        });

        // A referrer's private page to choose the form of their reward (the token otherwise only travels by email).
        Http referrer = app.http();
        fuzzState("reward choice", referrer, "/reward/{}", PUBLIC_POSTS / 3, () -> {
            long rewarded = newLead(ws, "NONE");
            String token = Tokens.random();
            jdbi.useHandle(h -> h.createUpdate("""
                    INSERT INTO referral_rewards (workspace_id, lead_id, program_id, beneficiary, recipient_name, reward_type,
                                                  amount, currency, status, created_at, choices, choice_token_hash)
                    SELECT workspace_id, id, program_id, 'referrer', 'Choosing Chris', 'cash', 50, 'EUR', 'pending', :now,
                           'CASH,CREDIT,DONATION', :hash
                      FROM referral_leads WHERE id = :lead""").bind("lead", rewarded).bind("now", clock.instant())
                    .bind("hash", Tokens.sha256(token)).execute());
            Http.Response page = referrer.get("/reward/" + token);
            clock.advance(Duration.ofSeconds(5)); // a person's fill time, should the page carry a stamp
            return page;
        });

        // A testimonial whose text the freelancer edited.
        Http.Response added = submit(admin, admin.get("/admin/testimonials/new"), "/admin/testimonials/new", "/admin/testimonials/new",
                Map.of("name", "Olga", "body", "The original words, as the client wrote them.", "rating", "5", "consentPublish", "1"));
        String testimonial = added.location();
        if (added.status() != 303 || testimonial == null) throw new IllegalStateException("testimonial not added: " + added.status());
        int[] rewrites = {0};
        fuzzState("admin restore original", admin, "/admin/testimonials/{}/restore-original", ADMIN_POSTS, shown(admin, testimonial,
                "/admin/testimonials/{}/restore-original", () -> submit(admin, admin.get(testimonial), testimonial, "/admin/testimonials/{}/edit",
                        Map.of("body", "Edited by the freelancer, version " + ++rewrites[0] + ".", "name", "Olga"))));

        // A client's check-in past its score: a low one leads to the private feedback step, a high one to the next steps.
        long client = jdbi.withHandle(h -> h.createQuery("SELECT MIN(id) FROM clients WHERE workspace_id = :ws").bind("ws", ws).mapTo(Long.class).one());
        String[] low = {null};
        String[] high = {null};
        Http detractor = app.http();
        Http promoter = app.http();
        fuzzState("check-in feedback", detractor, "/c/{}/feedback", PUBLIC_POSTS / 3, () -> checkInAfterScore(detractor, ws, client, low, "2", "/c/{}/feedback"));
        fuzzState("check-in step", promoter, "/c/{}/step", PUBLIC_POSTS / 3, () -> checkInAfterScore(promoter, ws, client, high, "10", "/c/{}/step"));
    }

    /** The check-in page showing the form for {@code route}; a new check-in is answered with {@code score} when needed. */
    static Http.Response checkInAfterScore(Http http, long ws, long client, String[] token, String score, String route) {
        if (token[0] != null) {
            Http.Response r = http.get("/c/" + token[0]);
            if (formFor(r, "/c/" + token[0], route) != null) return r;
        }
        token[0] = askLink(ws, client);
        String page = "/c/" + token[0];
        clock.advance(Duration.ofSeconds(5)); // a person's fill time
        Http.Response scored = submit(http, http.get(page), page, "/c/{}/score", Map.of("score", score, "comment", "Fine"));
        if (scored.status() != 303) throw new IllegalStateException("score not taken: " + scored.status() + " " + scored.body());
        return http.get(page);
    }

    /**
     * Fuzzes the form for {@code route} on the page {@code state} returns, {@code posts} times (the state is asked for
     * before every post, so it can build itself again).
     */
    static void fuzzState(String label, Http http, String route, int posts, Supplier<Http.Response> state) {
        for (int round = 0; round < posts; round++) {
            Http.Response shown = state.get();
            String path = shown.raw().request().uri().getPath();
            check(label, "state " + path, shown, http);
            HostileForms.Form form = formFor(shown, path, route);
            if (form == null) {
                failures.add(label + ": no form for " + route + " on " + path + " (" + shown.status() + ") after building its state");
                return;
            }
            postOnce(label, http, form, round, null);
        }
    }

    /** The page, after running {@code build} when it does not show the form for {@code route} yet. */
    static Supplier<Http.Response> shown(Http http, String page, String route, Runnable build) {
        return () -> {
            Http.Response r = http.get(page);
            if (formFor(r, page, route) != null) return r;
            build.run();
            return http.get(page);
        };
    }

    static HostileForms.Form formFor(Http.Response r, String path, String route) {
        if (r.status() >= 500 || r.header("Content-Type") == null || !r.header("Content-Type").startsWith("text/html")) return null;
        return HostileForms.forms(r.html(), path).stream().filter(f -> route(f.action()).equals(route)).findFirst().orElse(null);
    }

    /** Posts the form for {@code route} as a person would: hidden fields as rendered, {@code values} typed in. */
    static Http.Response submit(Http http, Http.Response page, String path, String route, Map<String, String> values) {
        HostileForms.Form form = formFor(page, path, route);
        if (form == null) throw new IllegalStateException("no form for " + route + " on " + path + " (" + page.status() + ")");
        Map<String, byte[]> v = new LinkedHashMap<>();
        for (HostileForms.Field f : form.of(HostileForms.Kind.HIDDEN)) v.put(f.name(), f.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (HostileForms.Field f : form.of(HostileForms.Kind.HONEYPOT)) v.put(f.name(), f.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        values.forEach((k, val) -> v.put(k, val.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return HostileForms.post(http, form.action(), form.multipart(), new HostileForms.Filled(v, Map.of()));
    }

    // ------------------------------------------------------------------ crawling and routes

    /** Admin pages reachable by links from {@code start}, one per route (ids and tokens folded), downloads skipped. */
    static Map<String, Document> crawl(Http http, String start) {
        Map<String, Document> pages = new LinkedHashMap<>();
        Set<String> seenRoutes = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty() && pages.size() < 150) {
            String path = queue.poll();
            String key = route(path) + (path.contains("?") ? "?" + path.replaceAll(".*\\?", "").replaceAll("=[^&]*", "") : "");
            if (!seenRoutes.add(key)) continue;
            Http.Response r = http.get(path);
            if (r.status() != 200 || r.header("Content-Type") == null || !r.header("Content-Type").startsWith("text/html")) continue;
            Document d = r.html();
            pages.put(path, d);
            for (String href : d.select("a[href]").eachAttr("href")) {
                if (!href.startsWith("/admin") || href.matches(".*\\.(csv|json)(\\?.*)?$") || href.contains("lang=")) continue;
                queue.add(href.replaceAll("#.*", ""));
            }
        }
        return pages;
    }

    /** A path as a route: numbers and tokens become {}, the query is dropped. */
    static String route(String path) {
        String p = path.replaceAll("^https?://[^/]+", "").replaceAll("[?#].*", "");
        return p.replaceAll("/[0-9]+(?=/|$)", "/{}").replaceAll("/[A-Za-z0-9_-]{20,}(?=/|$)", "/{}")
                .replaceAll("^/p/[^/]+", "/p/{}").replaceAll("^/r/[^/]+", "/r/{}").replaceAll("/templates/[a-z-]+$", "/templates/{}");
    }

    static boolean destructive(String route) { return route.matches(".*/(erase|archive|remove|cancel|withdraw|unpublish|pause|delete)$"); }

    /** Every POST route the running app registered (io.goodword.Routes), as a route pattern. */
    static Set<String> postRoutes(AppExtension app) {
        Set<String> routes = new TreeSet<>();
        for (ParsedEndpoint e : app.app().web().unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
            if (e.getEndpoint().getMethod() != HandlerType.POST) continue;
            routes.add(e.getEndpoint().getPath().replaceAll("\\{[^}]+}", "{}"));
        }
        return routes;
    }

    // ------------------------------------------------------------------ stored data

    static long count(String sql) { return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one()); }

    static List<String> badUploads(Path dataDir) throws IOException {
        List<String> bad = new ArrayList<>();
        Path uploads = dataDir.resolve("uploads");
        if (!Files.isDirectory(uploads)) return bad;
        try (Stream<Path> files = Files.list(uploads)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase();
                var img = ImageIO.read(f.toFile());
                if (img == null) bad.add(f.getFileName() + ": not an image");
                else if ((long) img.getWidth() * img.getHeight() > 40_000_000L) bad.add(f.getFileName() + ": " + img.getWidth() + "x" + img.getHeight());
                if (text.contains("<script") || text.contains("<html") || text.contains(Hostile.MARKER_TAG)) bad.add(f.getFileName() + ": carries markup");
            }
        }
        return bad;
    }

    // ------------------------------------------------------------------ seed data

    record Public(String editToken, String code, String askToken, String approvalToken, String authorToken, String confirmToken) {}

    static Public seedPublic(Fixtures.Freelancer f) {
        String edit = Tokens.random();
        String author = Tokens.random();
        String confirm = Tokens.random();
        String approval = Tokens.random();
        String code = io.goodword.referral.ReferralCodes.next();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            long ws = f.workspaceId();
            long client = h.createUpdate("INSERT INTO clients (workspace_id, name, email, language) VALUES (:ws, 'Hostile Client', :e, 'en')")
                    .bind("ws", ws).bind("e", Fixtures.unique("hc") + "@example.com").executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("""
                    INSERT INTO testimonials (workspace_id, status, source, rating, body, original_body, body_hash, name, email,
                                              consent_publish, edit_token_hash)
                    VALUES (:ws, 'pending', 'form', 5, 'Good work', 'Good work', :hash, 'Edith', 'edith@example.com', TRUE, :tok)""")
                    .bind("ws", ws).bind("hash", "c".repeat(64)).bind("tok", Tokens.sha256(edit)).execute();
            seedTrust(h, ws, client, author, confirm);
            long program = h.createUpdate("""
                    INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type, referrer_reward_amount,
                                                   referrer_reward_currency)
                    VALUES (:ws, 'Friends', 'Tell a friend', 'Terms', 'credit', 50, 'EUR')""")
                    .bind("ws", ws).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO referral_links (workspace_id, program_id, client_id, code) VALUES (:ws, :p, :c, :code)")
                    .bind("ws", ws).bind("p", program).bind("c", client).bind("code", code).execute();
            io.goodword.casestudy.CaseStudyDao cs = h.attach(io.goodword.casestudy.CaseStudyDao.class);
            String slug = Fixtures.unique("hcs").toLowerCase();
            long study = cs.insert(ws, slug, "A study", client);
            long version = cs.insertVersion(ws, study, "{\"title\":\"A study\"}", "d".repeat(64), "saved");
            cs.updateHead(ws, study, slug, "A study", client, version);
            cs.insertApproval(ws, study, version, client, "client@example.com", Tokens.sha256(approval), now, now.plus(Duration.ofDays(300)));
        });
        long client = jdbi.withHandle(h -> h.createQuery("SELECT MIN(id) FROM clients WHERE workspace_id = :ws").bind("ws", f.workspaceId())
                .mapTo(Long.class).one());
        return new Public(edit, code, askLink(f.workspaceId(), client), approval, author, confirm);
    }

    /**
     * After publication: a published testimonial with its author's link and a proposal from each side (the author's
     * page and the admin page show their forms), and a hand-typed one waiting for its client's confirmation.
     */
    static void seedTrust(org.jdbi.v3.core.Handle h, long ws, long client, String authorToken, String confirmToken) {
        long published = h.createUpdate("""
                INSERT INTO testimonials (workspace_id, status, source, rating, body, original_body, name, email,
                                          consent_publish, edit_token_hash, approved_at)
                VALUES (:ws, 'approved', 'form', 5, 'Published words', 'Published words', 'Paula', 'paula@example.com', TRUE, :tok, :now)""")
                .bind("ws", ws).bind("tok", Tokens.sha256(authorToken)).bind("now", clock.instant())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (String by : List.of("freelancer", "author")) {
            h.createUpdate("INSERT INTO testimonial_proposals (workspace_id, testimonial_id, proposed_by, body) VALUES (:ws, :t, :by, :b)")
                    .bind("ws", ws).bind("t", published).bind("by", by).bind("b", "New words proposed by the " + by).execute();
        }
        long manual = h.createUpdate("""
                INSERT INTO testimonials (workspace_id, client_id, status, source, rating, body, original_body, name, consent_publish)
                VALUES (:ws, :c, 'approved', 'manual', 5, 'Typed in by hand', 'Typed in by hand', 'Hostile Client', TRUE)""")
                .bind("ws", ws).bind("c", client).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("""
                INSERT INTO testimonial_links (token_hash, workspace_id, testimonial_id, purpose, client_id)
                VALUES (:t, :ws, :id, 'confirm', :c)""")
                .bind("t", Tokens.sha256(confirmToken)).bind("ws", ws).bind("id", manual).bind("c", client).execute();
    }

    /** A lead that came through the contact form of the workspace's first program, with the given fraud review. */
    static long newLead(long ws, String review) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO referral_leads (workspace_id, program_id, source, name, email, message, consent, review, fraud_reasons, created_at)
                SELECT :ws, MIN(id), 'contact', 'Held Harry', :email, 'Hello', TRUE, :review, :reasons, :now
                  FROM referral_programs WHERE workspace_id = :ws""")
                .bind("ws", ws).bind("email", Fixtures.unique("lead") + "@example.com").bind("review", review.toLowerCase(java.util.Locale.ROOT))
                .bind("reasons", review.equals("HELD") ? "existing_client" : "").bind("now", clock.instant())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** A check-in sent to the client now, and the token of its link (what the check-in email carries). */
    static String askLink(long ws, long client) {
        String token = Tokens.random();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            long askId = h.createUpdate("""
                    INSERT INTO asks (workspace_id, client_id, reason, status, scheduled_for, sent_at, expires_at, created_at)
                    VALUES (:ws, :c, 'manual', 'sent', :now, :now, :exp, :now)""")
                    .bind("ws", ws).bind("c", client).bind("now", now).bind("exp", now.plus(Duration.ofDays(300)))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO ask_links (token_hash, workspace_id, ask_id, created_at) VALUES (:t, :ws, :a, :now)")
                    .bind("t", Tokens.sha256(token)).bind("ws", ws).bind("a", askId).bind("now", now).execute();
        });
        return token;
    }

    /** A fresh reset link for the account (each lives an hour; the fuzzer moves the clock on). */
    static String resetToken(long accountId) {
        String token = Tokens.random();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO password_resets (token_hash, account_id, expires_at) VALUES (:t, :a, :exp)")
                .bind("t", Tokens.sha256(token)).bind("a", accountId).bind("exp", clock.instant().plus(Duration.ofHours(1))).execute());
        return token;
    }

    /** Something in every corner of workspace B, so every admin page and form exists. */
    static void seedAdmin(Fixtures.Freelancer f) {
        seedPublic(f);
        Instant now = clock.instant();
        // a webhook, so its page's forms are fuzzed too (a paused one's resume: fuzzStatefulForms); at a name that
        // resolves nowhere, so a fuzzed test ping can only fail to resolve, never reach a network
        jdbi.onDemand(io.goodword.webhook.WebhookDao.class).insertEndpoint(f.workspaceId(), "https://hooks.example.invalid/fuzz-a",
                "testimonial.submitted", "fuzz-secret-a", now);
        jdbi.useTransaction(h -> {
            long ws = f.workspaceId();
            long client = h.createQuery("SELECT MIN(id) FROM clients WHERE workspace_id = :ws").bind("ws", ws).mapTo(Long.class).one();
            long project = h.createUpdate("INSERT INTO projects (workspace_id, client_id, title, status) VALUES (:ws, :c, 'Site', 'active')")
                    .bind("ws", ws).bind("c", client).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO milestones (workspace_id, project_id, name) VALUES (:ws, :p, 'Launch')").bind("ws", ws).bind("p", project).execute();
            h.createUpdate("""
                    INSERT INTO client_tasks (workspace_id, client_id, body, created_at)
                    VALUES (:ws, :c, 'Call back', :now)""").bind("ws", ws).bind("c", client).bind("now", now).execute();
            long program = h.createQuery("SELECT MIN(id) FROM referral_programs WHERE workspace_id = :ws").bind("ws", ws).mapTo(Long.class).one();
            long link = h.createQuery("SELECT MIN(id) FROM referral_links WHERE workspace_id = :ws").bind("ws", ws).mapTo(Long.class).one();
            long lead = h.createUpdate("""
                    INSERT INTO referral_leads (workspace_id, program_id, link_id, referrer_client_id, source, name, email, message, consent, status, created_at)
                    VALUES (:ws, :p, :l, :c, 'link', 'Fred', 'fred@example.com', 'Hi', TRUE, 'new', :now)""")
                    .bind("ws", ws).bind("p", program).bind("l", link).bind("c", client).bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("""
                    INSERT INTO referral_rewards (workspace_id, lead_id, program_id, beneficiary, client_id, recipient_name, reward_type, amount, currency, status, created_at)
                    VALUES (:ws, :lead, :p, 'referrer', :c, 'Hostile Client', 'credit', 50, 'EUR', 'pending', :now)""")
                    .bind("ws", ws).bind("lead", lead).bind("p", program).bind("c", client).bind("now", now).execute();
            h.createUpdate("""
                    INSERT INTO outbox (workspace_id, kind, to_address, subject, text_body, html_body, status)
                    VALUES (:ws, 'ask', 'client@example.com', 'How did it go?', 'Hi', '<p>Hi</p>', 'sent')""").bind("ws", ws).execute();
        });
    }

    @SuppressWarnings("unused")
    private static Document parse(String html) { return Jsoup.parse(html); }
}
