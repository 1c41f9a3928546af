package io.goodword.account;

import io.goodword.security.CurrentUser;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Account.class)
public interface AccountDao {

    @SqlUpdate("""
            INSERT INTO accounts (workspace_id, email, password_hash, display_name)
            VALUES (:workspaceId, :email, :passwordHash, :displayName)""")
    @GetGeneratedKeys
    long insert(@Bind("workspaceId") long workspaceId, @Bind("email") String email,
                @Bind("passwordHash") String passwordHash, @Bind("displayName") String displayName);

    /**
     * Exact match only. The column's collation (utf8mb4_unicode_ci) finds "vìctim@" or "vic\u200Btim@" for
     * "victim@", so the binary comparison decides; the first comparison is there so the unique index is still used.
     * Pass a {@link io.goodword.web.Validation#normalizeEmail normalized} address, as stored.
     */
    @SqlQuery("""
            SELECT id, workspace_id, email, password_hash, display_name, created_at, session_epoch FROM accounts
            WHERE email = :email AND email = :email COLLATE utf8mb4_bin""")
    Optional<Account> findByEmail(@Bind("email") String email);

    @SqlQuery("SELECT id, workspace_id, email, password_hash, display_name, created_at, session_epoch FROM accounts WHERE id = :id")
    Optional<Account> findById(@Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) FROM accounts")
    long count();

    @SqlQuery("""
            SELECT a.id AS account_id, a.workspace_id, a.email, a.display_name, w.slug AS workspace_slug,
                   w.display_name AS workspace_name, w.language, w.time_zone
            FROM accounts a JOIN workspaces w ON w.id = a.workspace_id
            WHERE a.id = :id""")
    @RegisterConstructorMapper(CurrentUser.class)
    Optional<CurrentUser> findCurrentUser(@Bind("id") long accountId);

    /** The signed-in user, only while the session's stamped epoch is the account's current one (one query per request). */
    @SqlQuery("""
            SELECT a.id AS account_id, a.workspace_id, a.email, a.display_name, w.slug AS workspace_slug,
                   w.display_name AS workspace_name, w.language, w.time_zone
            FROM accounts a JOIN workspaces w ON w.id = a.workspace_id
            WHERE a.id = :id AND a.session_epoch = :epoch""")
    @RegisterConstructorMapper(CurrentUser.class)
    Optional<CurrentUser> findSignedInUser(@Bind("id") long accountId, @Bind("epoch") int sessionEpoch);

    /** The account's current session epoch: a session stamped with an older one was signed in before a password change. */
    @SqlQuery("SELECT session_epoch FROM accounts WHERE id = :id")
    Optional<Integer> sessionEpoch(@Bind("id") long accountId);

    /** A new password also raises the session epoch, which signs out every session signed in with the old one. */
    @SqlUpdate("UPDATE accounts SET password_hash = :hash, session_epoch = session_epoch + 1 WHERE id = :id")
    void updatePassword(@Bind("id") long id, @Bind("hash") String hash);

    @SqlUpdate("UPDATE accounts SET email = :email WHERE id = :id")
    void updateEmail(@Bind("id") long id, @Bind("email") String email);

    // ---- password reset tokens (only their SHA-256 is stored) ----

    @SqlUpdate("INSERT INTO password_resets (token_hash, account_id, expires_at) VALUES (:hash, :accountId, :expiresAt)")
    void insertReset(@Bind("hash") String tokenHash, @Bind("accountId") long accountId, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("""
            SELECT account_id FROM password_resets
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
    Optional<Long> findValidReset(@Bind("hash") String tokenHash, @Bind("now") Instant now);

    /** Marks the token used; returns 1 only for the first caller, which makes the link single-use. */
    @SqlUpdate("UPDATE password_resets SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
    int useReset(@Bind("hash") String tokenHash, @Bind("now") Instant now);

    /** After a reset every other link the account was sent is void too. */
    @SqlUpdate("DELETE FROM password_resets WHERE account_id = :accountId")
    void deleteResets(@Bind("accountId") long accountId);
}
