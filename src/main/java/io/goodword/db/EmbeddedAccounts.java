package io.goodword.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may sign in to the embedded server, and with what: the portal account's generated password (kept 0600), the
 * init file that applies the accounts and grants at every start, and the owner-only file modes they rely on. Kept
 * apart from {@link EmbeddedMariaDb}, which is about starting and stopping the server, so the security rules can be
 * read (and reviewed) in one place.
 */
final class EmbeddedAccounts {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedAccounts.class);
    /** What the portal, its migrations and the backup command need, in the one database, and nothing global. */
    static final String PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES, "
            + "CREATE TEMPORARY TABLES, LOCK TABLES, CREATE VIEW, SHOW VIEW, TRIGGER";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private EmbeddedAccounts() {}

    /** The stored password, or a new random one written (0600) before the server first learns it. */
    static String passwordOf(Path home) throws IOException {
        Path file = EmbeddedMariaDb.passwordFile(home);
        if (Files.isRegularFile(file)) {
            ownerOnlyFile(file);
            String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (stored.matches("[A-Za-z0-9_-]{20,200}")) return stored;
            log.warn("{} does not hold a usable password; a new one is set", file);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path part = home.resolve("db-password.part");
        Files.deleteIfExists(part);
        createOwnerOnly(part);
        Files.writeString(part, password + "\n", StandardCharsets.US_ASCII);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /**
     * SQL the server runs at start-up with full rights, before any client connects: the database, the portal's
     * accounts with the stored password and only their privileges, and no anonymous accounts or public test grants
     * (mariadb-install-db creates both). Idempotent, so it also secures a data directory from an older release.
     * One statement per line, as --init-file wants.
     */
    static Path writeInitFile(Path home, String password) throws IOException {
        String pw = "'" + password + "'"; // [A-Za-z0-9_-] only: nothing to escape
        StringBuilder sql = new StringBuilder();
        sql.append("CREATE DATABASE IF NOT EXISTS `" + EmbeddedMariaDb.DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
        sql.append("DELETE FROM mysql.global_priv WHERE User = '';\n");
        sql.append("DELETE FROM mysql.db WHERE User IN ('', 'PUBLIC') AND Db IN ('test', 'test\\\\_%');\n");
        sql.append("FLUSH PRIVILEGES;\n");
        for (String host : List.of("127.0.0.1", "localhost")) { // TCP for the portal, the socket for the client tools
            String account = "'" + EmbeddedMariaDb.USER + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + pw + ";\n");
            sql.append("ALTER USER " + account + " IDENTIFIED BY " + pw + ";\n");
            sql.append("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + account + ";\n");
            sql.append("GRANT " + PRIVILEGES + " ON `" + EmbeddedMariaDb.DATABASE + "`.* TO " + account + ";\n");
        }
        Path file = home.resolve("tmp").resolve("init.sql");
        Files.deleteIfExists(file);
        createOwnerOnly(file);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return file;
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static void ownerOnlyFile(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: nothing to tighten
        }
    }

    static void ownerOnly(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: nothing to tighten
        }
    }
}
