package io.goodword.client;

import io.goodword.ask.Ask;
import io.goodword.ask.AskDao;
import io.goodword.ask.AskService;
import io.goodword.security.CurrentUser;
import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Uploads;
import io.goodword.web.Views;
import io.goodword.web.csv.CsvWriter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** /admin/clients: the client list, client pages with projects, milestones and timeline, CSV import and export. */
public final class ClientController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ClientService service;
    private final ClientDao clients;
    private final ProjectDao projects;
    private final AskDao asks;
    private final AskService askService;

    public ClientController(ClientService service, ClientDao clients, ProjectDao projects, AskDao asks, AskService askService) {
        this.service = service;
        this.clients = clients;
        this.projects = projects;
        this.asks = asks;
        this.askService = askService;
    }

    // ---------------------------------------------------------------- list, create, edit

    public void list(Context ctx) {
        long ws = ws(ctx);
        ClientQuery q = ClientQuery.from(ctx);
        int total = clients.count(ws, q.q(), q.like(), q.tag());
        int pages = ClientQuery.pages(total);
        List<Client> rows = clients.search(ws, q.q(), q.like(), q.tag(), q.sort().sql, ClientQuery.PAGE_SIZE, q.offset());
        TreeSet<String> tags = new TreeSet<>();
        clients.tagLists(ws).forEach(t -> tags.addAll(ClientForm.Tags.split(t)));
        Views.render(ctx, "client/list.jte", new Pages.ClientList(Views.shell(ctx, "client.list.title", "clients"), rows, q,
                total, pages, List.copyOf(tags)));
    }

    public void newForm(Context ctx) {
        Views.render(ctx, "client/edit.jte", new Pages.ClientEdit(Views.shell(ctx, "client.new.title", "clients"), null,
                ClientForm.empty(CurrentUser.require(ctx).language()), FormErrors.none()));
    }

    public void create(Context ctx) {
        ClientForm form = ClientForm.from(ctx);
        ClientService.Saved saved = service.create(ws(ctx), form);
        if (!saved.errors().isEmpty()) {
            Views.invalid(ctx, "client/edit.jte", new Pages.ClientEdit(Views.shell(ctx, "client.new.title", "clients"), null, form, saved.errors()));
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/clients/" + saved.id(), "client.flash.created");
    }

    public void editForm(Context ctx) {
        Client c = client(ctx);
        Views.render(ctx, "client/edit.jte", new Pages.ClientEdit(Views.shellWithTitle(ctx, c.name(), "clients"), c, ClientForm.of(c), FormErrors.none()));
    }

    public void update(Context ctx) {
        Client c = client(ctx);
        ClientForm form = ClientForm.from(ctx);
        FormErrors errors = service.update(ws(ctx), c.id(), form);
        if (!errors.isEmpty()) {
            Views.invalid(ctx, "client/edit.jte", new Pages.ClientEdit(Views.shellWithTitle(ctx, c.name(), "clients"), c, form, errors));
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/clients/" + c.id(), "client.flash.saved");
    }

    // ---------------------------------------------------------------- the client page

    public void show(Context ctx) {
        Client c = client(ctx);
        renderShow(ctx, c, ProjectForm.empty(), FormErrors.none(), null);
    }

    private void renderShow(Context ctx, Client c, ProjectForm projectForm, FormErrors projectErrors, String link) {
        long ws = ws(ctx);
        ZoneId zone = Dates.zone(CurrentUser.require(ctx).timeZone());
        List<Project> ps = projects.forClient(ws, c.id());
        List<Pages.ProjectView> views = ps.stream().map(p -> new Pages.ProjectView(p, projects.milestones(ws, p.id()))).toList();
        List<Ask> clientAsks = asks.forClient(ws, c.id());
        Ask open = clientAsks.stream().filter(a -> a.statusEnum() != null && a.statusEnum().open()).findFirst().orElse(null);
        String openWhen = open == null ? null : when(open.sentAt() != null ? open.sentAt() : open.scheduledFor(), zone);
        Views.render(ctx, "client/show.jte", new Pages.ClientShow(Views.shellWithTitle(ctx, c.name(), "clients"), c,
                ClientForm.Tags.split(c.tags()), views, projectForm, projectErrors, timeline(ws, c, ps, clientAsks, zone),
                clients.tasks(ws, c.id()), open, openWhen, link));
    }

    private List<TimelineEntry> timeline(long ws, Client c, List<Project> ps, List<Ask> clientAsks, ZoneId zone) {
        List<TimelineEntry> out = new ArrayList<>();
        out.add(entry(c.createdAt(), zone, "client.timeline.added", ""));
        for (Project p : ps) {
            out.add(entry(p.createdAt(), zone, "client.timeline.projectStarted", p.title()));
            if (p.completedAt() != null) out.add(entry(p.completedAt(), zone, "client.timeline.projectCompleted", p.title()));
        }
        for (Milestone m : projects.milestonesOfClient(ws, c.id())) {
            if (m.reachedAt() != null) out.add(entry(m.reachedAt(), zone, "client.timeline.milestoneReached", m.name()));
        }
        for (Ask a : clientAsks) {
            out.add(entry(a.createdAt(), zone, "client.timeline.askScheduled", when(a.scheduledFor(), zone)));
            if (a.sentAt() != null) out.add(entry(a.sentAt(), zone, "client.timeline.askSent", ""));
            if (a.openedAt() != null) out.add(entry(a.openedAt(), zone, "client.timeline.askOpened", ""));
            if (a.answeredAt() != null) out.add(entry(a.answeredAt(), zone, "client.timeline.askAnswered", a.score() + "/10"));
        }
        for (ClientTestimonial t : clients.testimonials(ws, c.id())) {
            out.add(entry(t.createdAt(), zone, "client.timeline.testimonial", t.rating() + "/5"));
        }
        if (c.unsubscribedAt() != null) out.add(entry(c.unsubscribedAt(), zone, "client.timeline.unsubscribed", ""));
        out.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return out;
    }

    private static TimelineEntry entry(Instant at, ZoneId zone, String key, String detail) {
        return new TimelineEntry(at, when(at, zone), key, detail);
    }

    static String when(Instant at, ZoneId zone) { return at == null ? "" : WHEN.format(at.atZone(zone)); }

    public void completeTask(Context ctx) {
        Client c = client(ctx);
        long taskId = ctx.pathParamAsClass("taskId", Long.class).getOrThrow(e -> new NotFoundResponse());
        if (!service.completeTask(ws(ctx), c.id(), taskId)) throw new NotFoundResponse();
        Views.redirectWithFlash(ctx, "/admin/clients/" + c.id(), "client.flash.taskDone");
    }

    // ---------------------------------------------------------------- asking from the client page

    public void sendCheckIn(Context ctx) {
        Client c = client(ctx);
        AskService.Outcome outcome = askService.sendNow(ws(ctx), c.id());
        Views.redirectWithFlash(ctx, "/admin/clients/" + c.id(), outcome.flashKey());
    }

    /** Shows a fresh personal link once, on the client page itself (it is never stored, only its hash). */
    public void personalLink(Context ctx) {
        Client c = client(ctx);
        AskService.LinkResult result = askService.personalLink(ws(ctx), c.id());
        if (result.url() == null) {
            Views.redirectWithFlash(ctx, "/admin/clients/" + c.id(), result.outcome().flashKey());
            return;
        }
        renderShow(ctx, clients.findById(ws(ctx), c.id()).orElseThrow(), ProjectForm.empty(), FormErrors.none(), result.url());
    }

    // ---------------------------------------------------------------- projects and milestones

    public void createProject(Context ctx) {
        Client c = client(ctx);
        ProjectForm form = ProjectForm.from(ctx);
        ClientService.ProjectSaved saved = service.createProject(ws(ctx), c.id(), form);
        if (!saved.errors().isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderShow(ctx, c, form, saved.errors(), null);
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/clients/" + c.id() + "/projects/" + saved.id(),
                saved.ask() == null ? "client.project.flash.created" : saved.ask().flashKey());
    }

    public void showProject(Context ctx) {
        Client c = client(ctx);
        Project p = project(ctx, c);
        renderProject(ctx, c, p, ProjectForm.of(p), FormErrors.none(), MilestoneForm.empty(), FormErrors.none());
    }

    public void updateProject(Context ctx) {
        Client c = client(ctx);
        Project p = project(ctx, c);
        ProjectForm form = ProjectForm.from(ctx);
        ClientService.ProjectSaved saved = service.updateProject(ws(ctx), p, form);
        if (!saved.errors().isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderProject(ctx, c, p, form, saved.errors(), MilestoneForm.empty(), FormErrors.none());
            return;
        }
        Views.redirectWithFlash(ctx, projectPath(c, p), saved.ask() == null ? "client.project.flash.saved" : saved.ask().flashKey());
    }

    public void addMilestone(Context ctx) {
        Client c = client(ctx);
        Project p = project(ctx, c);
        MilestoneForm form = MilestoneForm.from(ctx);
        FormErrors errors = service.addMilestone(ws(ctx), p.id(), form);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderProject(ctx, c, p, ProjectForm.of(p), FormErrors.none(), form, errors);
            return;
        }
        Views.redirectWithFlash(ctx, projectPath(c, p), "client.project.flash.milestoneAdded");
    }

    public void reachMilestone(Context ctx) {
        Client c = client(ctx);
        Project p = project(ctx, c);
        long mid = ctx.pathParamAsClass("milestoneId", Long.class).getOrThrow(e -> new NotFoundResponse());
        projects.findMilestone(ws(ctx), p.id(), mid).orElseThrow(NotFoundResponse::new);
        AskService.Outcome outcome = service.reachMilestone(ws(ctx), p, mid, CurrentUser.require(ctx).timeZone());
        Views.redirectWithFlash(ctx, projectPath(c, p), outcome == null ? "client.project.flash.milestoneAlready" : outcome.flashKey());
    }

    private void renderProject(Context ctx, Client c, Project p, ProjectForm form, FormErrors errors, MilestoneForm mForm,
                               FormErrors mErrors) {
        Views.render(ctx, "client/project.jte", new Pages.ProjectShow(Views.shellWithTitle(ctx, p.title(), "clients"), c, p,
                form, errors, projects.milestones(ws(ctx), p.id()), mForm, mErrors));
    }

    private static String projectPath(Client c, Project p) { return "/admin/clients/" + c.id() + "/projects/" + p.id(); }

    // ---------------------------------------------------------------- CSV

    public void export(Context ctx) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row(CsvImport.FIELDS);
            for (Client c : clients.all(ws(ctx))) {
                csv.row(c.name(), c.email(), c.company(), c.phone(), c.tags(), c.notes(), c.language());
            }
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"clients.csv\"");
        ctx.result(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void importForm(Context ctx) {
        Views.render(ctx, "client/importUpload.jte", new Pages.ImportUpload(Views.shell(ctx, "client.import.title", "clients"), FormErrors.none()));
    }

    /** Step 1 → 2: reads the uploaded (or pasted) file and shows the preview with a guessed column mapping. */
    public void importPreview(Context ctx) throws IOException {
        Uploads.Upload upload = Uploads.read(ctx, "file", CsvImport.MAX_CHARS);
        if (upload instanceof Uploads.TooLarge) {
            importUploadError(ctx, "client.import.error.tooLarge");
            return;
        }
        String text = upload instanceof Uploads.File f ? new String(f.bytes(), StandardCharsets.UTF_8) : ctx.formParam("csv");
        CsvImport.Read read = CsvImport.parse(text);
        if (read instanceof CsvImport.Unreadable u) {
            importUploadError(ctx, u.errorKey());
            return;
        }
        CsvImport.Parsed p = (CsvImport.Parsed) read;
        CsvImport.Options options = new CsvImport.Options(CsvImport.guess(p.headers()), CsvImport.Duplicates.SKIP, false);
        renderPreview(ctx, p, options, FormErrors.none());
    }

    /** Step 2: "preview again" with another mapping, or import with the freelancer's consent. */
    public void importConfirm(Context ctx) {
        CsvImport.Read read = CsvImport.parse(ctx.formParam("csv"));
        if (read instanceof CsvImport.Unreadable u) {
            importUploadError(ctx, u.errorKey());
            return;
        }
        CsvImport.Parsed p = (CsvImport.Parsed) read;
        int columns = p.headers().size();
        CsvImport.Options options = new CsvImport.Options(CsvImport.mappingFrom(ctx::formParam, columns),
                "merge".equals(ctx.formParam("duplicates")) ? CsvImport.Duplicates.MERGE : CsvImport.Duplicates.SKIP,
                ctx.formParam("consent") != null);
        if ("preview".equals(ctx.formParam("action"))) {
            renderPreview(ctx, p, options, FormErrors.none());
            return;
        }
        FormErrors errors = FormErrors.none();
        if (!options.mapping().containsKey("name")) errors.add("map.name", "client.import.error.nameUnmapped");
        if (!options.consent()) errors.add("consent", "client.import.error.consent");
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderPreview(ctx, p, options, errors);
            return;
        }
        long ws = ws(ctx);
        List<CsvImport.RowResult> rows = CsvImport.check(p, options, CurrentUser.require(ctx).language(),
                email -> clients.findByEmail(ws, email).isPresent());
        CsvImport.Summary summary = service.importRows(ws, rows);
        Views.render(ctx, "client/importDone.jte", new Pages.ImportDone(Views.shell(ctx, "client.import.title", "clients"), summary));
    }

    private void renderPreview(Context ctx, CsvImport.Parsed p, CsvImport.Options options, FormErrors errors) {
        long ws = ws(ctx);
        List<CsvImport.RowResult> rows = CsvImport.check(p, options, CurrentUser.require(ctx).language(),
                email -> clients.findByEmail(ws, email).isPresent());
        Views.render(ctx, "client/importPreview.jte", new Pages.ImportPreview(Views.shell(ctx, "client.import.title", "clients"),
                p, options, rows, errors, CsvImport.FIELDS));
    }

    private void importUploadError(Context ctx, String key) {
        Views.invalid(ctx, "client/importUpload.jte", new Pages.ImportUpload(Views.shell(ctx, "client.import.title", "clients"),
                FormErrors.of("file", key)));
    }

    // ---------------------------------------------------------------- helpers

    private static long ws(Context ctx) { return CurrentUser.require(ctx).workspaceId(); }

    private Client client(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).getOrThrow(e -> new NotFoundResponse());
        return clients.findById(ws(ctx), id).orElseThrow(NotFoundResponse::new);
    }

    private Project project(Context ctx, Client c) {
        long id = ctx.pathParamAsClass("projectId", Long.class).getOrThrow(e -> new NotFoundResponse());
        Project p = projects.findById(ws(ctx), id).orElseThrow(NotFoundResponse::new);
        if (p.clientId() != c.id()) throw new NotFoundResponse();
        return p;
    }
}
