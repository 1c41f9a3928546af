package io.goodword.security;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The installation's signing keys, by name; the first process to need one creates it. */
public interface SecretDao {
    @SqlUpdate("INSERT IGNORE INTO app_secrets (name, secret) VALUES (:name, :secret)")
    void offer(@Bind("name") String name, @Bind("secret") String secret);

    @SqlQuery("SELECT secret FROM app_secrets WHERE name = :name")
    Optional<String> find(@Bind("name") String name);
}
