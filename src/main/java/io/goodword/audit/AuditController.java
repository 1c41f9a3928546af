package io.goodword.audit;

import io.goodword.security.CurrentUser;
import io.goodword.web.Dates;
import io.goodword.web.Pager;
import io.goodword.web.Views;
import io.javalin.http.Context;
import java.util.List;

/** /admin/settings/audit: the workspace's audit log, newest first, in pages of 50. */
public final class AuditController {
    static final int PAGE_SIZE = 50;

    private final AuditDao dao;

    public AuditController(AuditDao dao) { this.dao = dao; }

    public void list(Context ctx) {
        CurrentUser user = CurrentUser.require(ctx);
        int page = Pager.param(ctx.queryParam("page"));
        List<AuditEntry> rows = dao.page(user.workspaceId(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        Dates dates = CurrentUser.dates(ctx);
        AuditSentences sentences = new AuditSentences(dao, Views.t(ctx));
        List<AuditPage.Row> view = rows.stream().limit(PAGE_SIZE).map(e -> new AuditPage.Row(
                dates.whenSeconds(e.createdAt()), Dates.iso(e.createdAt()), e.actor(),
                sentences.sentence(user.workspaceId(), e), e.detail())).toList();
        Views.render(ctx, "audit/list.jte", new AuditPage(Views.shell(ctx, "audit.title", "audit"), view,
                Pager.open(page, rows.size() > PAGE_SIZE, "/admin/settings/audit"), dates.zone().getId()));
    }
}
