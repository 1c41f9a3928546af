package io.goodword.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * The only way a request path reaches the log: the secret of a token link (reset, edit, check-in, unsubscribe,
 * approval) and any other long path segment are replaced, so log access never grants what only the SHA-256 in the
 * database is meant to protect. Slugs, ids and route words stay readable.
 */
public final class LogPaths {
    /** Every public URL that carries a secret in the segment after its prefix. */
    public static final List<String> TOKEN_PREFIXES = List.of("/c/", "/u/", "/approve/", "/password/reset/",
            "/testimonial/edit/", "/reward/");
    /** Slugs are at most 40 characters; tokens are 43. Longer segments are never worth logging in full. */
    static final int MAX_SEGMENT = 40;
    static final String MASK = "{token}";

    private LogPaths() {}

    /**
     * The request as an error log line names it: the matched route template ({@code /c/{token}}) once Javalin knows
     * it, otherwise (a before-handler, a 404) the masked path.
     */
    public static String of(Context ctx) {
        try {
            String template = ctx.endpointHandlerPath();
            if (template != null && !template.isEmpty() && !template.equals("*")) return template;
        } catch (IllegalStateException inBeforeHandler) {
            // Javalin knows the endpoint only once the before-handlers are done
        }
        return mask(ctx.path());
    }

    public static String mask(String path) {
        if (path == null) return "";
        for (String prefix : TOKEN_PREFIXES) {
            if (path.startsWith(prefix)) {
                int end = path.indexOf('/', prefix.length());
                return prefix + MASK + (end < 0 ? "" : maskLong(path.substring(end)));
            }
        }
        return maskLong(path);
    }

    private static String maskLong(String path) {
        int start = 0;
        StringBuilder out = null;
        int n = path.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                if (i - start > MAX_SEGMENT) {
                    if (out == null) out = new StringBuilder(path.substring(0, start));
                    out.append(MASK);
                } else if (out != null) {
                    out.append(path, start, i);
                }
                if (out != null && i < n) out.append('/');
                start = i + 1;
            }
        }
        return out == null ? path : out.toString();
    }
}
