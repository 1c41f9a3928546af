package io.goodword.security;

import io.goodword.web.Dates;
import io.goodword.web.SignedIn;
import io.goodword.web.Views;
import io.javalin.http.Context;

/** The signed-in freelancer and the workspace (tenant) every admin query is scoped to. */
public record CurrentUser(long accountId, long workspaceId, String email, String displayName,
                          String workspaceSlug, String workspaceName, String language, String timeZone)
        implements SignedIn {
    public static final String ATTR = SignedIn.ATTR;

    /** The signed-in user for this request, or null (only admin requests load it). */
    public static CurrentUser of(Context ctx) { return ctx.attribute(ATTR); }

    /** The workspace every query of this signed-in request is scoped to. */
    public static long workspaceId(Context ctx) { return require(ctx).workspaceId(); }

    /** Times of this admin request: the workspace's zone, the page's language. */
    public static Dates dates(Context ctx) { return Dates.in(require(ctx).timeZone(), Views.t(ctx)); }

    /** For handlers behind sign-in: the user is always there. */
    public static CurrentUser require(Context ctx) {
        CurrentUser u = of(ctx);
        if (u == null) throw new IllegalStateException("handler reached without sign-in");
        return u;
    }
}
