package io.goodword.testimonial;

import io.goodword.web.SitePaths;
import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.db.NotFound;
import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.Pager;
import io.goodword.web.Params;
import io.goodword.web.Validation;
import io.goodword.web.Views;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** /admin/testimonials: the moderation queue, bulk actions, one testimonial's page and its actions. */
public final class TestimonialModerationController {
    static final int REPLY_MAX = 1000;
    private static final int BACK_QUERY_MAX = 500;

    private final TestimonialDao dao;
    private final WorkspaceDao workspaces;
    private final TestimonialModeration moderation;
    private final AuthorControl author;
    private final ClientConfirmation confirmations;

    TestimonialModerationController(TestimonialDao dao, WorkspaceDao workspaces, TestimonialModeration moderation,
                                    AuthorControl author, ClientConfirmation confirmations) {
        this.dao = dao;
        this.workspaces = workspaces;
        this.moderation = moderation;
        this.author = author;
        this.confirmations = confirmations;
    }

    public void list(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        QueueFilter f = QueueFilter.from(ctx);
        List<Testimonial> items = dao.queue(ws, f);
        Map<Long, List<String>> tags = dao.tagsById(ws, items);
        long total = dao.queueCount(ws, f);
        Map<String, Long> counts = new LinkedHashMap<>();
        dao.countsByStatus(ws).forEach(c -> counts.put(c.status(), c.count()));
        counts.put("all", counts.values().stream().mapToLong(Long::longValue).sum());
        counts.put(QueueFilter.WITHDRAWN, dao.countWithdrawn(ws)); // across statuses: not part of "all"'s sum
        Views.render(ctx, "testimonial/adminList.jte", new TestimonialPages.ListPage(
                Views.shell(ctx, "testimonial.admin.title", "testimonials"), f,
                items.stream().map(t -> new TestimonialPages.QueueRow(t, tags.getOrDefault(t.id(), List.of()))).toList(),
                counts, total, Pager.counted(f.page(), total, QueueFilter.PAGE_SIZE, f.query(null, null)), dao.allTags(ws)));
    }

    public void bulk(Context ctx) {
        TestimonialModeration.Action action = TestimonialModeration.Action.parse(ctx.formParam("action"));
        List<Long> ids = new ArrayList<>();
        for (String s : ctx.formParams("ids")) {
            try {
                ids.add(Long.parseLong(s));
            } catch (NumberFormatException ignored) {
                // not an id: nothing to do with it
            }
        }
        String back = "/admin/testimonials" + backQuery(ctx);
        if (action == null || ids.isEmpty()) {
            Views.redirectWithFlash(ctx, back, "testimonial.flash.bulkNothing");
            return;
        }
        moderation.apply(CurrentUser.workspaceId(ctx), ids, action);
        Views.redirectWithFlash(ctx, back, "testimonial.flash.bulkDone");
    }

    public void show(Context ctx) {
        Testimonial t = find(ctx);
        renderDetail(ctx, t, ContentForm.of(t), FormErrors.none());
    }

    public void status(Context ctx) {
        Testimonial t = find(ctx);
        TestimonialModeration.Action action = TestimonialModeration.Action.parse(ctx.formParam("action"));
        if (action == null) throw new BadRequestResponse();
        moderation.apply(t.workspaceId(), t.id(), action);
        done(ctx, t, "testimonial.flash." + action.name().toLowerCase(Locale.ROOT));
    }

    public void edit(Context ctx) {
        Testimonial t = find(ctx);
        ContentForm form = ContentForm.from(ctx);
        if (form.equals(ContentForm.of(t))) { // "saved" would claim a change that did not happen
            done(ctx, t, "testimonial.flash.unchanged");
            return;
        }
        boolean waits = !form.body().equals(t.body()) && moderation.authorDecides(t);
        FormErrors errors = moderation.edit(t.workspaceId(), t.id(), form, CurrentUser.require(ctx));
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderDetail(ctx, t, form, errors);
            return;
        }
        done(ctx, t, waits ? "testimonial.flash.proposed" : "testimonial.flash.edited");
    }

    public void restoreOriginal(Context ctx) {
        Testimonial t = find(ctx);
        moderation.restoreOriginal(t.workspaceId(), t.id(), CurrentUser.require(ctx));
        done(ctx, t, "testimonial.flash.restoredOriginal");
    }

    public void tags(Context ctx) {
        Testimonial t = find(ctx);
        moderation.setTags(t.workspaceId(), t.id(), Tags.parse(ctx.formParam("tags")));
        done(ctx, t, "testimonial.flash.tagsSaved");
    }

    public void reply(Context ctx) {
        Testimonial t = find(ctx);
        String reply = Validation.clean(ctx.formParam("reply"));
        FormErrors errors = FormErrors.none().maxLength("reply", reply, REPLY_MAX);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderDetail(ctx, t.withReply(reply), ContentForm.of(t), errors);
            return;
        }
        moderation.setReply(t.workspaceId(), t.id(), reply);
        done(ctx, t, "testimonial.flash.replySaved");
    }

    /** The freelancer approves or declines the author's proposed words. */
    public void decide(Context ctx) {
        Testimonial t = find(ctx);
        boolean approve = "approve".equals(ctx.formParam("decision"));
        if (!author.decideByFreelancer(t, Params.id(ctx, "proposalId"), approve, CurrentUser.require(ctx))) throw new NotFound();
        done(ctx, t, approve ? "testimonial.flash.proposalApproved" : "testimonial.flash.proposalDeclined");
    }

    /** Links hand-typed or imported words to a client and asks them to confirm (verified only once they do). */
    public void requestConfirmation(Context ctx) {
        Testimonial t = find(ctx);
        String email = Validation.clean(ctx.formParam("clientEmail"));
        String project = Validation.clean(ctx.formParam("project"));
        FormErrors errors = confirmations.request(t, email, project);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderDetail(ctx, t, ContentForm.of(t), errors, email, project);
            return;
        }
        done(ctx, t, "testimonial.flash.confirmationSent");
    }

    private void renderDetail(Context ctx, Testimonial t, ContentForm form, FormErrors errors) {
        renderDetail(ctx, t, form, errors, null, null);
    }

    private void renderDetail(Context ctx, Testimonial t, ContentForm form, FormErrors errors, String email, String project) {
        long ws = t.workspaceId();
        Workspace w = workspaces.findById(ws).orElseThrow();
        Views.render(ctx, "testimonial/adminDetail.jte", new TestimonialPages.DetailPage(
                Views.shellWithTitle(ctx, t.name(), "testimonials"), t, dao.tagsOf(ws, t.id()), dao.editsOf(ws, t.id()), form,
                errors, t.isPublic() ? SitePaths.testimonial(w.slug(), t.id()) : null, CurrentUser.dates(ctx),
                confirmations.panel(t, email, project)));
    }

    private static void done(Context ctx, Testimonial t, String flashKey) {
        Views.redirectWithFlash(ctx, "/admin/testimonials/" + t.id(), flashKey);
    }

    private static String backQuery(Context ctx) {
        String q = ctx.formParam("back");
        return q != null && q.startsWith("?") && !q.contains("//") && q.length() < BACK_QUERY_MAX ? q : "";
    }

    /** The testimonial with the path's id in this workspace; another workspace's id is a 404. */
    private Testimonial find(Context ctx) {
        return dao.findById(CurrentUser.workspaceId(ctx), Params.id(ctx, "id")).orElseThrow(NotFound::new);
    }
}
