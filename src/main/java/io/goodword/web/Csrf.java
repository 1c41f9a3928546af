package io.goodword.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CSRF protection for every state-changing request: a random token in an HttpOnly SameSite=Lax cookie that
 * each form repeats in a hidden {@code _csrf} field (double submit). Stateless on purpose: a public form
 * needs no server session, so bots filling forms cannot fill the session table either.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    private static final String COOKIE = "gw_csrf";
    private static final String ATTR = "gw.csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The only exemption: POST /u/{token}, the one-click unsubscribe (RFC 8058). Mail providers send it without
     * our cookie, and the unguessable token in the path already proves the request comes from the email's owner.
     */
    private static final Pattern EXEMPT = Pattern.compile("/u/[A-Za-z0-9_-]{43}");

    private Csrf() {}

    /** The token for forms on this page; sets the cookie on first use. */
    public static String token(Context ctx) {
        String existing = ctx.attribute(ATTR);
        if (existing != null) return existing;
        String token = ctx.cookie(COOKIE);
        if (token == null || token.length() != 43) {
            token = newToken();
            Cookies.set(ctx, COOKIE, token, -1);
        }
        ctx.attribute(ATTR, token);
        return token;
    }

    /**
     * A new token at sign-in and sign-up: a token someone planted or read before (on a shared computer, through
     * a sibling subdomain's cookie) is worthless afterwards. Forms rendered later in this request use the new one.
     */
    public static void rotate(Context ctx) {
        String token = newToken();
        Cookies.set(ctx, COOKIE, token, -1);
        ctx.attribute(ATTR, token);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Before-handler: refuses (403) a state-changing request whose form token does not match its cookie. */
    public static void check(Context ctx) {
        if (SAFE.contains(ctx.method().name())) return;
        if (EXEMPT.matcher(ctx.path()).matches()) return;
        String cookie = ctx.cookie(COOKIE);
        String sent = ctx.header("X-CSRF-Token");
        if (sent == null) sent = ctx.formParam(FIELD);
        if (cookie == null || sent == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("csrf");
        }
    }
}
