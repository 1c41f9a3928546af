package io.goodword.webhook;

import io.goodword.audit.AuditLog;
import io.goodword.db.NotFound;
import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.Params;
import io.goodword.web.Views;
import io.javalin.http.Context;
import java.util.List;

/** /admin/settings/webhooks: the endpoints, one endpoint's secret and deliveries, and their actions (POST-redirect-GET). */
public final class WebhookController {
    static final String PATH = "/admin/settings/webhooks";
    private static final int RECENT = 20;

    private final Webhooks webhooks;
    private final WebhookDao dao;

    public WebhookController(Webhooks webhooks, WebhookDao dao) {
        this.webhooks = webhooks;
        this.dao = dao;
    }

    public void list(Context ctx) { renderList(ctx, WebhookForm.empty(), FormErrors.none()); }

    public void create(Context ctx) {
        WebhookForm form = WebhookForm.from(ctx);
        Webhooks.Saved saved = webhooks.create(CurrentUser.require(ctx), form);
        if (!saved.errors().isEmpty()) {
            ctx.status(io.javalin.http.HttpStatus.UNPROCESSABLE_CONTENT);
            renderList(ctx, form, saved.errors());
            return;
        }
        audited(ctx);
        Views.redirectWithFlash(ctx, PATH + "/" + saved.id(), "webhook.flash.created");
    }

    public void show(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        Endpoint e = webhooks.find(ws, Params.id(ctx, "id")).orElseThrow(NotFound::new);
        var dates = CurrentUser.dates(ctx);
        List<WebhookPages.DeliveryRow> rows = dao.recent(ws, e.id(), RECENT).stream()
                .map(d -> WebhookPages.DeliveryRow.of(d, dates)).toList();
        Views.render(ctx, "webhook/endpoint.jte", new WebhookPages.EndpointPage(Views.shell(ctx, "webhook.endpoint.title", "webhooks"),
                e, rows));
    }

    public void pause(Context ctx) { act(ctx, webhooks.setPaused(CurrentUser.require(ctx), Params.id(ctx, "id"), true), "webhook.flash.paused"); }

    public void resume(Context ctx) { act(ctx, webhooks.setPaused(CurrentUser.require(ctx), Params.id(ctx, "id"), false), "webhook.flash.resumed"); }

    public void rotate(Context ctx) { act(ctx, webhooks.rotateSecret(CurrentUser.require(ctx), Params.id(ctx, "id")), "webhook.flash.rotated"); }

    public void test(Context ctx) { act(ctx, webhooks.sendTest(CurrentUser.require(ctx), Params.id(ctx, "id")), "webhook.flash.tested"); }

    public void delete(Context ctx) {
        if (!webhooks.delete(CurrentUser.require(ctx), Params.id(ctx, "id"))) throw new NotFound();
        audited(ctx);
        Views.redirectWithFlash(ctx, PATH, "webhook.flash.deleted");
    }

    /** After an action on one endpoint: back to its page, or a 404 when it is not this workspace's. */
    private static void act(Context ctx, boolean done, String flash) {
        if (!done) throw new NotFound();
        audited(ctx);
        Views.redirectWithFlash(ctx, PATH + "/" + Params.id(ctx, "id"), flash);
    }

    /** The service recorded the action with its details: the generic after-filter need not. */
    private static void audited(Context ctx) { ctx.attribute(AuditLog.RECORDED_ATTR, Boolean.TRUE); }

    private void renderList(Context ctx, WebhookForm form, FormErrors errors) {
        Views.render(ctx, "webhook/list.jte", new WebhookPages.ListPage(Views.shell(ctx, "webhook.title", "webhooks"),
                dao.endpoints(CurrentUser.workspaceId(ctx)), form, errors,
                EventType.subscribable().stream().map(EventType::wire).toList()));
    }
}
