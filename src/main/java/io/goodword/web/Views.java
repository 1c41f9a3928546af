package io.goodword.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** Rendering of page records into their JTE templates; every handler goes through here. */
public final class Views {
    static final String LOCALIZER_ATTR = "gw.t";
    static final String I18N_ATTR = "gw.i18n";

    private Views() {}

    /** The layout data for this request; {@code titleKey} is a message key, {@code nav} the active admin area. */
    public static Shell shell(Context ctx, String titleKey, String nav) {
        Localizer t = t(ctx);
        return new Shell(t.lookup(titleKey), t, () -> Csrf.token(ctx), Flash.pop(ctx), ctx.attribute(SignedIn.ATTR), nav);
    }

    public static Shell shell(Context ctx, String titleKey) { return shell(ctx, titleKey, ""); }

    /** Same, with a title that is already text (a client's name, a testimonial's author). */
    public static Shell shellWithTitle(Context ctx, String title, String nav) {
        Localizer t = t(ctx);
        return new Shell(title, t, () -> Csrf.token(ctx), Flash.pop(ctx), ctx.attribute(SignedIn.ATTR), nav);
    }

    /**
     * A page outside the admin in a language chosen for it (the client's, the freelancer's) rather than the
     * visitor's: a title that is already text, the CSRF token on demand, the pending flash, nobody signed in.
     */
    public static Shell publicShell(Context ctx, Localizer t, String title) {
        return new Shell(title, t, () -> Csrf.token(ctx), Flash.pop(ctx), null, "");
    }

    /** A page rendered once and served to many visitors (the cached wall): no CSRF token, no flash, nobody. */
    public static Shell cachedShell(Localizer t, String title) {
        return new Shell(title, t, () -> "", null, null, "");
    }

    /**
     * The visitor's translations, worked out on first use: cached public pages never need them, so the hot path
     * skips parsing Accept-Language. Null only for a failure before the request was set up.
     */
    public static Localizer t(Context ctx) {
        Localizer t = ctx.attribute(LOCALIZER_ATTR);
        if (t == null) {
            I18n i18n = ctx.attribute(I18N_ATTR);
            if (i18n == null) return null;
            t = i18n.localizer(i18n.languageOf(ctx));
            ctx.attribute(LOCALIZER_ATTR, t);
        }
        return t;
    }

    public static void render(Context ctx, String template, Object page) {
        ctx.render(template, Map.of("page", page));
    }

    /** Re-render a form that failed validation: 422, input kept by the page record. */
    public static void invalid(Context ctx, String template, Object page) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        ctx.render(template, Map.of("page", page));
    }

    /** POST-redirect-GET with a confirmation message. */
    public static void redirectWithFlash(Context ctx, String location, String flashKey) {
        Flash.set(ctx, flashKey);
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }
}
