package io.goodword.ask;

import io.goodword.mail.Email;
import io.goodword.web.FormErrors;
import io.goodword.web.Pager;
import io.goodword.web.Shell;
import java.util.List;

/** The page records of asking. */
public final class AskPages {
    private AskPages() {}

    public record OverviewPage(Shell shell, List<Row> scheduled, List<Row> reminders, List<Row> asks, String status,
                           Pager pager, List<String> statuses) {}

    /** An ask with its times already formatted in the workspace's time zone. */
    public record Row(AskRow ask, String scheduledFor, String sentAt, String openedAt, String answeredAt, String nextReminder) {}

    public record SettingsPage(Shell shell, AskSettingsForm form, FormErrors errors, List<TemplateView> templates,
                           List<String> placeholders) {}

    /** One email's wording in the settings page, with its preview when asked for. */
    public record TemplateView(String kind, TemplateForm form, FormErrors errors, boolean custom, Email preview) {}

    /** The client's flow: one record for every step page. */
    public record FlowPage(Shell shell, AskVisit visit, String brandName, String logoUrl, String score, String comment,
                       String feedback, FormErrors errors, List<Integer> scores, String stamp) {
        public String path() { return visit.path(); }

        public String themeUrl() { return visit.themeUrl(); }
    }

    /** A link that cannot be used (unknown, expired) or the unsubscribe pages. */
    public record NoticePage(Shell shell, String brandName, String logoUrl, String headingKey, String bodyKey, String token,
                         boolean confirm, String themeUrl) {
        /** Without a known workspace (unknown link): Goodword's own colours. */
        public NoticePage(Shell shell, String brandName, String logoUrl, String headingKey, String bodyKey, String token,
                          boolean confirm) {
            this(shell, brandName, logoUrl, headingKey, bodyKey, token, confirm, null);
        }
    }
}
