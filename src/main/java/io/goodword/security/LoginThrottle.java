package io.goodword.security;

import java.time.Duration;

/**
 * Brute-force protection: after 5 failed sign-ins for one email, or 20 from one IP, within 15 minutes, further
 * attempts are refused until the window passes, whatever the password (a correct one does not unlock it).
 */
public final class LoginThrottle {
    static final int MAX_PER_EMAIL = 5;
    static final int MAX_PER_IP = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_RESETS_PER_HOUR = 3;

    public record Verdict(boolean blocked, long retryAfterSeconds) {}

    private final Throttle throttle;

    public LoginThrottle(Throttle throttle) { this.throttle = throttle; }

    public Verdict check(String email, String ip) {
        boolean blocked = throttle.exceeded("login-email", email, MAX_PER_EMAIL, WINDOW)
                || throttle.exceeded("login-ip", ip, MAX_PER_IP, WINDOW);
        return new Verdict(blocked, blocked ? WINDOW.toSeconds() : 0);
    }

    public void recordFailure(String email, String ip) {
        throttle.record("login-email", email);
        throttle.record("login-ip", ip);
    }

    /** At most 3 reset emails an hour per address and 10 per IP, so the form cannot flood an inbox. */
    public boolean allowResetRequest(String email, String ip) {
        if (throttle.exceeded("reset-email", email, MAX_RESETS_PER_HOUR, Duration.ofHours(1))
                || throttle.exceeded("reset-ip", ip, 10, Duration.ofHours(1))) {
            return false;
        }
        throttle.record("reset-email", email);
        throttle.record("reset-ip", ip);
        return true;
    }
}
