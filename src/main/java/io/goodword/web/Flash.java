package io.goodword.web;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * One-shot confirmation after a redirect (POST-redirect-GET). Only a message key travels in the cookie,
 * never text, so nothing a visitor sends can appear as a flash.
 */
public final class Flash {
    private static final String COOKIE = "gw_flash";
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9._-]{1,80}");

    private Flash() {}

    public static void set(Context ctx, String messageKey) {
        Cookies.set(ctx, COOKIE, messageKey, 60);
    }

    /** The pending message key (and clears it), or null. */
    public static String pop(Context ctx) {
        String key = ctx.cookie(COOKIE);
        if (key == null) return null;
        Cookies.clear(ctx, COOKIE);
        return KEY.matcher(key).matches() ? key : null;
    }
}
