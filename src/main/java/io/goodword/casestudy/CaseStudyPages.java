package io.goodword.casestudy;

import io.goodword.account.Workspace;
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
                           List<ClientOption> clients, List<TestimonialCard> testimonials, CaseStudyView preview,
                           CaseStudyService.ApprovalState approval, String clientName, List<ApprovalRow> approvals,
                           List<VersionRow> versions, String publicUrl, FormErrors actionErrors, String coverUpload) {
        public boolean isNew() { return caseStudy == null; }

        public String action() { return isNew() ? "/admin/case-studies" : "/admin/case-studies/" + caseStudy.id(); }
    }

    public record PublicItem(String url, String title, String summary, String client, String coverUrl,
                             KeyResult headline) {}

    public record PublicListPage(Shell shell, Workspace workspace, List<PublicItem> items, String canonicalUrl,
                                 String wallUrl) {}

    /** The public case study; {@code draftNotice} is set when the workspace itself looks at an unpublished one. */
    public record PublicPage(Shell shell, Workspace workspace, CaseStudyView view, String canonicalUrl, String imageUrl,
                             JsonLd jsonLd, String listUrl, String wallUrl, boolean draftNotice) {}

    /** The client's approval page. */
    public record ApprovalPage(Shell shell, Workspace workspace, CaseStudyView view, Approval approval,
                               List<ContentChanges.Section> changes, boolean answerable, String comment,
                               FormErrors errors, String token, String stamp) {}
}
