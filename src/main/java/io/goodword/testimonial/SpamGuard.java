package io.goodword.testimonial;

import io.goodword.security.Throttle;
import io.goodword.security.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Defences of the public testimonial form: a honeypot field, a signed start time (minimum fill time), and
 * per-IP and per-workspace rate limits counted in MariaDB (shared by every portal process).
 * Each refusal names a message key; the form is shown again with everything typed.
 */
public final class SpamGuard {
    public static final String HONEYPOT = "fax";
    public static final String STARTED = "started";
    static final Duration MIN_FILL = Duration.ofSeconds(3);
    static final Duration MAX_AGE = Duration.ofDays(1);
    static final int PER_IP_PER_HOUR = 10;
    static final int PER_WORKSPACE_PER_HOUR = 100;
    static final String IP_BUCKET = "testimonial-ip";
    static final String WS_BUCKET = "testimonial-ws";

    /** Why a submission was refused, and with which HTTP status. */
    public record Refusal(int status, String messageKey) {}

    private final Jdbi jdbi;
    private final Throttle throttle;
    private final Clock clock;
    private volatile byte[] key;

    public SpamGuard(Jdbi jdbi, Throttle throttle, Clock clock) {
        this.jdbi = jdbi;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** The hidden start-time value for a form shown now. */
    public String startStamp() { return startStamp(clock.instant()); }

    public String startStamp(Instant at) {
        String millis = Long.toString(at.toEpochMilli());
        return millis + "." + sign(millis);
    }

    /** Checks everything that does not depend on the form's content; null when the submission may go on. */
    public Refusal check(String honeypot, String started, String ip, long workspaceId) {
        if (honeypot != null && !honeypot.isBlank()) return new Refusal(422, "testimonial.error.spam");
        Instant start = verifiedStart(started);
        Instant now = clock.instant();
        if (start == null || start.isBefore(now.minus(MAX_AGE))) return new Refusal(422, "testimonial.error.expired");
        if (start.plus(MIN_FILL).isAfter(now)) return new Refusal(422, "testimonial.error.tooFast");
        if (throttle.exceeded(IP_BUCKET, ip, PER_IP_PER_HOUR, Duration.ofHours(1))) {
            return new Refusal(429, "testimonial.error.tooManyFromYou");
        }
        if (throttle.exceeded(WS_BUCKET, Long.toString(workspaceId), PER_WORKSPACE_PER_HOUR, Duration.ofHours(1))) {
            return new Refusal(429, "testimonial.error.tooManyForWorkspace");
        }
        return null;
    }

    /** Counts an accepted submission against both limits. */
    public void recordAccepted(String ip, long workspaceId) {
        throttle.record(IP_BUCKET, ip);
        throttle.record(WS_BUCKET, Long.toString(workspaceId));
    }

    private Instant verifiedStart(String stamp) {
        if (stamp == null) return null;
        int dot = stamp.indexOf('.');
        if (dot <= 0) return null;
        String millis = stamp.substring(0, dot);
        byte[] expected = sign(millis).getBytes(StandardCharsets.US_ASCII);
        byte[] sent = stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sent)) return null;
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One secret for the installation, created by whichever process needs it first. */
    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String secret = jdbi.withHandle(h -> {
                TestimonialDao dao = h.attach(TestimonialDao.class);
                dao.offerSecret("form-start", Tokens.sha256(Tokens.random()));
                return dao.secret("form-start").orElseThrow();
            });
            k = HexFormat.of().parseHex(secret);
            key = k;
        }
        return k;
    }
}
