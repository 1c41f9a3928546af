package io.goodword.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets only a few password hashes run at once. Each argon2id hash takes 19 MiB and ~100 ms of a core, and sign-up,
 * sign-in and reset run one before anyone is known; two hundred at once would need ~4 GB. The excess waits a
 * moment for a slot, then gets {@link Passwords.Busy} (503, "try again") instead of piling up.
 */
final class HashGate {
    private final Semaphore slots;
    private final int size;
    private final Duration patience;

    HashGate(int slots, Duration patience) {
        this.slots = new Semaphore(slots, true);
        this.size = slots;
        this.patience = patience;
    }

    <T> T run(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Passwords.Busy();
        }
        if (!acquired) throw new Passwords.Busy();
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }

    int size() { return size; }

    /** Test hooks: hold every slot, as a burst of hashes would. */
    void occupyAll() throws InterruptedException { slots.acquire(size); }

    void releaseAll() { slots.release(size); }
}
