package io.goodword.casestudy;

import io.goodword.web.SitePaths;
import io.goodword.media.ImageStore;
import io.goodword.security.CurrentUser;
import io.goodword.security.Secrets;
import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Params;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** /admin/case-studies: write, preview, version, send for approval, publish. */
public final class CaseStudyController {

    private final CaseStudyService service;
    private final CaseStudyDao dao;
    private final CaseStudyPublicController publicPages;
    private final CoverUpload covers;

    public CaseStudyController(CaseStudyService service, CaseStudyDao dao, ImageStore images,
                               CaseStudyPublicController publicPages, Secrets.Signer coverSigner) {
        this.service = service;
        this.dao = dao;
        this.publicPages = publicPages;
        this.covers = new CoverUpload(images, coverSigner);
    }

    public void list(Context ctx) {
        CurrentUser u = CurrentUser.require(ctx);
        List<CaseStudyPages.Row> rows = dao.list(u.workspaceId()).stream()
                .map(cs -> new CaseStudyPages.Row(cs.id(), cs.title(), cs.slug(), cs.status(), cs.hasUnpublishedChanges(),
                        CurrentUser.dates(ctx).when(cs.updatedAt())))
                .toList();
        Views.render(ctx, "casestudy/list.jte", new CaseStudyPages.ListPage(Views.shell(ctx, "casestudy.list.title", "casestudies"),
                rows, SitePaths.caseStudies(u.workspaceSlug())));
    }

    public void newForm(Context ctx) {
        renderEdit(ctx, HttpStatus.OK, null, CaseStudyForm.empty(), FormErrors.none(), null, FormErrors.none());
    }

    public void create(Context ctx) throws IOException { submit(ctx, null); }

    public void edit(Context ctx) {
        CaseStudy cs = caseStudy(ctx);
        renderEdit(ctx, HttpStatus.OK, cs, CaseStudyForm.of(service.currentContent(cs)), FormErrors.none(), null,
                FormErrors.none());
    }

    public void update(Context ctx) throws IOException { submit(ctx, caseStudy(ctx)); }

