package io.goodword.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.goodword.support.TestDb;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two transactions that lock the same two rows in opposite order deadlock for certain: each holds its first row
 * before it asks for the second (the latches see to that). InnoDB rolls one back; the portal must run it again
 * instead of answering 500 (a load run deadlocked two concurrent case-study approval requests that way).
 */
class DeadlockRetryIT {
    private final Jdbi jdbi = TestDb.jdbi();

    @BeforeEach
    void rows() {
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE IF NOT EXISTS deadlock_probe (id INT PRIMARY KEY, n INT NOT NULL, marks INT NOT NULL)");
            h.execute("DELETE FROM deadlock_probe");
            h.execute("INSERT INTO deadlock_probe VALUES (1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 0, 0)");
        });
    }

    @Test
    void the_deadlock_victim_is_run_again_and_both_transactions_count_once() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        run(attempts, false);
        assertEquals(List.of(2, 2), jdbi.withHandle(h ->
                h.createQuery("SELECT n FROM deadlock_probe WHERE id IN (1, 2) ORDER BY id").mapTo(Integer.class).list()));
        assertEquals(3, attempts.get(), "two transactions, one of them run a second time");
    }

    @Test
    void a_deadlock_inside_a_nested_transaction_runs_the_whole_outer_one_again() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        run(attempts, true);
        // each outer transaction marks a row of its own before its nested part: a retry of the nested part alone
        // would commit without the victim's (rolled back) mark; a retry of the whole keeps one mark per transaction
        assertEquals(List.of(1, 1), jdbi.withHandle(h ->
                h.createQuery("SELECT marks FROM deadlock_probe WHERE id IN (3, 4) ORDER BY id").mapTo(Integer.class).list()));
        assertEquals(List.of(2, 2), jdbi.withHandle(h ->
                h.createQuery("SELECT n FROM deadlock_probe WHERE id IN (1, 2) ORDER BY id").mapTo(Integer.class).list()));
    }

    /**
     * Under load a transaction can lose several times running (4 of 3,489 case-study posts at load 30 lost five times
     * in a row with 1467 and answered 500). The database itself raises the error here (SIGNAL through the real
     * driver) for the first eight attempts: the ninth must commit, after a pause between tries.
     */
    @Test
    void a_transaction_that_loses_eight_times_running_still_commits_once() {
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();
        jdbi.useTransaction(h -> {
            h.execute("UPDATE deadlock_probe SET n = n + 1 WHERE id = 1");
            if (attempts.incrementAndGet() <= 8) h.execute("SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 1467, MESSAGE_TEXT = 'probe'");
        });
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(9, attempts.get());
        assertEquals(1, (int) jdbi.withHandle(h -> h.createQuery("SELECT n FROM deadlock_probe WHERE id = 1").mapTo(Integer.class).one()),
                "the eight rolled-back tries left nothing behind");
        assertTrue(waitedMillis >= 8, "each retry waits at least a millisecond, waited " + waitedMillis + " ms");
    }

    @Test
    void a_transaction_that_always_loses_gives_up_after_the_last_retry() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(Exception.class, () -> jdbi.useTransaction(h -> {
            attempts.incrementAndGet();
            h.execute("SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'probe'");
        }));
        assertEquals(RetriedTransactions.MAX_RETRIES + 1, attempts.get());
    }

    @Test
    void pauses_double_from_ten_milliseconds_up_to_four_hundred() {
        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 400L, 400L),
                java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(RetriedTransactions::pauseCeilingMillis).toList());
    }

    private void run(AtomicInteger attempts, boolean nested) throws Exception {
        CountDownLatch firstLocks = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> transaction(attempts, firstLocks, 1, 2, nested));
            Future<?> b = pool.submit(() -> transaction(attempts, firstLocks, 2, 1, nested));
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private Void transaction(AtomicInteger attempts, CountDownLatch firstLocks, int first, int second, boolean nested)
            throws InterruptedException {
        AtomicInteger mine = new AtomicInteger();
        return jdbi.inTransaction(h -> {
            attempts.incrementAndGet();
            if (!nested) return lockBoth(h, mine, firstLocks, first, second);
            h.execute("UPDATE deadlock_probe SET marks = marks + 1 WHERE id = ?", first + 2);
            return h.inTransaction(inner -> lockBoth(inner, mine, firstLocks, first, second));
        });
    }

    private static Void lockBoth(Handle h, AtomicInteger mine, CountDownLatch firstLocks, int first, int second)
            throws InterruptedException {
        h.execute("UPDATE deadlock_probe SET n = n + 1 WHERE id = ?", first);
        if (mine.getAndIncrement() == 0) { // only the first attempt waits for the other to hold its row
            firstLocks.countDown();
            firstLocks.await(30, TimeUnit.SECONDS);
        }
        h.execute("UPDATE deadlock_probe SET n = n + 1 WHERE id = ?", second);
        return null;
    }
}
