package io.goodword.data;

import io.goodword.Config;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backups of the whole installation: one ZIP holding a consistent SQL dump of the database
 * ({@code mariadb-dump --single-transaction}) and every uploaded file, and the matching restore.
 *
 * <pre>
 *   java -cp goodword.jar io.goodword.data.BackupCommand backup  /backups/goodword-2026-11-25.zip
 *   java -cp goodword.jar io.goodword.data.BackupCommand restore /backups/goodword-2026-11-25.zip [--replace]
 * </pre>
 *
 * It reads the same environment variables as the portal (DATA_DIR, DATABASE_URL, ...). With the embedded database
 * it uses the MariaDB client tools unpacked under $DATA_DIR/mariadb/base/bin: a running portal's server is reached
 * through its socket (the backup does not stop the portal), a stopped one is started for the time of the command.
 * With an external database it uses mariadb-dump/mariadb (or mysqldump/mysql) from the PATH.
 */
public final class BackupCommand {
    static final String DUMP_ENTRY = "database.sql";
    static final String MARKER_ENTRY = "goodword-backup.txt";
    static final String UPLOADS_PREFIX = "uploads/";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    /** The {@code DEFINER=`user`@`host`} of a dumped trigger or view, in the dump's version comment. */
    private static final Pattern DEFINER = Pattern.compile("/\\*!500(13|17) DEFINER=[^*]*\\*/ ?");

    private BackupCommand() {}

    public static void main(String[] args) {
        if (args.length < 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
            System.err.println("""
                    Usage: java -cp goodword.jar io.goodword.data.BackupCommand backup FILE.zip
                           java -cp goodword.jar io.goodword.data.BackupCommand restore FILE.zip [--replace]
                    Reads DATA_DIR and DATABASE_URL/DATABASE_USER/DATABASE_PASSWORD like the portal.""");
            System.exit(2);
            return;
        }
        try {
            Config config = Config.fromEnv();
            Path file = Path.of(args[1]).toAbsolutePath();
            if (args[0].equals("backup")) {
                Summary s = backup(config, file);
                System.out.println("Backup written to " + file + ": " + s.sqlBytes() + " bytes of SQL, " + s.uploads() + " uploaded files");
            } else {
                boolean replace = args.length > 2 && args[2].equals("--replace");
                Summary s = restore(config, file, replace);
                System.out.println("Restored " + file + ": " + s.sqlBytes() + " bytes of SQL, " + s.uploads() + " uploaded files");
            }
            System.exit(0);
        } catch (Config.ConfigException | BackupException e) {
            System.err.println("Goodword backup: " + e.getMessage());
            System.exit(1);
        }
    }

    /** What a backup or restore moved. */
    public record Summary(long sqlBytes, int uploads) {}

    public static final class BackupException extends RuntimeException {
        public BackupException(String message) { super(message); }

        public BackupException(String message, Throwable cause) { super(message, cause); }
    }