    /** Save, or (action=preview) show the page as the public will see it, below the form, without saving. */
    private void submit(Context ctx, CaseStudy cs) throws IOException {
        CurrentUser u = CurrentUser.require(ctx);
        FormErrors coverErrors = FormErrors.none();
        String current = cs == null ? null : service.currentContent(cs).coverFile();
        CaseStudyForm form = covers.withCover(ctx, u.workspaceId(), current, CaseStudyForm.from(ctx), coverErrors);
        Long id = cs == null ? null : cs.id();
        if ("preview".equals(ctx.formParam("action"))) {
            renderPreview(ctx, u, cs, form, coverErrors);
            return;
        }
        if (!coverErrors.isEmpty()) {
            FormErrors errors = merge(service.check(u.workspaceId(), id, form).errors(), coverErrors);
            renderEdit(ctx, HttpStatus.UNPROCESSABLE_CONTENT, cs, form, errors, null, FormErrors.none());
            return;
        }
        CaseStudyService.SaveResult result = service.save(u.workspaceId(), id, form);
        if (!result.ok()) {
            renderEdit(ctx, HttpStatus.UNPROCESSABLE_CONTENT, cs, form, result.errors(), null, FormErrors.none());
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/case-studies/" + result.id(), "casestudy.flash.saved");
    }

    /** The editor with the page as typed below it, checked like a save would be, and nothing saved. */
    private void renderPreview(Context ctx, CurrentUser u, CaseStudy cs, CaseStudyForm form, FormErrors coverErrors) {
        CaseStudyService.Checked checked = service.check(u.workspaceId(), cs == null ? null : cs.id(), form);
        FormErrors errors = merge(checked.errors(), coverErrors);
        CaseStudyView preview = CaseStudyView.of(checked.content(), dao.publishableTestimonials(u.workspaceId()));
        renderEdit(ctx, errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT, cs, form, errors,
                preview, FormErrors.none());
    }

    /** The case study exactly as the public page will show it (the current, possibly unpublished, version). */
    public void preview(Context ctx) {
        CaseStudy cs = caseStudy(ctx);
        publicPages.renderDraft(ctx, cs, service.currentContent(cs));
    }

    public void publish(Context ctx) {
        CurrentUser u = CurrentUser.require(ctx);
        CaseStudy cs = caseStudy(ctx);
        CaseStudyService.PublishOutcome outcome = service.publish(u.workspaceId(), cs.id());
        if (outcome == CaseStudyService.PublishOutcome.PUBLISHED) {
            Views.redirectWithFlash(ctx, "/admin/case-studies/" + cs.id(), "casestudy.flash.published");
            return;
        }
        String client = dao.client(u.workspaceId(), cs.clientId() == null ? -1 : cs.clientId())
                .map(ClientOption::name).orElse("");
        refuse(ctx, cs, FormErrors.of("", "casestudy.error.needsApproval", client));
    }

    public void unpublish(Context ctx) {
        CaseStudy cs = caseStudy(ctx);
        service.setStatus(cs.workspaceId(), cs.id(), CaseStatus.DRAFT);
        Views.redirectWithFlash(ctx, "/admin/case-studies/" + cs.id(), "casestudy.flash.unpublished");
    }

    public void archive(Context ctx) {
        CaseStudy cs = caseStudy(ctx);
        service.setStatus(cs.workspaceId(), cs.id(), CaseStatus.ARCHIVED);
        Views.redirectWithFlash(ctx, "/admin/case-studies/" + cs.id(), "casestudy.flash.archived");
    }

    public void requestApproval(Context ctx) {
        CurrentUser u = CurrentUser.require(ctx);
        CaseStudy cs = caseStudy(ctx);
        switch (service.requestApproval(u.workspaceId(), cs.id(), u.workspaceName())) {
            case SENT -> Views.redirectWithFlash(ctx, "/admin/case-studies/" + cs.id(), "casestudy.flash.approvalSent");
            case ALREADY_APPROVED -> Views.redirectWithFlash(ctx, "/admin/case-studies/" + cs.id(), "casestudy.flash.alreadyApproved");
            case NO_EMAIL -> refuse(ctx, cs, FormErrors.of("", "casestudy.error.clientNoEmail"));
            case NO_CLIENT -> refuse(ctx, cs, FormErrors.of("", "casestudy.error.noClient"));
        }
    }

    public void restore(Context ctx) {
        CurrentUser u = CurrentUser.require(ctx);
        CaseStudy cs = caseStudy(ctx);
        long versionId = Params.id(ctx, "versionId");
        if (service.restore(u.workspaceId(), cs.id(), versionId) == CaseStudyService.RestoreOutcome.SLUG_TAKEN) {
            refuse(ctx, cs, FormErrors.of("", "casestudy.error.restoreSlugTaken"));
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/case-studies/" + cs.id(), "casestudy.flash.restored");
    }

    /** An action was refused: the editor again, with the reason at the top of the status panel. */
    private void refuse(Context ctx, CaseStudy cs, FormErrors actionErrors) {
        renderEdit(ctx, HttpStatus.UNPROCESSABLE_CONTENT, cs, CaseStudyForm.of(service.currentContent(cs)),
                FormErrors.none(), null, actionErrors);
    }

    private void renderEdit(Context ctx, HttpStatus status, CaseStudy cs, CaseStudyForm form, FormErrors errors,
                            CaseStudyView preview, FormErrors actionErrors) {
        CurrentUser u = CurrentUser.require(ctx);
        long ws = u.workspaceId();
        CaseStudyService.ApprovalState approval = null;
        List<CaseStudyPages.VersionRow> versions = List.of();
        List<CaseStudyPages.ApprovalRow> approvals = List.of();
        String clientName = null;
        String publicUrl = null;
        if (cs != null) {
            approval = service.approvalState(cs);
            Map<Long, Integer> numbers = new HashMap<>();
            versions = versionRows(u, CurrentUser.dates(ctx), cs, numbers);
            approvals = approvalRows(CurrentUser.dates(ctx), approval, numbers);
            if (cs.clientId() != null) clientName = dao.client(ws, cs.clientId()).map(ClientOption::name).orElse(null);
            publicUrl = SitePaths.caseStudy(u.workspaceSlug(), cs.slug());
        }
        ctx.status(status);
        Views.render(ctx, "casestudy/edit.jte", new CaseStudyPages.EditPage(
                cs == null ? Views.shell(ctx, "casestudy.new.title", "casestudies")
                        : Views.shellWithTitle(ctx, cs.title(), "casestudies"),
                cs, form, errors, dao.clients(ws), dao.publishableTestimonials(ws), preview, approval, clientName,
                approvals, versions, publicUrl, actionErrors,
                form.coverFile() == null ? null : covers.pendingCoverField(ws, form.coverFile())));
    }

    /** The editor's versions list; fills {@code numbers} (version id → number) for the approvals table. */
    private List<CaseStudyPages.VersionRow> versionRows(CurrentUser u, Dates d, CaseStudy cs, Map<Long, Integer> numbers) {
        return dao.listVersions(u.workspaceId(), cs.id()).stream().map(v -> {
            numbers.put(v.id(), v.number());
            boolean restored = v.note().startsWith("restored:");
            return new CaseStudyPages.VersionRow(v.id(), v.number(), d.when(v.createdAt()),
                    restored ? "casestudy.version.restored" : "casestudy.version.saved",
                    restored ? v.note().substring("restored:".length()) : "",
                    v.id() == cs.currentVersionId(), cs.publishedVersionId() != null && v.id() == cs.publishedVersionId());
        }).toList();
    }

    private List<CaseStudyPages.ApprovalRow> approvalRows(Dates d, CaseStudyService.ApprovalState approval,
                                                         Map<Long, Integer> numbers) {
        return approval.history().stream().map(a -> new CaseStudyPages.ApprovalRow(a.status(), a.sentTo(),
                d.when(a.requestedAt()), d.when(a.answeredAt()),
                a.comment() == null ? "" : a.comment(), numbers.getOrDefault(a.versionId(), 0),
                a.status() == ApprovalStatus.PENDING && service.expired(a))).toList();
    }

    private static FormErrors merge(FormErrors a, FormErrors b) {
        b.all().forEach((field, m) -> a.add(field, m.key(), m.args()));
        return a;
    }

    private CaseStudy caseStudy(Context ctx) {
        return service.find(CurrentUser.require(ctx).workspaceId(), Params.id(ctx, "id"));
    }

}
