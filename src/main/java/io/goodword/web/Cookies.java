package io.goodword.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The one place cookies get their attributes: HttpOnly, SameSite=Lax, and Secure when the portal's
 * BASE_URL is https (WebApp marks each request with that fact).
 */
public final class Cookies {
    static final String SECURE_ATTR = "gw.secureCookies";

    private Cookies() {}

    public static void set(Context ctx, String name, String value, int maxAgeSeconds) {
        boolean secure = Boolean.TRUE.equals(ctx.attribute(SECURE_ATTR));
        ctx.cookie(new Cookie(name, value, "/", maxAgeSeconds, secure, 0, true, null, null, SameSite.LAX));
    }

    public static void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }
}