    /** Writes database dump and uploads into one ZIP; the file appears only when complete. */
    public static Summary backup(Config config, Path file) {
        try (ClientTools server = ClientTools.open(config, false)) {
            Path tmpDir = Files.createTempDirectory("goodword-backup");
            try {
                Path sql = tmpDir.resolve(DUMP_ENTRY);
                List<String> cmd = new ArrayList<>(List.of(server.tool("mariadb-dump", "mysqldump")));
                cmd.addAll(server.connectionArgs());
                cmd.addAll(List.of("--single-transaction", "--quick", "--routines", "--triggers", "--hex-blob",
                        "--default-character-set=utf8mb4", "--add-drop-table", "--", server.database()));
                ClientTools.run(cmd, server.env(), null, sql);
                Path tmpZip = file.resolveSibling(file.getFileName() + ".part");
                int uploads = 0;
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmpZip))) {
                    zip.putNextEntry(new ZipEntry(MARKER_ENTRY));
                    zip.write(("Goodword backup\ncreated " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry(DUMP_ENTRY));
                    Files.copy(sql, zip);
                    zip.closeEntry();
                    Path uploadsDir = config.uploadsDir();
                    if (Files.isDirectory(uploadsDir)) {
                        try (DirectoryStream<Path> files = Files.newDirectoryStream(uploadsDir)) {
                            for (Path p : files) {
                                String name = p.getFileName().toString();
                                if (!Files.isRegularFile(p) || name.endsWith(".tmp") || !SAFE_NAME.matcher(name).matches()) continue;
                                zip.putNextEntry(new ZipEntry(UPLOADS_PREFIX + name));
                                Files.copy(p, zip);
                                zip.closeEntry();
                                uploads++;
                            }
                        }
                    }
                }
                Files.move(tmpZip, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Summary(Files.size(sql), uploads);
            } finally {
                deleteTree(tmpDir);
            }
        } catch (IOException e) {
            throw new BackupException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a backup into the configured database and uploads directory. Refuses a database that already has tables
     * unless {@code replace} is set, and refuses while a portal runs on the embedded database.
     */
    public static Summary restore(Config config, Path file, boolean replace) {
        if (!Files.isRegularFile(file)) throw new BackupException("no backup file at " + file);
        try (ClientTools server = ClientTools.open(config, true)) {
            Path tmpDir = Files.createTempDirectory("goodword-restore");
            try {
                Path sql = tmpDir.resolve(DUMP_ENTRY);
                List<Path> uploads = new ArrayList<>();
                Path staged = tmpDir.resolve("uploads");
                Files.createDirectories(staged);
                boolean marker = false;
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        String name = e.getName();
                        if (name.equals(MARKER_ENTRY)) {
                            marker = true;
                        } else if (name.equals(DUMP_ENTRY)) {
                            copyWithoutDefiners(zip, sql);
                        } else if (name.startsWith(UPLOADS_PREFIX) && SAFE_NAME.matcher(name.substring(UPLOADS_PREFIX.length())).matches()) {
                            Path p = staged.resolve(name.substring(UPLOADS_PREFIX.length()));
                            Files.copy(zip, p, StandardCopyOption.REPLACE_EXISTING);
                            uploads.add(p);
                        }
                    }
                }
                if (!marker || !Files.isRegularFile(sql)) throw new BackupException(file + " is not a Goodword backup");
                if (!replace) {
                    List<String> count = new ArrayList<>(List.of(server.tool("mariadb", "mysql")));
                    count.addAll(server.connectionArgs());
                    count.addAll(List.of("-N", "-B", "-e",
                            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()", "--", server.database()));
                    String tables = ClientTools.run(count, server.env(), null, null).trim();
                    if (!tables.equals("0")) {
                        throw new BackupException("the database " + server.database() + " already holds " + tables
                                + " tables; restore into an empty one, or add --replace to overwrite it");
                    }
                }
                List<String> load = new ArrayList<>(List.of(server.tool("mariadb", "mysql")));
                load.addAll(server.connectionArgs());
                // A backup is data, not a script: --binary-mode stops the client from obeying backslash commands in the
                // dump (\! runs a shell command), --sandbox refuses every command that touches files or the shell.
                load.addAll(List.of("--sandbox", "--binary-mode", "--default-character-set=utf8mb4", "--", server.database()));
                ClientTools.run(load, server.env(), sql, null);
                Path uploadsDir = config.uploadsDir();
                Files.createDirectories(uploadsDir);
                for (Path p : uploads) {
                    Files.copy(p, uploadsDir.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
                return new Summary(Files.size(sql), uploads.size());
            } finally {
                deleteTree(tmpDir);
            }
        } catch (IOException e) {
            throw new BackupException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The dump with its triggers' (V70) definers left out, so each is defined by the account restoring it: naming
     * another account (the one that took the backup, often from another host) needs the SET USER privilege, which the
     * portal's account rightly lacks. Only the dump's version-comment lines carry one; rows are copied byte for byte.
     */
    private static void copyWithoutDefiners(InputStream in, Path sql) throws IOException {
        // ISO-8859-1 maps every byte to one char and back, so nothing of the dump's UTF-8 or binary data changes.
        // The reader is not closed: that would close the ZIP stream it reads from, which has more entries.
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        try (var writer = Files.newBufferedWriter(sql, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = reader.readLine()) != null; ) {
                writer.write(line.startsWith("/*!") ? DEFINER.matcher(line).replaceAll("") : line);
                writer.write('\n');
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
