package io.goodword.web;

import io.javalin.apibuilder.ApiBuilder;
import io.javalin.http.Handler;

/**
 * What the composition root (io.goodword.Routes) plugs into the web server: the web layer runs the table but knows
 * no feature.
 */
public interface RouteTable {
    /** The filters that run before a request's handler, after the request is prepared (language, CSRF, headers). */
    void beforeFilters(PrefixFilters before);

    /** The endpoints and after-filters, registered with Javalin's ApiBuilder ({@code path}, {@code get}, {@code after}). */
    void endpoints();

    /**
     * A GET route that also answers HEAD through the same handler. Left alone, Javalin answers HEAD with 200 for any
     * path a GET route pattern matches, without running the handler, so HEAD of an unknown wall said 200.
     */
    static void get(String path, Handler handler) {
        ApiBuilder.get(path, handler);
        ApiBuilder.head(path, handler);
    }
}
