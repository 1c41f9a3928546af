package io.goodword.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.db.EmbeddedMariaDb;
import io.goodword.support.CountedRows;
import io.goodword.support.Fixtures;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;

/**
 * The counters on an installation that already has data: rows written at V69, before any counter the database keeps
 * (V70 and later), then the portal started on that database, which migrates it and backfills every derived table.
 * Deleting every counted row afterwards must take every counter back to zero. The triggers take away exactly what a
 * row adds (GrowthTalliesIT and AskHoursIT compare them with recounts after inserts, updates and deletes), so a count
 * left over, or gone below zero, is a backfill that counted a row differently from its trigger. Runs on its own
 * embedded server: the shared test database is already migrated.
 */
class DerivedTablesBackfillIT {
    private static final Instant START = Instant.parse("2026-10-24T00:00:00Z"); // a DST change a day later in Europe
    private static final int DAYS = 12;

    @Test
    void every_counter_backfilled_from_rows_written_before_it_is_what_its_triggers_take_away_again() throws Exception {
        EmbeddedMariaDb server = EmbeddedMariaDb.start(TestDb.freshHome("backfill-db"));
        try {
            Flyway.configure().dataSource(server.jdbcUrl(), server.user(), server.password())
                    .initSql("SET time_zone = '+00:00'").locations("classpath:migrations").target("69").load().migrate();
            long ws = seed(Jdbi.create(server.jdbcUrl(), server.user(), server.password()).installPlugin(new SqlObjectPlugin()));
            try (TestApp app = TestApp.start(Map.of("DATABASE_URL", server.jdbcUrl(), "DATABASE_USER", server.user(),
                    "DATABASE_PASSWORD", server.password()))) {
                app.app().database().jdbi().useTransaction(h -> {
                    for (String table : DerivedTables.ALL) {
                        assertThat(totals(h, table, ws)).as(table + " backfilled from the rows written before it")
                                .isNotEmpty().anySatisfy((column, total) -> assertThat(total).isPositive());
                    }
                    for (String table : List.of("asks", "referral_visits", "referral_leads", "referral_links", "projects",
                            "testimonials")) {
                        h.execute("DELETE FROM " + table + " WHERE workspace_id = ?", ws);
                    }
                    for (String table : DerivedTables.ALL) {
                        assertThat(leftOver(h, table, ws)).as(table + " after every counted row was deleted").isEmpty();
                    }
                });
            }
        } finally {
            server.stopQuietly();
        }
    }

    /** Each counter column's total in the workspace (every int column but the key's workspace and delay bucket). */
    private static Map<String, Long> totals(Handle h, String table, long ws) {
        Map<String, Long> totals = new TreeMap<>();
        for (String column : counterColumns(h, table)) {
            totals.put(column, h.createQuery("SELECT COALESCE(SUM(" + column + "), 0) FROM " + table + " WHERE workspace_id = ?")
                    .bind(0, ws).mapTo(Long.class).one());
        }
        return totals;
    }

    /** The counter rows of the workspace that are not all zero, as text to read in a failure. */
    private static List<String> leftOver(Handle h, String table, long ws) {
        String nonZero = String.join(" <> 0 OR ", counterColumns(h, table)) + " <> 0";
        return h.createQuery("SELECT * FROM " + table + " WHERE workspace_id = ? AND (" + nonZero + ")").bind(0, ws)
                .mapToMap().map(Object::toString).list();
    }

    private static List<String> counterColumns(Handle h, String table) {
        return h.createQuery("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = DATABASE() AND table_name = ? AND data_type IN ('int', 'bigint', 'decimal')
                  AND column_name NOT IN ('workspace_id', 'delay_bucket') ORDER BY ordinal_position""")
                .bind(0, table).mapTo(String.class).list();
    }

    /** One workspace with every kind of row a counter counts (CountedRows, and check-ins), in every state, over twelve days. */
    private static long seed(Jdbi v69) {
        long ws = Fixtures.freelancer(v69).workspaceId();
        Random random = new Random(20261024);
        v69.useTransaction(h -> {
            List<Long> clients = CountedRows.seed(h, ws, 12, random, START, DAYS).ambassadors();
            for (int i = 0; i < 80; i++) {
                Instant sent = random.nextInt(6) == 0 ? null : at(random);
                boolean answered = sent != null && random.nextInt(10) < 5;
                h.execute("""
                        INSERT INTO asks (workspace_id, client_id, reason, status, open_slot, score, scheduled_for, sent_at,
                                          opened_at, answered_at, created_at, delay_hours, gave_testimonial)
                        VALUES (?, ?, 'project', 'expired', NULL, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        ws, clients.get(i % 12), answered && random.nextInt(8) > 0 ? random.nextInt(11) : null, START, sent,
                        sent != null && random.nextInt(10) < 6 ? sent.plusSeconds(random.nextInt(20_000)) : null,
                        answered ? sent.plusSeconds(random.nextInt(40_000)) : null, START,
                        random.nextInt(5) == 0 ? null : List.of(0, 47, 48, 96, 200, 400, 800).get(random.nextInt(7)),
                        random.nextInt(4) == 0); // as an import may bring it, answered or not
            }
        });
        return ws;
    }

    private static Instant at(Random random) { return CountedRows.at(random, START, DAYS); }

}
