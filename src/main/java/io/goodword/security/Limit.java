package io.goodword.security;

import java.time.Duration;

/**
 * Every rate limit of the portal, with its numbers, in one place. A limit allows {@code max} events per subject
 * (an IP, an account, a code…) within a sliding {@code window}; {@link Throttle} counts them in MariaDB so every
 * portal process sees the same counts. {@code messageKey} is what the visitor reads when refused ({0} = minutes).
 */
public enum Limit {
    /** Public testimonial form: every accepted review, and every attempt that carried an upload (M5). */
    REVIEW_IP("review-ip", 10, Duration.ofHours(1), "testimonial.error.tooManyFromYou"),
    REVIEW_WORKSPACE("review-ws", 100, Duration.ofHours(1), "testimonial.error.tooManyForWorkspace"),
    /** The submitter's private edit link (edit and withdraw). */
    EDIT_IP("edit-ip", 30, Duration.ofHours(1), "form.error.tooMany"),
    /** Referral landing and contact forms: per workspace and IP, and per referral code. */
    REFERRAL_IP("referral-ip", 20, Duration.ofHours(1), "referral.error.throttled"),
    REFERRAL_CODE("referral-code", 30, Duration.ofHours(1), "referral.error.throttled"),
    /** A client introducing friends from their own check-in flow. */
    REFERRAL_CLIENT("referral-client", 20, Duration.ofHours(1), "referral.error.throttled"),
    /** Unknown referral codes per IP, so 40-bit codes cannot be enumerated (L5). */
    REFERRAL_UNKNOWN_CODE("referral-badcode", 30, Duration.ofMinutes(10), "error.tooMany.body"),
    /** Check-in links: every POST, and unknown tokens, per IP. */
    CHECKIN_POST("ask-post", 60, Duration.ofMinutes(10), "ask.link.tooMany.body"),
    CHECKIN_UNKNOWN_LINK("ask-badlink", 30, Duration.ofMinutes(10), "ask.link.tooMany.body"),
    /** Case-study approval answers per IP. */
    APPROVAL_IP("casestudy-approval", 20, Duration.ofHours(1), "error.tooMany.body"),
    /** Sign-up per IP: each one costs an argon2 hash and creates a tenant (M8). */
    SIGNUP_IP("signup-ip", 10, Duration.ofHours(1), "form.error.tooMany"),
    /**
     * Failed sign-ins (L1). The tight limit is per account and IP pair, so someone elsewhere cannot lock the owner
     * out; per IP it stops one address trying many accounts; the per-account ceiling is far higher and only stops a
     * distributed guess of one password. Every attempt is reserved before the password is hashed (M8).
     */
    LOGIN_PAIR("login-pair", 5, Duration.ofMinutes(15), "login.throttled"),
    LOGIN_IP("login-ip", 20, Duration.ofMinutes(15), "login.throttled"),
    LOGIN_ACCOUNT("login-account", 100, Duration.ofMinutes(15), "login.throttled"),
    /** Reset emails: per address (no flooding an inbox) and per IP. */
    FORGOT_EMAIL("reset-email", 3, Duration.ofHours(1), "form.error.tooMany"),
    FORGOT_IP("reset-ip", 10, Duration.ofHours(1), "form.error.tooMany"),
    /** Posting a new password with a reset link, per IP: each one costs an argon2 hash (M8). */
    RESET_IP("reset-post-ip", 20, Duration.ofHours(1), "form.error.tooMany");

    private final String bucket;
    private final int max;
    private final Duration window;
    private final String messageKey;

    Limit(String bucket, int max, Duration window, String messageKey) {
        this.bucket = bucket;
        this.max = max;
        this.window = window;
        this.messageKey = messageKey;
    }

    public String bucket() { return bucket; }

    public int max() { return max; }

    public Duration window() { return window; }

    public String messageKey() { return messageKey; }
}
