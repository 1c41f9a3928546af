package io.goodword.referral;

import io.goodword.security.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed attribution cookie: code + when it was set, so the window is checked on the server too and nobody can
 * extend it or forge a code. Signed under the installation key "referral-cookie" (carried over by V57, so cookies
 * set before the upgrade stay valid).
 */
public final class AttributionCookie {
    private final Secrets.Signer signer;
    private final Clock clock;

    public AttributionCookie(Secrets secrets, Clock clock) {
        this.signer = secrets.signer("referral-cookie");
        this.clock = clock;
    }

    /** Cookie value remembering a referral code, set now. */
    public String of(String code) { return at(code, clock.instant()); }

    public String at(String code, Instant setAt) {
        String payload = code + "." + setAt.getEpochSecond();
        return payload + "." + signer.sign("ref:" + payload);
    }

    /** The code in a genuine cookie set less than {@code days} ago. */
    public Optional<String> code(String cookie, int days) {
        if (cookie == null) return Optional.empty();
        String[] parts = cookie.split("\\.");
        if (parts.length != 3) return Optional.empty();
        String payload = parts[0] + "." + parts[1];
        if (!signer.verify("ref:" + payload, parts[2])) return Optional.empty();
        try {
            Instant setAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (setAt.plus(Duration.ofDays(days)).isBefore(clock.instant())) return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(ReferralCodes.normalize(parts[0]));
    }
}
