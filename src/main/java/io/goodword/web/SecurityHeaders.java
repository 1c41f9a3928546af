package io.goodword.web;

import io.javalin.http.Context;

/**
 * Headers every response gets. Handlers that must differ (the embed page may be framed) set their own value
 * after this ran; see {@link #allowFramingBy}.
 */
public final class SecurityHeaders {
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
            + "frame-ancestors 'none'";

    private SecurityHeaders() {}

    public static void apply(Context ctx, boolean https) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (https) ctx.header("Strict-Transport-Security", "max-age=31536000");
    }

    /** For pages meant to be embedded in other sites (the testimonial widget). */
    public static void allowFramingBy(Context ctx, String ancestors) {
        ctx.header("Content-Security-Policy", CSP.replace("frame-ancestors 'none'", "frame-ancestors " + ancestors));
        ctx.res().setHeader("X-Frame-Options", null);
    }
}
