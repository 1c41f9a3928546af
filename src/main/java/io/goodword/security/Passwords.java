package io.goodword.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.javalin.http.HttpResponseException;
import java.time.Duration;

/** argon2id hashing (OWASP's recommended parameters: 19 MiB, 2 iterations, 1 lane), a few at a time. */
public final class Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /**
     * Memory and cores are per process, so the bound is too: four hashes (~80 MiB) at once; a request waits up to
     * five seconds for a slot (at two, a burst of fifteen sign-ups on a busy two-core machine already turned people
     * away with 503 while the queue was only a few hashes long). Declared before DUMMY_HASH, computed through it.
     */
    static final HashGate GATE = new HashGate(4, Duration.ofSeconds(5));
    /** Checked against when an email is unknown, so a wrong email costs the same time as a wrong password. */
    private static final String DUMMY_HASH = hash("not-a-real-password-" + System.nanoTime());

    /**
     * Every hashing slot stayed taken. An HTTP 503 wherever it is not caught; the account forms catch it and say
     * "busy, try again" next to the form, with Retry-After.
     */
    public static final class Busy extends HttpResponseException {
        public static final int RETRY_AFTER_SECONDS = 5;

        Busy() { super(503, "busy, try again"); }
    }

    private Passwords() {}

    /** @throws Busy when too many hashes are running (answer 503, try again) */
    public static String hash(String password) {
        return GATE.run(() -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    }

    /** @throws Busy when too many hashes are running (answer 503, try again) */
    public static boolean matches(String password, String hash) {
        if (password == null) return false;
        return GATE.run(() -> Password.check(password, hash == null ? DUMMY_HASH : hash).with(ARGON2ID));
    }
}
