package io.goodword.data;

import io.goodword.Config;
import io.goodword.data.BackupCommand.BackupException;
import io.goodword.db.EmbeddedMariaDb;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * How {@link BackupCommand} reaches the database with the MariaDB client tools (mariadb-dump, mariadb): which
 * binaries, which connection arguments and password, and running them. Kept apart from the command so the ZIP
 * layout of a backup reads on its own. Stops an embedded server it had to start.
 */
final class ClientTools implements AutoCloseable {
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9_$-]{0,63}");
    private final Path binDir;
    private final List<String> connectionArgs;
    private final Map<String, String> env;
    private final String database;
    private final EmbeddedMariaDb started;

    private ClientTools(Path binDir, List<String> connectionArgs, Map<String, String> env, String database, EmbeddedMariaDb started) {
        this.binDir = binDir;
        this.connectionArgs = connectionArgs;
        this.env = env;
        this.database = database;
        this.started = started;
    }

    static ClientTools open(Config config, boolean forRestore) {
        if (!config.embeddedDatabase()) return external(config);
        Path home = config.dataDir().resolve("mariadb");
        Path bin = home.resolve("base").resolve("bin");
        Optional<ProcessHandle> running = runningServer(home);
        EmbeddedMariaDb started = null;
        String password;
        if (running.isPresent()) {
            if (forRestore) throw new BackupException("the portal is running on " + config.dataDir() + "; stop it before a restore");
            password = storedPassword(home);
        } else {
            started = EmbeddedMariaDb.start(home);
            password = started.password();
        }
        // The socket lies in a 0700 directory; the portal's account still needs its password (never root).
        // --skip-ssl: the 11.4 client insists on TLS, which the embedded server (local only) does not offer.
        return new ClientTools(bin, List.of("--protocol=SOCKET", "--socket=" + EmbeddedMariaDb.socketFile(home),
                "--user=" + EmbeddedMariaDb.USER, "--skip-ssl"), Map.of("MYSQL_PWD", password), EmbeddedMariaDb.DATABASE, started);
    }

    private static String storedPassword(Path home) {
        Path file = EmbeddedMariaDb.passwordFile(home);
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new BackupException("cannot read the database password in " + file
                    + " (run the backup as the user that runs the portal): " + e.getMessage(), e);
        }
    }

    private static ClientTools external(Config config) {
        URI uri = URI.create(config.databaseUrl().substring("jdbc:".length()));
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (db.isBlank()) throw new BackupException("DATABASE_URL names no database");
        if (!DATABASE_NAME.matcher(db).matches()) {
            // Handed to the client tools as an argument: "--init-command=..." must never become an option.
            throw new BackupException("DATABASE_URL names the database '" + db + "'; the backup command only handles"
                    + " names of letters, digits, '_' and '$' (not starting with '-')");
        }
        List<String> args = new ArrayList<>(List.of("--protocol=TCP", "--host=" + uri.getHost(),
                "--port=" + (uri.getPort() > 0 ? uri.getPort() : 3306)));
        if (config.databaseUser() != null) args.add("--user=" + config.databaseUser());
        Map<String, String> env = config.databasePassword() == null ? Map.of() : Map.of("MYSQL_PWD", config.databasePassword());
        return new ClientTools(null, args, env, db, null);
    }

    private static Optional<ProcessHandle> runningServer(Path home) {
        Path pidFile = home.resolve("mariadbd.pid");
        try {
            if (!Files.isRegularFile(pidFile)) return Optional.empty();
            String raw = Files.readString(pidFile).trim();
            if (raw.isEmpty()) return Optional.empty();
            return ProcessHandle.of(Long.parseLong(raw)).filter(ProcessHandle::isAlive)
                    .filter(ph -> ph.info().commandLine().orElse("").contains(home.toString()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The tool from the embedded server's bin directory, or the first of the names found on the PATH. */
    String tool(String... names) {
        if (binDir != null) {
            for (String n : names) {
                if (Files.isExecutable(binDir.resolve(n))) return binDir.resolve(n).toString();
            }
            throw new BackupException("no " + names[0] + " under " + binDir);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String n : names) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, n))) return Path.of(dir, n).toString();
            }
        }
        throw new BackupException("neither " + String.join(" nor ", names) + " is on the PATH. Install the MariaDB client"
                + " (e.g. apt-get install mariadb-client), or run on the database host: mariadb-dump --single-transaction"
                + " --routines --triggers --hex-blob " + database + " > database.sql, and copy $DATA_DIR/uploads");
    }

    List<String> connectionArgs() { return connectionArgs; }

    Map<String, String> env() { return env; }

    String database() { return database; }

    @Override
    public void close() {
        if (started != null) started.stopQuietly();
    }

    /** Runs a client tool; stdin/stdout from/to files when given; returns stdout when not redirected. */
    static String run(List<String> cmd, Map<String, String> env, Path stdin, Path stdout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(env);
            Path err = Files.createTempFile("goodword-tool", ".err");
            try {
                pb.redirectError(err.toFile());
                if (stdin != null) pb.redirectInput(stdin.toFile());
                Path out = stdout != null ? stdout : Files.createTempFile("goodword-tool", ".out");
                pb.redirectOutput(out.toFile());
                Process p = pb.start();
                if (!p.waitFor(6, TimeUnit.HOURS)) {
                    p.destroyForcibly();
                    throw new BackupException(Path.of(cmd.get(0)).getFileName() + " did not finish");
                }
                if (p.exitValue() != 0) {
                    throw new BackupException(Path.of(cmd.get(0)).getFileName() + " failed (exit " + p.exitValue() + "): "
                            + Files.readString(err).strip());
                }
                if (stdout != null) return "";
                String text = Files.readString(out);
                Files.deleteIfExists(out);
                return text;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new BackupException("could not run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted");
        }
    }
}
