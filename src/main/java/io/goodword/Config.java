package io.goodword;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the portal is told from outside, parsed once from environment variables.
 * Defaults are safe for a laptop; a bad value stops start-up with one line naming the variable.
 */
public record Config(
        int port,
        String baseUrl,
        Path dataDir,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        AppEnv appEnv,
        Smtp smtp,
        boolean signupOpen,
        int mailPollMillis,
        io.goodword.web.ClientIp.Trust trustProxy,
        boolean publicCache,
        Long askDelaySeed,
        String homeSlug,
        boolean webhooksAllowPrivate) {

    public enum AppEnv { DEV, PROD }

    /** A workspace slug as account/Slugs makes them; HOME_SLUG names the wall served at {@code /}. */
    private static final java.util.regex.Pattern HOME_SLUG = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /**
     * SMTP settings; {@code host == null} means "keep mail in the outbox". {@code timeoutSeconds} bounds every read
     * and write on the SMTP connection (connecting gets half), so a black-holed server never holds the worker long.
     */
    public record Smtp(String host, int port, String user, String password, String from, boolean tls, int timeoutSeconds) {
        public Smtp(String host, int port, String user, String password, String from, boolean tls) {
            this(host, port, user, password, from, tls, 20);
        }

        public boolean configured() { return host != null; }
    }

    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) { super(message); }
    }

    public static Config fromEnv() { return fromEnv(System.getenv()); }

    public static Config fromEnv(Map<String, String> env) {
        int port = intVar(env, "PORT", 7070, 0, 65535);
        String baseUrl = strip(env.getOrDefault("BASE_URL", "http://localhost:" + port));
        try {
            URI uri = URI.create(baseUrl);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            throw new ConfigException("BASE_URL must be an http(s) URL such as https://reviews.example.com, got '" + baseUrl + "'");
        }
        Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "./data")).toAbsolutePath().normalize();
        String dbUrl = blankToNull(env.get("DATABASE_URL"));
        if (dbUrl != null && !dbUrl.startsWith("jdbc:mariadb:") && !dbUrl.startsWith("jdbc:mysql:")) {
            throw new ConfigException("DATABASE_URL must be a JDBC URL such as jdbc:mariadb://db:3306/goodword, got '" + dbUrl + "'");
        }
        AppEnv appEnv = switch (env.getOrDefault("APP_ENV", "prod").trim().toLowerCase(Locale.ROOT)) {
            case "dev" -> AppEnv.DEV;
            case "prod" -> AppEnv.PROD;
            default -> throw new ConfigException("APP_ENV must be 'dev' or 'prod', got '" + env.get("APP_ENV") + "'");
        };
        String smtpHost = blankToNull(env.get("SMTP_HOST"));
        boolean tls = boolVar(env, "SMTP_TLS", false);
        Smtp smtp = new Smtp(smtpHost,
                intVar(env, "SMTP_PORT", tls ? 465 : 25, 1, 65535),
                blankToNull(env.get("SMTP_USER")),
                blankToNull(env.get("SMTP_PASSWORD")),
                env.getOrDefault("SMTP_FROM", "Goodword <no-reply@" + URI.create(baseUrl).getHost() + ">"),
                tls, intVar(env, "SMTP_TIMEOUT_SECONDS", 20, 1, 300));
        boolean signupOpen = switch (env.getOrDefault("SIGNUP", "open").trim().toLowerCase(Locale.ROOT)) {
            case "open" -> true;
            case "closed" -> false;
            default -> throw new ConfigException("SIGNUP must be 'open' or 'closed', got '" + env.get("SIGNUP") + "'");
        };
        // 0: this process runs no background worker (tests drive it one pass at a time; a second instance may too)
        int pollMillis = intVar(env, "MAIL_POLL_MILLIS", 2000, 0, 600_000);
        io.goodword.web.ClientIp.Trust trustProxy;
        try {
            trustProxy = io.goodword.web.ClientIp.Trust.parse(env.get("TRUST_PROXY"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TRUST_PROXY must be false, true, a number of proxy hops or a list of proxy "
                    + "addresses/ranges (e.g. 10.0.0.0/8,::1): " + e.getMessage());
        }
        String homeSlug = blankToNull(env.get("HOME_SLUG"));
        if (homeSlug != null && !HOME_SLUG.matcher(homeSlug.trim()).matches()) {
            throw new ConfigException("HOME_SLUG must be the address name of a public page (lower-case letters, digits "
                    + "and dashes, as in /p/maya-design), got '" + homeSlug + "'");
        }
        return new Config(port, baseUrl, dataDir, dbUrl, env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"),
                appEnv, smtp, signupOpen, pollMillis, trustProxy, boolVar(env, "PUBLIC_CACHE", true),
                longVar(env, "ASK_DELAY_SEED"), homeSlug == null ? null : homeSlug.trim(),
                // true lets webhooks reach loopback, private and link-local addresses (a self-hoster's own LAN)
                boolVar(env, "WEBHOOKS_ALLOW_PRIVATE", false));
    }

    public boolean embeddedDatabase() { return databaseUrl == null; }

    public boolean secureCookies() { return baseUrl.startsWith("https://"); }

    public Path uploadsDir() { return dataDir.resolve("uploads"); }

    /** A copy on another port, used by tests that start the app on a free port. */
    public Config withPort(int newPort) {
        return new Config(newPort, baseUrl, dataDir, databaseUrl, databaseUser, databasePassword, appEnv, smtp,
                signupOpen, mailPollMillis, trustProxy, publicCache, askDelaySeed, homeSlug, webhooksAllowPrivate);
    }

    public Config withBaseUrl(String url) {
        return new Config(port, url, dataDir, databaseUrl, databaseUser, databasePassword, appEnv, smtp,
                signupOpen, mailPollMillis, trustProxy, publicCache, askDelaySeed, homeSlug, webhooksAllowPrivate);
    }

    /** ASK_DELAY_SEED: seeds the draw of check-in delays within a delay band (unset: a new seed each start). */
    private static Long longVar(Map<String, String> env, String name) {
        String raw = blankToNull(env.get(name));
        if (raw == null) return null;
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got '" + raw + "'");
        }
    }

    private static int intVar(Map<String, String> env, String name, int def, int min, int max) {
        String raw = blankToNull(env.get(name));
        if (raw == null) return def;
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'");
        }
    }

    private static boolean boolVar(Map<String, String> env, String name, boolean def) {
        String raw = blankToNull(env.get(name));
        if (raw == null) return def;
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ConfigException(name + " must be true or false, got '" + raw + "'");
        };
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    private static String strip(String url) { return url.endsWith("/") ? url.substring(0, url.length() - 1) : url; }
}
