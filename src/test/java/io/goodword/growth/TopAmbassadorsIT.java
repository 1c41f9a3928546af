package io.goodword.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.support.Fixtures;
import io.goodword.support.TestDb;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.Test;

/**
 * The top ambassadors of a period, and the revenue per ambassador, join only the groups that can make the list to
 * their names; each list must be the one a plain join of every lead (or project) gives, ties broken by name, whatever
 * the number of ambassadors.
 */
class TopAmbassadorsIT {
    private static final Jdbi JDBI = TestDb.jdbi();
    private static final Instant FROM = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-06-01T00:00:00Z");
    /** The list as it was first written: every referred lead joined to its ambassador, then grouped. */
    private static final String PLAIN = """
            SELECT l.referrer_client_id AS client_id, c.name, COUNT(*) AS leads, COALESCE(SUM(l.won_at IS NOT NULL), 0) AS won
            FROM referral_leads l JOIN clients c ON c.id = l.referrer_client_id AND c.workspace_id = l.workspace_id
            WHERE l.workspace_id = :ws AND l.created_at >= :from AND l.created_at < :to AND l.referrer_client_id IS NOT NULL
            GROUP BY l.referrer_client_id, c.name ORDER BY won DESC, leads DESC, c.name, l.referrer_client_id LIMIT :limit""";

    /** Revenue per ambassador as it was first written: every referred project joined to its ambassador, then grouped. */
    private static final String PLAIN_REVENUE = """
            SELECT p.referrer_client_id AS client_id, c.name, p.currency, COUNT(*) AS count, SUM(p.value_cents) / 100 AS amount
            FROM projects p JOIN clients c ON c.id = p.referrer_client_id AND c.workspace_id = p.workspace_id
            WHERE p.workspace_id = :ws AND p.created_at >= :from AND p.created_at < :to AND p.origin = 'referred'
              AND p.referrer_client_id IS NOT NULL AND p.value_cents IS NOT NULL
            GROUP BY p.referrer_client_id, c.name, p.currency
            ORDER BY amount DESC, c.name, p.referrer_client_id, p.currency LIMIT :limit""";

    @Test
    void revenue_per_ambassador_with_ties_and_two_currencies_is_the_plain_joins() {
        Random random = new Random(11);
        for (int ambassadors : new int[] {0, 1, 4, 12}) {
            long ws = Fixtures.freelancer().workspaceId();
            JDBI.useTransaction(h -> {
                for (int i = 0; i < ambassadors; i++) {
                    long referrer = h.attach(ClientDao.class).insert(ws, "Ambassador " + (char) ('Z' - i), null, "", "", "",
                            null, "en");
                    for (int j = 0; j < 1 + random.nextInt(3); j++) {
                        // few distinct values, so ties on the amount are many; a project outside the period, one direct
                        long client = h.attach(ClientDao.class).insert(ws, "Referred " + i + "-" + j, null, "", "", "", null, "en");
                        Instant at = j == 2 ? TO.plusSeconds(60) : FROM.plusSeconds(3600L * (i * 5 + j));
                        h.createUpdate("""
                                INSERT INTO projects (workspace_id, client_id, title, value_cents, currency, status, created_at,
                                                      origin, referrer_client_id)
                                VALUES (?, ?, 'Job', ?, ?, 'active', ?, ?, ?)""")
                                .bind(0, ws).bind(1, client).bind(2, 100_00L * (1 + random.nextInt(2)))
                                .bind(3, random.nextInt(3) == 0 ? "USD" : "EUR").bind(4, at)
                                .bind(5, random.nextInt(5) == 0 ? "direct" : "referred").bind(6, referrer).execute();
                    }
                }
            });
            for (int limit : new int[] {1, 3, 50}) {
                List<GrowthDao.AmbassadorMoney> plain = JDBI.withHandle(h -> h.createQuery(PLAIN_REVENUE).bind("ws", ws)
                        .bind("from", FROM).bind("to", TO).bind("limit", limit)
                        .registerRowMapper(ConstructorMapper.factory(GrowthDao.AmbassadorMoney.class))
                        .mapTo(GrowthDao.AmbassadorMoney.class).list());
                assertThat(JDBI.onDemand(GrowthDao.class).revenuePerAmbassador(ws, FROM, TO, limit))
                        .as("%d ambassadors, top %d", ambassadors, limit).isEqualTo(plain);
                if (ambassadors > 1 && limit == 50) assertThat(plain).hasSizeGreaterThan(1);
            }
        }
    }

    @Test
    void the_list_with_ties_and_with_fewer_ambassadors_than_places_is_the_plain_joins() {
        Random random = new Random(7);
        for (int ambassadors : new int[] {0, 1, 3, 5, 6, 12}) {
            long ws = Fixtures.freelancer().workspaceId();
            JDBI.useTransaction(h -> {
                for (int i = 0; i < ambassadors; i++) {
                    // names out of id order, and few distinct (leads, won) pairs, so ties are many
                    long client = h.attach(ClientDao.class).insert(ws, "Ambassador " + (char) ('Z' - i), null, "", "", "",
                            null, "en");
                    int leads = 1 + random.nextInt(3);
                    for (int j = 0; j < leads; j++) {
                        boolean won = random.nextBoolean();
                        Instant at = FROM.plusSeconds(3600L * (i * 5 + j));
                        h.createUpdate("""
                                INSERT INTO referral_leads (workspace_id, referrer_client_id, source, name, email, message,
                                                            consent, status, created_at, won_at)
                                VALUES (?, ?, 'link', 'Friend', 'f@example.com', '', TRUE, ?, ?, ?)""")
                                .bind(0, ws).bind(1, client).bind(2, won ? "won" : "new").bind(3, at)
                                .bind(4, won ? at.plusSeconds(60) : null).execute();
                    }
                }
            });
            for (int limit : new int[] {1, 5}) {
                List<GrowthDao.Ambassador> plain = JDBI.withHandle(h -> h.createQuery(PLAIN).bind("ws", ws)
                        .bind("from", FROM).bind("to", TO).bind("limit", limit)
                        .registerRowMapper(ConstructorMapper.factory(GrowthDao.Ambassador.class))
                        .mapTo(GrowthDao.Ambassador.class).list());
                assertThat(JDBI.onDemand(GrowthDao.class).topAmbassadors(ws, FROM, TO, limit))
                        .as("%d ambassadors, top %d", ambassadors, limit).isEqualTo(plain)
                        .hasSize(Math.min(ambassadors, limit));
            }
        }
    }
}
