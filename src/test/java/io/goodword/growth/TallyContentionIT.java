package io.goodword.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.referral.ReferralCodes;
import io.goodword.support.Fixtures;
import io.goodword.support.TestDb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A referral landing counts its visit in one statement outside any transaction (so nothing retries it), and the
 * trigger upserts that hour's counter row (V70), whose own trigger upserts that day's (V73). Many visits at once,
 * most of them the first of a new hour, must neither fail (an upsert of a row that does not exist yet takes gap
 * locks) nor lose a count.
 */
class TallyContentionIT {
    private static final Jdbi JDBI = TestDb.jdbi();
    private static final Instant START = Instant.parse("2031-01-01T00:00:00Z");

    @Test
    void visits_at_once_into_new_hours_all_count_and_none_fails() throws Exception {
        long ws = Fixtures.freelancer().workspaceId();
        String code = ReferralCodes.next();
        JDBI.useTransaction(h -> {
            long program = h.createUpdate("""
                    INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type, status)
                    VALUES (?, 'Friends', '', '', 'cash', 'active')""").bind(0, ws)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long client = h.attach(ClientDao.class).insert(ws, "Ambassador", null, "", "", "", null, "en");
            h.execute("INSERT INTO referral_links (workspace_id, program_id, client_id, code, created_at) VALUES (?, ?, ?, ?, ?)",
                    ws, program, client, code, START);
        });
        GrowthDao dao = JDBI.onDemand(GrowthDao.class);
        int threads = 12;
        int each = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    try {
                        dao.recordVisit(code, START.plusSeconds(3600L * (i / 5) + i)); // every thread in the same hours
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        assertThat(failed.get()).isZero();
        for (String counters : List.of("referral_hours", "referral_utc_days")) { // the days follow the hours (V73)
            Integer counted = JDBI.withHandle(h -> h.createQuery("SELECT SUM(visits) FROM " + counters + " WHERE workspace_id = ?")
                    .bind(0, ws).mapTo(Integer.class).one());
            assertThat(counted).as(counters).isEqualTo(threads * each);
        }
    }
}
