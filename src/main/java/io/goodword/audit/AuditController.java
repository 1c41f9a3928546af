package io.goodword.audit;

import io.goodword.security.CurrentUser;
import io.goodword.web.Localizer;
import io.goodword.web.Views;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** /admin/settings/audit: the workspace's audit log, newest first, in pages of 50. */
public final class AuditController {
    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditDao dao;

    public AuditController(AuditDao dao) { this.dao = dao; }

    public void list(Context ctx) {
        CurrentUser user = CurrentUser.require(ctx);
        int page = Math.max(1, Math.min(10_000, parse(ctx.queryParam("page"))));
        List<AuditEntry> rows = dao.page(user.workspaceId(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        ZoneId zone = zone(user.timeZone());
        Localizer t = Views.t(ctx);
        List<AuditPage.Row> view = rows.stream().limit(PAGE_SIZE).map(e -> new AuditPage.Row(
                WHEN.format(e.createdAt().atZone(zone)), e.createdAt().toString(), e.actor(), label(t, e.action()),
                e.detail())).toList();
        Views.render(ctx, "audit/list.jte", new AuditPage(Views.shell(ctx, "audit.title", "audit"), view, page,
                rows.size() > PAGE_SIZE, zone.getId()));
    }

    /** A translated label for known actions ("audit.action.…"), else the action key itself. */
    static String label(Localizer t, String action) {
        String key = "audit.action." + action.replace(' ', '.');
        return t.messages().containsKey(key) ? t.lookup(key) : action;
    }

    public static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static int parse(String raw) {
        try {
            return raw == null ? 1 : Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
