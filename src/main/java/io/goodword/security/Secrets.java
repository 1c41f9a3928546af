package io.goodword.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * HMAC keys of this installation, kept in {@code app_secrets} so every portal process signs alike and a restart
 * keeps what was signed valid. Nothing is hard-coded: a key is created by whichever process needs it first.
 */
public final class Secrets {
    private final Jdbi jdbi;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public Secrets(Jdbi jdbi) { this.jdbi = jdbi; }

    /** A signer under the named key. */
    public Signer signer(String name) { return new Signer(keys.computeIfAbsent(name, this::load)); }

    private byte[] load(String name) {
        String secret = jdbi.withExtension(SecretDao.class, dao -> {
            dao.offer(name, Tokens.sha256(Tokens.random()));
            return dao.find(name).orElseThrow();
        });
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** HMAC-SHA256, shortened to 128 bits in hex: plenty for values that also expire. */
    public record Signer(byte[] key) {
        public String sign(String value) { return hmacHex(value).substring(0, 32); }

        /** The whole HMAC-SHA256 of {@code value} in hex (64 characters): a webhook's signature, which a receiver recomputes. */
        public String hmacHex(String value) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Constant-time check of a signature sent back by a client. */
        public boolean verify(String value, String signature) {
            return signature != null && MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
