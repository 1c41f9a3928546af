package io.goodword.mail;

import io.goodword.security.CurrentUser;
import io.goodword.web.Pager;
import io.goodword.web.Params;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.goodword.db.NotFound;
import java.util.List;

/** /admin/outbox: every email of the workspace, so a freelancer without SMTP can still read and click them. */
public final class OutboxController {
    private static final int PAGE_SIZE = 50;
    private final OutboxDao dao;
    private final boolean smtpConfigured;

    public OutboxController(OutboxDao dao, boolean smtpConfigured) {
        this.dao = dao;
        this.smtpConfigured = smtpConfigured;
    }

    public void list(Context ctx) {
        long ws = CurrentUser.require(ctx).workspaceId();
        int page = Pager.param(ctx.queryParam("page"));
        List<OutboxMessage> rows = dao.listForWorkspace(ws, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        boolean hasNext = rows.size() > PAGE_SIZE;
        Views.render(ctx, "mail/outbox.jte", new OutboxPage(Views.shell(ctx, "outbox.title", "outbox"),
                hasNext ? rows.subList(0, PAGE_SIZE) : rows, null, smtpConfigured, Pager.open(page, hasNext, "/admin/outbox"),
                CurrentUser.dates(ctx)));
    }

    public void show(Context ctx) {
        long ws = CurrentUser.require(ctx).workspaceId();
        long id = Params.id(ctx, "id");
        OutboxMessage m = dao.findForWorkspace(id, ws).orElseThrow(NotFound::new);
        Views.render(ctx, "mail/outbox.jte", new OutboxPage(Views.shell(ctx, "outbox.title", "outbox"), List.of(), m,
                smtpConfigured, Pager.open(1, false, "/admin/outbox"), CurrentUser.dates(ctx)));
    }
}
