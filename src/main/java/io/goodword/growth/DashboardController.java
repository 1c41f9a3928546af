package io.goodword.growth;

import io.goodword.account.BrandColors;
import io.goodword.web.SitePaths;
import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.ask.AskSettingsDao;
import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** GET /admin: the dashboard, the first page after sign-in. Also counts visits of ambassadors' links. */
public final class DashboardController {
    private final DashboardSource dashboard;
    private final GrowthDao dao;
    private final WorkspaceDao workspaces;
    private final AskSettingsDao askSettings;
    private final Clock clock;
    private final String baseUrl;

    public DashboardController(DashboardSource dashboard, GrowthDao dao, WorkspaceDao workspaces, AskSettingsDao askSettings,
                               Clock clock, String baseUrl) {
        this.dashboard = dashboard;
        this.dao = dao;
        this.workspaces = workspaces;
        this.askSettings = askSettings;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public void show(Context ctx) {
        CurrentUser user = CurrentUser.require(ctx);
        Workspace ws = workspaces.findById(user.workspaceId()).orElseThrow();
        ZoneId zone = ws.zone();
        Instant now = clock.instant();
        DashboardQuery query = DashboardQuery.from(ctx);
        FormErrors errors = query.validate();
        Period period = query.period(Dashboard.today(now, zone), zone);
        java.util.Locale locale = Views.t(ctx).locale();
        Dashboard.Figures figures = dashboard.figures(ws.id(), period, Views.t(ctx),
                askSettings.get(ws.id()).delayHours(), now);
        DashboardPage page = new DashboardPage(Views.shell(ctx, "growth.title", "home"), ws.displayName(),
                baseUrl + SitePaths.wall(ws.slug()), FirstRun.of(dao.firstSteps(ws.id(), BrandColors.DEFAULT)), query, errors,
                Dashboard.periodText(period, locale), Dashboard.periodText(period.previous(), locale), zone.getId(), figures,
                DashboardQuery.PRESETS);
        if (!errors.isEmpty()) ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        Views.render(ctx, "growth/dashboard.jte", page);
    }

    /** After-handler of GET /r/{code}: a landing page that was shown counts as one visit of that link. */
    public void countVisit(Context ctx) {
        if (!"GET".equals(ctx.method().name()) || ctx.statusCode() != 200) return;
        String code = io.goodword.referral.ReferralCodes.normalize(ctx.pathParamMap().get("code"));
        if (code == null) return;
        Instant now = clock.instant();
        if (dao.recordVisit(code, now) > 0) dao.markVisited(code, now);
    }
}
