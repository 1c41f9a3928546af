package io.goodword.web;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;

/**
 * Headers every response gets. Handlers that must differ (the embed page may be framed) set their own value
 * after this ran; see {@link #allowFramingBy}.
 */
public final class SecurityHeaders {
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
            + "frame-ancestors 'none'";

    /**
     * Built and encoded once: every response of the hot path would otherwise look up and encode the same seven
     * headers afresh.
     */
    private static final List<HttpField> PLAIN = fields(false);
    private static final List<HttpField> HTTPS = fields(true);

    private SecurityHeaders() {}

    private static List<HttpField> fields(boolean https) {
        List<HttpField> f = new ArrayList<>(List.of(
                new PreEncodedHttpField("Content-Security-Policy", CSP),
                new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
                new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin"),
                new PreEncodedHttpField("X-Frame-Options", "DENY"),
                new PreEncodedHttpField("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
                new PreEncodedHttpField("Cross-Origin-Opener-Policy", "same-origin")));
        if (https) f.add(new PreEncodedHttpField(HttpHeader.STRICT_TRANSPORT_SECURITY, "max-age=31536000"));
        return List.copyOf(f);
    }

    public static void apply(Context ctx, boolean https) {
        List<HttpField> fields = https ? HTTPS : PLAIN;
        HttpServletResponse res = Response.unwrap(ctx.res());
        if (res instanceof Response jetty) {
            HttpFields.Mutable headers = jetty.getHttpFields();
            for (HttpField f : fields) headers.put(f);
        } else {
            for (HttpField f : fields) ctx.res().setHeader(f.getName(), f.getValue());
        }
    }

    /** The widget's policy (framed by any site), built once: the widget is on the hot path too. */
    private static final String CSP_FRAMED_BY_ANY = framedBy("*");

    private static String framedBy(String ancestors) {
        return CSP.replace("frame-ancestors 'none'", "frame-ancestors " + ancestors);
    }

    /** For pages meant to be embedded in other sites (the testimonial widget). */
    public static void allowFramingBy(Context ctx, String ancestors) {
        ctx.header("Content-Security-Policy", "*".equals(ancestors) ? CSP_FRAMED_BY_ANY : framedBy(ancestors));
        ctx.res().setHeader("X-Frame-Options", null);
    }

    /**
     * For pages whose URL carries a secret (a check-in, edit, approval, reset or reward link): the secret must not
     * leak through the Referer header of a link followed from the page, nor stay in a shared cache.
     */
    public static void tokenPage(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
