package io.goodword.ask;

import io.goodword.web.Localizer;
import io.goodword.web.Shell;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * /u/{token}: GET asks for confirmation (mail scanners that open links must not unsubscribe anyone); POST
 * unsubscribes, from our button or as an RFC 8058 one-click POST from the mail provider. The token in the path is the
 * secret, so this endpoint is exempt from the CSRF cookie check (see Csrf).
 */
public final class UnsubscribeController {
    private final AskService service;

    public UnsubscribeController(AskService service) { this.service = service; }

    public void confirm(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<AskVisit> owner = service.unsubscribes().linkOwner(token);
        if (owner.isEmpty()) {
            unknown(ctx);
            return;
        }
        AskVisit v = owner.get();
        boolean already = v.client().unsubscribedAt() != null;
        render(ctx, v, already ? "ask.unsubscribe.done.heading" : "ask.unsubscribe.confirm.heading",
                already ? "ask.unsubscribe.done.body" : "ask.unsubscribe.confirm.body", token, !already);
    }

    public void unsubscribe(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<AskVisit> owner = service.unsubscribes().unsubscribe(token);
        if (owner.isEmpty()) {
            unknown(ctx);
            return;
        }
        render(ctx, owner.get(), "ask.unsubscribe.done.heading", "ask.unsubscribe.done.body", token, false);
    }

    private void unknown(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND);
        Localizer t = Views.t(ctx);
        Shell shell = Views.publicShell(ctx, t, t.lookup("ask.link.unknown.heading"));
        Views.render(ctx, "ask/notice.jte", new AskPages.NoticePage(shell, null, null, "ask.link.unknown.heading",
                "ask.link.unknown.body", null, false));
    }

    private void render(Context ctx, AskVisit v, String heading, String body, String token, boolean confirm) {
        Shell shell = Views.publicShell(ctx, v.t(), v.t().lookup(heading));
        Views.render(ctx, "ask/notice.jte", new AskPages.NoticePage(shell, v.workspace().displayName(), v.workspace().logoUrl(),
                heading, body, token, confirm, v.themeUrl()));
    }
}
