package io.goodword.casestudy;

import io.goodword.mail.Email;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.util.List;

/**
 * The two e-mails of a case-study approval, each in its reader's language: the personal link to the client, and the
 * client's answer to the freelancer. Apart from {@link CaseStudyService} so the service holds only the rules of when
 * they are sent.
 */
final class ApprovalMails {
    private final I18n i18n;
    private final String baseUrl;

    ApprovalMails(I18n i18n, String baseUrl) {
        this.i18n = i18n;
        this.baseUrl = baseUrl;
    }

    /** Asks the client to read and approve the current version behind the personal link {@code token}. */
    Email request(ClientOption client, String workspaceName, CaseStudy cs, String token) {
        Localizer t = i18n.localizer(client.language());
        return Email.of(client.email(), t.text("casestudy.mail.request.subject", workspaceName),
                        t.text("mail.greeting", client.name()),
                        List.of(t.text("casestudy.mail.request.body", workspaceName, cs.title()),
                                t.text("casestudy.mail.request.validity", CaseStudyService.APPROVAL_VALIDITY.toDays())))
                .withAction(t.text("casestudy.mail.request.action"), baseUrl + "/approve/" + token);
    }

    /** Tells the freelancer ({@code ownerEmail}, in the workspace's {@code language}) what {@code who} answered. */
    Email answered(String ownerEmail, String language, String who, CaseStudy cs, boolean approve, String comment) {
        Localizer t = i18n.localizer(language);
        String verdict = t.text(approve ? "casestudy.mail.answer.approved" : "casestudy.mail.answer.changes", who, cs.title());
        List<String> paragraphs = comment.isBlank() ? List.of(verdict)
                : List.of(verdict, t.text("casestudy.mail.answer.comment", comment));
        return Email.of(ownerEmail, t.text(approve ? "casestudy.mail.answer.subjectApproved"
                                : "casestudy.mail.answer.subjectChanges", cs.title()), null, paragraphs)
                .withAction(t.text("casestudy.mail.answer.action"), baseUrl + "/admin/case-studies/" + cs.id());
    }
}
