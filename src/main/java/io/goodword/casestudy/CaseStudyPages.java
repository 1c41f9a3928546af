package io.goodword.casestudy;

import io.goodword.account.Workspace;
import io.goodword.testimonial.PublicTestimonial;
import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** The page records of the case-study screens (one per template). */
public final class CaseStudyPages {
    private CaseStudyPages() {}

    public record Row(long id, String title, String slug, CaseStatus status, boolean unpublishedChanges, String updated) {}

    public record ListPage(Shell shell, List<Row> rows, String publicListUrl) {}

    public record VersionRow(long id, int number, String created, String noteKey, String noteArg, boolean current,
                             boolean published) {}

    public record ApprovalRow(ApprovalStatus status, String sentTo, String requested, String answered, String comment,
                              int versionNumber, boolean expired) {}

    /** The editor, for a new case study (caseStudy null) or an existing one with its status panel. */
    public record EditPage(Shell shell, CaseStudy caseStudy, CaseStudyForm form, FormErrors errors,
                           List<ClientOption> clients, List<PublicTestimonial> testimonials, CaseStudyView preview,
                           CaseStudyService.ApprovalState approval, String clientName, List<ApprovalRow> approvals,
                           List<VersionRow> versions, String publicUrl, FormErrors actionErrors, String coverUpload) {
        public boolean isNew() { return caseStudy == null; }

        public String action() { return isNew() ? "/admin/case-studies" : "/admin/case-studies/" + caseStudy.id(); }
    }

    /** The client's approval page. */
    public record ApprovalPage(Shell shell, Workspace workspace, CaseStudyView view, Approval approval,
                               List<ContentChanges.Section> changes, boolean answerable, String comment,
                               FormErrors errors, String token, String stamp) {
        public String themeUrl() { return io.goodword.account.Brand.of(workspace).themeUrl(); }
    }
}
