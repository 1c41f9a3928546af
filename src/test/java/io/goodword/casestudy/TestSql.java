package io.goodword.casestudy;

import io.goodword.support.TestDb;

/** Counting rows for assertions (nothing is written here). */
final class TestSql {
    private TestSql() {}

    static long count(String sql) {
        return TestDb.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
