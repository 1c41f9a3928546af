package io.goodword.client;

import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Pager;
import io.goodword.web.Shell;
import java.util.List;

/** The page records of the client feature. */
public final class ClientPages {
    private ClientPages() {}

    public record ListPage(Shell shell, List<Client> clients, ClientQuery query, int total, int pages,
                             List<String> allTags) {
        public Pager pager() { return query.pager("/admin/clients", pages); }
    }

    public record EditPage(Shell shell, Client client, ClientForm form, FormErrors errors) {
        public boolean isNew() { return client == null; }

        public String action() { return client == null ? "/admin/clients" : "/admin/clients/" + client.id(); }
    }

    public record ShowPage(Shell shell, Client client, List<String> tags, List<ProjectView> projects,
                             ProjectForm projectForm, FormErrors projectErrors, List<TimelineEntry> timeline,
                             List<ClientTask> tasks, CheckIns.CheckIn openAsk, String openAskWhen, String personalLink,
                             String sendBlockedKey) {}

    public record ProjectView(Project project, List<Milestone> milestones) {}

    public record ProjectPage(Shell shell, Client client, Project project, ProjectForm form, FormErrors errors,
                              List<Milestone> milestones, MilestoneForm milestoneForm, FormErrors milestoneErrors,
                              Dates dates) {}

    public record ImportUploadPage(Shell shell, FormErrors errors) {}

    public record ImportPreviewPage(Shell shell, CsvImport.Parsed parsed, CsvImport.Options options, List<CsvImport.RowResult> rows,
                                FormErrors errors, List<String> fields) {}

    public record ImportDonePage(Shell shell, CsvImport.Summary summary) {}
}
