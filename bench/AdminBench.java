import io.goodword.db.EmbeddedMariaDb;
import io.goodword.security.Passwords;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The admin pages of a very large workspace, as the freelancer's browser gets them from the shipped jar: the
 * dashboard benchmark's workspace "bench-a" (100,000 clients, over a million events; bench/dashboard.sh seeds it),
 * signed in over HTTP, every list page and its last page fetched one after another. Prints the median, 90th
 * percentile and slowest of each page. The portal runs as `java -jar target/goodword.jar` on the same MariaDB
 * (DATABASE_URL), so its start also migrates the seeded database to the jar's schema.
 */
public class AdminBench {
    static final String EMAIL = "bench-admin@bench.example";
    static final String PASSWORD = "bench-admin-password-42";
    static final int PORT = 7391;
    static final int RUNS = Integer.getInteger("runs", 15);

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : "target/bench-mariadb").toAbsolutePath();
        EmbeddedMariaDb server = EmbeddedMariaDb.start(home);
        Process portal = null;
        try {
            Jdbi jdbi = Jdbi.create(server.jdbcUrl(), server.user(), server.password());
            long ws = jdbi.withHandle(h -> h.createQuery("SELECT id FROM workspaces WHERE slug = 'bench-a'")
                    .mapTo(Long.class).findOne().orElse(0L));
            if (ws == 0) throw new IllegalStateException("no workspace bench-a in " + home + ": run bench/dashboard.sh first");
            portal = start(server, home);
            jdbi.useHandle(h -> {
                if (h.createQuery("SELECT COUNT(*) FROM accounts WHERE email = ?").bind(0, EMAIL).mapTo(Integer.class).one() == 0) {
                    h.execute("INSERT INTO accounts (workspace_id, email, password_hash, display_name) VALUES (?, ?, ?, 'Bench')",
                            ws, EMAIL, Passwords.hash(PASSWORD));
                }
            });
            long client = jdbi.withHandle(h -> h.createQuery(
                    "SELECT client_id FROM projects WHERE workspace_id = ? ORDER BY id DESC LIMIT 1").bind(0, ws).mapTo(Long.class).one());
            long clients = count(jdbi, "clients", ws), testimonials = count(jdbi, "testimonials", ws), asks = count(jdbi, "asks", ws),
                    leads = count(jdbi, "referral_leads", ws), rewards = count(jdbi, "referral_rewards", ws);
            System.out.printf("workspace bench-a: %,d clients, %,d testimonials, %,d check-ins, %,d leads, %,d rewards; %d runs a page, %d cores, load %s%n",
                    clients, testimonials, asks, leads, rewards, RUNS, Runtime.getRuntime().availableProcessors(), load());
            Browser b = new Browser("http://127.0.0.1:" + PORT);
            b.signIn();
            List<String> pages = List.of("/admin", "/admin?period=365", "/admin/clients", "/admin/clients?page=" + ((clients + 24) / 25),
                    "/admin/clients?q=client+4711", "/admin/clients?sort=newest", "/admin/clients/" + client,
                    "/admin/asks", "/admin/asks?page=" + ((asks + 24) / 25), "/admin/testimonials", "/admin/testimonials?status=approved",
                    "/admin/testimonials?q=great", "/admin/referrals", "/admin/referrals/rewards", "/admin/referrals/leaderboard",
                    "/admin/referrals/ambassadors", "/admin/referrals/programs", "/admin/case-studies", "/admin/outbox",
                    "/admin/settings", "/admin/settings/audit", "/admin/clients/export.csv", "/admin/testimonials/export.csv");
            System.out.printf("%-46s %6s %9s %9s %9s %10s%n", "page", "status", "median", "p90", "max", "bytes");
            for (String page : pages) {
                for (int i = 0; i < 2; i++) b.get(page); // warm: JIT, MariaDB's buffer pool
                List<Double> ms = new ArrayList<>();
                int status = 0;
                long bytes = 0;
                for (int i = 0; i < RUNS; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = b.get(page);
                    ms.add((System.nanoTime() - t0) / 1e6);
                    status = r.statusCode();
                    bytes = r.body().length;
                }
                Collections.sort(ms);
                System.out.printf("%-46s %6d %7.1f ms %7.1f ms %7.1f ms %,10d%n", page, status, ms.get(ms.size() / 2),
                        ms.get((int) Math.ceil(ms.size() * 0.9) - 1), ms.get(ms.size() - 1), bytes);
            }
            System.out.printf("load at the end: %s%n", load());
        } finally {
            if (portal != null) {
                portal.destroy();
                portal.waitFor();
            }
            server.stop();
        }
    }

    static long count(Jdbi jdbi, String table, long ws) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE workspace_id = ?").bind(0, ws).mapTo(Long.class).one());
    }

    static String load() throws Exception { return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).strip(); }

    static Process start(EmbeddedMariaDb server, Path home) throws Exception {
        Path data = home.resolveSibling("admin-bench-data");
        Files.createDirectories(data);
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", "target/goodword.jar").redirectErrorStream(true)
                .redirectOutput(home.resolveSibling("admin-bench-portal.log").toFile());
        pb.environment().putAll(Map.of("PORT", String.valueOf(PORT), "BASE_URL", "http://127.0.0.1:" + PORT,
                "DATABASE_URL", server.jdbcUrl(), "DATABASE_USER", server.user(), "DATABASE_PASSWORD", server.password(),
                "DATA_DIR", data.toString(), "MAIL_POLL_MILLIS", "0"));
        Process p = pb.start();
        HttpClient c = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < Duration.ofMinutes(15).toNanos()) { // the first start migrates a million rows
            if (!p.isAlive()) throw new IllegalStateException("the portal stopped; see " + home.resolveSibling("admin-bench-portal.log"));
            try {
                if (c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.printf("portal healthy after %.1f s%n", (System.nanoTime() - t0) / 1e9);
                    return p;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        p.destroy();
        throw new IllegalStateException("the portal was not healthy within 15 minutes");
    }

    /** A signed-in freelancer's browser: cookies kept, the CSRF token sent with the sign-in form. */
    static final class Browser {
        final String base;
        final CookieManager cookies = new CookieManager();
        final HttpClient http;

        Browser(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        void signIn() throws Exception {
            get("/login");
            String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("gw_csrf"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
            String form = "username=" + enc(EMAIL) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf);
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 303) throw new IllegalStateException("sign-in answered " + r.statusCode());
        }

        static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
    }
}
