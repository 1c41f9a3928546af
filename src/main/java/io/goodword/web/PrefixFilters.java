package io.goodword.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Before-filters chosen by a plain path-prefix test, run in the order they were added by the one before-handler of
 * {@link WebApp}. Not Javalin path patterns: JFR showed the pattern matching of eight before-filters as the largest
 * cost of a cached wall (bench/PROFILE.md §2), so every request pays a few {@code startsWith} instead.
 *
 * <p>A prefix ending in "/" ({@code /c/}) matches every path below it; one without ({@code /admin}) matches itself
 * and every path below it, but not {@code /administrator}.
 */
public final class PrefixFilters {
    private record Filter(String prefix, Handler handler) {
        boolean matches(String path) {
            if (!path.startsWith(prefix)) return false;
            return prefix.endsWith("/") || path.length() == prefix.length() || path.charAt(prefix.length()) == '/';
        }
    }

    private final List<Filter> filters = new ArrayList<>();

    public PrefixFilters on(String prefix, Handler handler) {
        filters.add(new Filter(prefix, handler));
        return this;
    }

    void run(Context ctx) throws Exception {
        String path = ctx.path();
        for (Filter f : filters) if (f.matches(path)) f.handler().handle(ctx);
    }
}
