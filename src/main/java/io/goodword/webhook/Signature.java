package io.goodword.webhook;

import io.goodword.security.Secrets;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Goodword-Signature} header, Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." +
 * body)>}. The receiver recomputes v1 with the endpoint's secret, compares in constant time and refuses an old t.
 */
final class Signature {
    private Signature() {}

    static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1="
                + new Secrets.Signer(secret.getBytes(StandardCharsets.UTF_8)).hmacHex(unixSeconds + "." + body);
    }
}
