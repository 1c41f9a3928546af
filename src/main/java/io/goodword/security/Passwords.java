package io.goodword.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** argon2id hashing (OWASP's recommended parameters: 19 MiB, 2 iterations, 1 lane). */
public final class Passwords {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked against when an email is unknown, so a wrong email costs the same time as a wrong password. */
    private static final String DUMMY_HASH = hash("not-a-real-password-" + System.nanoTime());

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean matches(String password, String hash) {
        if (password == null) return false;
        return Password.check(password, hash == null ? DUMMY_HASH : hash).with(ARGON2ID);
    }
}
