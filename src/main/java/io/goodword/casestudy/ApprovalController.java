package io.goodword.casestudy;

import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.goodword.db.NotFound;
import java.util.List;

/**
 * /approve/{token}: the client reads the case study exactly as it will be published (and, when asked again, what
 * changed since their last answer), then approves or asks for changes with a comment. No account needed.
 */
public final class ApprovalController {
    private final CaseStudyService service;
    private final CaseStudyDao dao;
    private final WorkspaceDao workspaces;
    private final FormGuard guard;

    public ApprovalController(CaseStudyService service, CaseStudyDao dao, WorkspaceDao workspaces, FormGuard guard) {
        this.service = service;
        this.dao = dao;
        this.workspaces = workspaces;
        this.guard = guard;
    }

    public void show(Context ctx) {
        Approval a = approval(ctx);
        render(ctx, HttpStatus.OK, a, "", FormErrors.none());
    }

    public void answer(Context ctx) {
        Approval a = approval(ctx);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.APPROVAL, Throttle.key(Limit.APPROVAL_IP, ctx.ip()));
        if (!g.passed()) {
            render(ctx, HttpStatus.forStatus(g.status()), a, Validation.clean(ctx.formParam("comment")), g.errors());
            if (!g.retryAfter().isZero()) ctx.header("Retry-After", Long.toString(g.retryAfter().toSeconds()));
            return;
        }
        AnswerForm form = AnswerForm.from(ctx);
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, a, form.comment(), errors);
            return;
        }
        CaseStudyService.Answer answered = service.answer(a, form.approve(), form.comment(), g.once());
        if (answered == CaseStudyService.Answer.CLOSED) {
            render(ctx, HttpStatus.CONFLICT, a, form.comment(), FormErrors.of("", "casestudy.approve.error.closed"));
            return;
        }
        if (answered == CaseStudyService.Answer.REPEATED) g.release(); // the same form again: not a new attempt
        Views.redirectWithFlash(ctx, "/approve/" + ctx.pathParam("token"),
                form.approve() ? "casestudy.approve.flash.approved" : "casestudy.approve.flash.changes");
    }

    private void render(Context ctx, HttpStatus status, Approval a, String comment, FormErrors errors) {
        Workspace ws = workspaces.findById(a.workspaceId()).orElseThrow(NotFound::new);
        CaseStudyContent content = service.content(a.workspaceId(), a.versionId());
        CaseStudyView view = CaseStudyView.of(content, content.testimonialIds().isEmpty() ? List.of()
                : dao.publishableTestimonials(ws.id(), content.testimonialIds()));
        List<ContentChanges.Section> changes = service.previouslySeen(a)
                .map(before -> ContentChanges.between(before, content)).orElse(List.of());
        boolean answerable = a.status() == ApprovalStatus.PENDING && !service.expired(a);
        ctx.status(status);
        Views.render(ctx, "casestudy/approve.jte", new CaseStudyPages.ApprovalPage(
                Views.shellWithTitle(ctx, Views.t(ctx).text("casestudy.approve.title", content.title()), ""),
                ws, view, a, changes, answerable, comment, errors, ctx.pathParam("token"), guard.stamp(FormGuard.Form.APPROVAL)));
    }

    private Approval approval(Context ctx) {
        return service.approvalFor(ctx.pathParam("token")).orElseThrow(NotFound::new);
    }
}
