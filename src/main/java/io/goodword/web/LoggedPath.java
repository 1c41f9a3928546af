package io.goodword.web;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * The request path as it may be written to a log. Token links (/c/, /u/, /approve/, /password/reset/,
 * /testimonial/edit/) carry their secret in the path, so the log gets the matched route template
 * ({@code /c/{token}}); where no route matched yet (a before-handler, a 404), every path segment long enough to be
 * a token is masked.
 */
public final class LoggedPath {
    /** Slugs, ids and words stay readable; our tokens are 22+ characters of base64url. */
    private static final Pattern LONG_SEGMENT = Pattern.compile("[^/]{20,}");

    private LoggedPath() {}

    public static String of(Context ctx) {
        try {
            String template = ctx.endpointHandlerPath();
            if (template != null && !template.isEmpty() && !template.equals("*")) return template;
        } catch (IllegalStateException inBeforeHandler) {
            // Javalin knows the endpoint only once the before-handlers are done
        }
        return masked(ctx.path());
    }

    static String masked(String path) {
        return path == null ? "" : LONG_SEGMENT.matcher(path).replaceAll("…");
    }
}
