package io.goodword.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HashGateTest {
    @Test
    void no_more_than_the_slots_run_at_once_and_the_excess_is_told_busy_after_a_short_wait() throws Exception {
        HashGate gate = new HashGate(2, Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> gate.run(() -> { running.countDown(); await(finish); return 1; }));
            Future<?> b = pool.submit(() -> gate.run(() -> { running.countDown(); await(finish); return 2; }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

            long t0 = System.nanoTime();
            assertThatThrownBy(() -> gate.run(() -> 3)).isInstanceOf(Passwords.Busy.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

            finish.countDown();
            a.get(5, TimeUnit.SECONDS);
            b.get(5, TimeUnit.SECONDS);
            assertThat(gate.run(() -> 4)).as("slots are given back").isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_failing_hash_gives_its_slot_back() {
        HashGate gate = new HashGate(1, Duration.ofMillis(50));
        assertThatThrownBy(() -> gate.run(() -> { throw new IllegalStateException("boom"); })).hasMessage("boom");
        assertThat(gate.run(() -> "ok")).isEqualTo("ok");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
