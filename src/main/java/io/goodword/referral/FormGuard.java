package io.goodword.referral;

import io.goodword.security.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Signatures for the public forms: a signed "form shown at" stamp (bots that post faster than a person can type
 * are refused) and the signed attribution cookie (code + when it was set, so the window is checked on the server
 * too and nobody can extend it or forge a code). The key lives in the database, shared by every process.
 */
public final class FormGuard {
    public static final Duration MIN_FILL_TIME = Duration.ofSeconds(3);
    private final byte[] key;
    private final Clock clock;

    public FormGuard(Jdbi jdbi, Clock clock) {
        this.clock = clock;
        this.key = jdbi.inTransaction(h -> {
            h.createUpdate("INSERT IGNORE INTO referral_secrets (name, secret) VALUES ('forms', :s)")
                    .bind("s", Tokens.sha256(Tokens.random())).execute();
            return h.createQuery("SELECT secret FROM referral_secrets WHERE name = 'forms'").mapTo(String.class).one();
        }).getBytes(StandardCharsets.UTF_8);
    }

    /** The hidden stamp for a form shown now. */
    public String stamp() { return stampAt(clock.instant()); }

    public String stampAt(Instant shownAt) {
        String ts = Long.toString(shownAt.getEpochSecond());
        return ts + "." + sign("stamp:" + ts);
    }

    /** True unless the stamp is genuine and at least {@link #MIN_FILL_TIME} old. */
    public boolean tooFast(String stamp) {
        Optional<Instant> at = verify(stamp, "stamp:");
        return at.isEmpty() || Duration.between(at.get(), clock.instant()).compareTo(MIN_FILL_TIME) < 0;
    }

    /** Cookie value remembering a referral code, set now. */
    public String attributionCookie(String code) { return attributionCookieAt(code, clock.instant()); }

    public String attributionCookieAt(String code, Instant setAt) {
        String payload = code + "." + setAt.getEpochSecond();
        return payload + "." + sign("ref:" + payload);
    }

    /** The code in a genuine cookie set less than {@code days} ago. */
    public Optional<String> attributedCode(String cookie, int days) {
        if (cookie == null) return Optional.empty();
        String[] parts = cookie.split("\\.");
        if (parts.length != 3) return Optional.empty();
        String payload = parts[0] + "." + parts[1];
        if (!constantEquals(sign("ref:" + payload), parts[2])) return Optional.empty();
        try {
            Instant setAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (setAt.plus(Duration.ofDays(days)).isBefore(clock.instant())) return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(ReferralCodes.normalize(parts[0]));
    }

    private Optional<Instant> verify(String stamp, String purpose) {
        if (stamp == null) return Optional.empty();
        int dot = stamp.indexOf('.');
        if (dot <= 0) return Optional.empty();
        String ts = stamp.substring(0, dot);
        if (!constantEquals(sign(purpose + ts), stamp.substring(dot + 1))) return Optional.empty();
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(ts)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(String s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
