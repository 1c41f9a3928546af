package io.goodword.client;

import io.goodword.ask.Ask;
import io.goodword.web.FormErrors;
import io.goodword.web.Pager;
import io.goodword.web.Shell;
import java.util.List;

/** The page records of the client feature. */
public final class Pages {
    private Pages() {}

    public record ClientList(Shell shell, List<Client> clients, ClientQuery query, int total, int pages,
                             List<String> allTags) {
        public Pager pager() { return query.pager("/admin/clients", pages); }
    }

    public record ClientEdit(Shell shell, Client client, ClientForm form, FormErrors errors) {
        public boolean isNew() { return client == null; }

        public String action() { return client == null ? "/admin/clients" : "/admin/clients/" + client.id(); }
    }

    public record ClientShow(Shell shell, Client client, List<String> tags, List<ProjectView> projects,
                             ProjectForm projectForm, FormErrors projectErrors, List<TimelineEntry> timeline,
                             List<ClientTask> tasks, Ask openAsk, String openAskWhen, String personalLink) {}

    public record ProjectView(Project project, List<Milestone> milestones) {}

    public record ProjectShow(Shell shell, Client client, Project project, ProjectForm form, FormErrors errors,
                              List<Milestone> milestones, MilestoneForm milestoneForm, FormErrors milestoneErrors) {}

    public record ImportUpload(Shell shell, FormErrors errors) {}

    public record ImportPreview(Shell shell, CsvImport.Parsed parsed, CsvImport.Options options, List<CsvImport.RowResult> rows,
                                FormErrors errors, List<String> fields) {}

    public record ImportDone(Shell shell, CsvImport.Summary summary) {}
}
