package io.goodword.web;

import io.javalin.http.Context;

/**
 * A 404 that a feature draws itself: a broken link into a freelancer's own site ({@code /p/{slug}/…}) stays on
 * their site, under their name and colours, instead of Goodword's page. The web layer asks it first and falls back
 * to the generic error page when it answers false.
 */
@FunctionalInterface
public interface SiteNotFound {
    SiteNotFound NONE = ctx -> false;

    /**
     * Request attribute, true when no route has the request's path (Javalin's {@code EndpointNotFound}): a 404 that
     * no data decided, so it holds for as long as the page drawn for it (see {@link FastLane#rememberNotFound}).
     */
    String NO_ROUTE = "gw.noRoute";

    /** Renders the page for this request's 404 and answers true, or answers false and leaves the response alone. */
    boolean render(Context ctx);
}
