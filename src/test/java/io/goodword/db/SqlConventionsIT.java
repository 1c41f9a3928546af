package io.goodword.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goodword.support.TestDb;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The conventions {@link Database} puts on every statement, against the real MariaDB. */
class SqlConventionsIT {
    private static Jdbi jdbi;

    @BeforeAll
    static void table() {
        jdbi = TestDb.jdbi();
        jdbi.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS toolkit_probe (id BIGINT PRIMARY KEY, "
                + "tag VARCHAR(20) NOT NULL, UNIQUE KEY uq_toolkit_probe_tag (tag)) ENGINE=InnoDB"));
    }

    @AfterAll
    static void drop() { jdbi.useHandle(h -> h.execute("DROP TABLE toolkit_probe")); }

    @Test
    void a_second_row_with_the_same_unique_value_is_a_duplicate_key_naming_the_key() {
        jdbi.useHandle(h -> h.execute("INSERT INTO toolkit_probe (id, tag) VALUES (1, 'a')"));
        assertThatThrownBy(() -> jdbi.useTransaction(h -> h.createUpdate("INSERT INTO toolkit_probe (id, tag) VALUES (2, :t)")
                .bind("t", "a").execute()))
                .isInstanceOfSatisfying(DuplicateKey.class, e -> assertThat(e.key()).isEqualTo("uq_toolkit_probe_tag"));
    }
}
