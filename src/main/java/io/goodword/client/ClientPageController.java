package io.goodword.client;

import static io.goodword.client.ClientLookup.ws;

import io.goodword.db.NotFound;
import io.goodword.security.CurrentUser;
import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Params;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** /admin/clients/{id}: the client page (projects, timeline, tasks), asking from it, and adding a project. */
public final class ClientPageController {

    private final ClientService service;
    private final ClientDao clients;
    private final ProjectDao projects;
    private final CheckIns checkIns;
    private final ClientLookup lookup;

    public ClientPageController(ClientService service, ClientDao clients, ProjectDao projects, CheckIns checkIns) {
        this.service = service;
        this.clients = clients;
        this.projects = projects;
        this.checkIns = checkIns;
        this.lookup = new ClientLookup(clients, projects);
    }

    public void show(Context ctx) {
        Client c = lookup.client(ctx);
        renderShow(ctx, c, ProjectForm.empty(), FormErrors.none(), null);
    }

    private void renderShow(Context ctx, Client c, ProjectForm projectForm, FormErrors projectErrors, String link) {
        long ws = ws(ctx);
        Dates zone = CurrentUser.dates(ctx);
        List<Project> ps = projects.forClient(ws, c.id());
        List<ClientPages.ProjectView> views = ps.stream().map(p -> new ClientPages.ProjectView(p, projects.milestones(ws, p.id()))).toList();
        List<CheckIns.CheckIn> clientAsks = checkIns.forClient(ws, c.id());
        CheckIns.CheckIn open = clientAsks.stream().filter(CheckIns.CheckIn::open).findFirst().orElse(null);
        String openWhen = open == null ? null : when(open.sentAt() != null ? open.sentAt() : open.scheduledFor(), zone);
        Views.render(ctx, "client/show.jte", new ClientPages.ShowPage(Views.shellWithTitle(ctx, c.name(), "clients"), c,
                ClientForm.Tags.split(c.tags()), views, projectForm, projectErrors, timeline(ws, c, ps, clientAsks, zone),
                clients.tasks(ws, c.id()), open, openWhen, link, checkIns.sendNowBlocked(ws, c.id())));
    }

    private List<TimelineEntry> timeline(long ws, Client c, List<Project> ps, List<CheckIns.CheckIn> clientAsks, Dates zone) {
        List<TimelineEntry> out = new ArrayList<>();
        out.add(entry(c.createdAt(), zone, "client.timeline.added", ""));
        for (Project p : ps) {
            out.add(entry(p.createdAt(), zone, "client.timeline.projectStarted", p.title()));
            if (p.completedAt() != null) out.add(entry(p.completedAt(), zone, "client.timeline.projectCompleted", p.title()));
        }
        for (Milestone m : projects.milestonesOfClient(ws, c.id())) {
            if (m.reachedAt() != null) out.add(entry(m.reachedAt(), zone, "client.timeline.milestoneReached", m.name()));
        }
        for (CheckIns.CheckIn a : clientAsks) {
            out.add(entry(a.createdAt(), zone, "client.timeline.askScheduled", when(a.scheduledFor(), zone)));
            if (a.sentAt() != null) out.add(entry(a.sentAt(), zone, "client.timeline.askSent", ""));
            if (a.openedAt() != null) out.add(entry(a.openedAt(), zone, "client.timeline.askOpened", ""));
            if (a.answeredAt() != null) out.add(entry(a.answeredAt(), zone, "client.timeline.askAnswered", a.score() + "/10"));
            // the words given with the score belong beside it, not only in the export
            if (a.answeredAt() != null && a.comment() != null) out.add(entry(a.answeredAt(), zone, "client.timeline.askComment", a.comment()));
        }
        for (ClientTestimonial t : clients.testimonials(ws, c.id())) {
            out.add(entry(t.createdAt(), zone, "client.timeline.testimonial", t.rating() + "/5"));
        }
        if (c.unsubscribedAt() != null) out.add(entry(c.unsubscribedAt(), zone, "client.timeline.unsubscribed", ""));
        out.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return out;
    }

    private static TimelineEntry entry(Instant at, Dates zone, String key, String detail) {
        return new TimelineEntry(at, when(at, zone), key, detail);
    }

    static String when(Instant at, Dates zone) { return zone.when(at); }

    public void completeTask(Context ctx) {
        Client c = lookup.client(ctx);
        long taskId = Params.id(ctx, "taskId");
        if (!service.completeTask(ws(ctx), c.id(), taskId)) throw new NotFound();
        Views.redirectWithFlash(ctx, "/admin/clients/" + c.id(), "client.flash.taskDone");
    }

    // ---------------------------------------------------------------- asking from the client page

    public void sendCheckIn(Context ctx) {
        Client c = lookup.client(ctx);
        CheckIns.Outcome outcome = checkIns.sendNow(ws(ctx), c.id());
        Views.redirectWithFlash(ctx, "/admin/clients/" + c.id(), outcome.flashKey());
    }

    /** Shows a fresh personal link once, on the client page itself (it is never stored, only its hash). */
    public void personalLink(Context ctx) {
        Client c = lookup.client(ctx);
        CheckIns.PersonalLink result = checkIns.personalLink(ws(ctx), c.id());
        if (result.url() == null) {
            Views.redirectWithFlash(ctx, "/admin/clients/" + c.id(), result.outcome().flashKey());
            return;
        }
        renderShow(ctx, clients.findById(ws(ctx), c.id()).orElseThrow(), ProjectForm.empty(), FormErrors.none(), result.url());
    }

    /** The new-project form sits on the client page, so its errors re-render that page. */
    public void createProject(Context ctx) {
        Client c = lookup.client(ctx);
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
}
