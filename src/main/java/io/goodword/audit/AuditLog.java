package io.goodword.audit;

import io.goodword.security.CurrentUser;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Records admin actions: who (the account), what (an action key and a detail without personal data of clients), when.
 * Features record their own actions with details inside their transaction ({@link #record(Handle, long, Long, String, String)});
 * every other successful admin POST is recorded by {@link #afterAdminRequest(Context)} with its route and path.
 */
public final class AuditLog {
    /** Set by a handler that recorded its action itself, so the generic entry is not written twice. */
    public static final String RECORDED_ATTR = "gw.audited";
    private static final int MAX_DETAIL = 1000;

    private final Jdbi jdbi;

    public AuditLog(Jdbi jdbi) { this.jdbi = jdbi; }

    /** Records an action in the caller's transaction. */
    public static void record(Handle handle, long workspaceId, Long accountId, String action, String detail) {
        handle.attach(AuditDao.class).insert(workspaceId, accountId, action, clip(detail));
    }

    public void record(long workspaceId, Long accountId, String action, String detail) {
        jdbi.useHandle(h -> record(h, workspaceId, accountId, action, detail));
    }

    /** Records the signed-in user's action and marks the request as audited. */
    public void record(Context ctx, String action, String detail) {
        CurrentUser user = CurrentUser.require(ctx);
        record(user.workspaceId(), user.accountId(), action, detail);
        ctx.attribute(RECORDED_ATTR, Boolean.TRUE);
    }

    /**
     * After-handler for /admin/*: a POST that succeeded (redirect or download) and was not recorded by its handler is
     * recorded with its route (e.g. {@code POST /admin/clients/{id}}) and its actual path (ids only).
     */
    public void afterAdminRequest(Context ctx) {
        if (!"POST".equals(ctx.method().name())) return;
        if (Boolean.TRUE.equals(ctx.attribute(RECORDED_ATTR))) return;
        int status = ctx.statusCode();
        if (status >= 400) return;
        CurrentUser user = CurrentUser.of(ctx);
        if (user == null) return;
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = ctx.path();
        }
        record(user.workspaceId(), user.accountId(), "POST " + route + verb(ctx), ctx.path());
    }

    /**
     * The button's {@code action} (approve, reject…) when one route does several things, so the log can say which
     * ("Approved the testimonial of …"); only a short lower-case word, never free text typed by anyone.
     */
    private static String verb(Context ctx) {
        String action;
        try {
            action = ctx.formParam("action");
        } catch (RuntimeException unreadable) {
            return "";
        }
        if (action == null) return "";
        String v = action.strip().toLowerCase(java.util.Locale.ROOT);
        return v.matches("[a-z]{1,20}") ? " " + v : "";
    }

    private static String clip(String detail) {
        if (detail == null) return "";
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
