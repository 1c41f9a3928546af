package io.goodword.client;

import static io.goodword.client.ClientLookup.ws;

import io.goodword.db.NotFound;
import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.Params;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** /admin/clients/{id}/projects/{projectId}: a project and its milestones (reaching one may schedule a check-in). */
public final class ClientProjectController {
    private final ClientService service;
    private final ProjectDao projects;
    private final ClientLookup lookup;

    public ClientProjectController(ClientService service, ClientDao clients, ProjectDao projects) {
        this.service = service;
        this.projects = projects;
        this.lookup = new ClientLookup(clients, projects);
    }

    public void showProject(Context ctx) {
        Client c = lookup.client(ctx);
        Project p = lookup.project(ctx, c);
        renderProject(ctx, c, p, ProjectForm.of(p), FormErrors.none(), MilestoneForm.empty(), FormErrors.none());
    }

    public void updateProject(Context ctx) {
        Client c = lookup.client(ctx);
        Project p = lookup.project(ctx, c);
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
        Client c = lookup.client(ctx);
        Project p = lookup.project(ctx, c);
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
        Client c = lookup.client(ctx);
        Project p = lookup.project(ctx, c);
        long mid = Params.id(ctx, "milestoneId");
        projects.findMilestone(ws(ctx), p.id(), mid).orElseThrow(NotFound::new);
        CheckIns.Outcome outcome = service.reachMilestone(ws(ctx), p, mid, CurrentUser.require(ctx).timeZone());
        Views.redirectWithFlash(ctx, projectPath(c, p), outcome == null ? "client.project.flash.milestoneAlready" : outcome.flashKey());
    }

    private void renderProject(Context ctx, Client c, Project p, ProjectForm form, FormErrors errors, MilestoneForm mForm,
                               FormErrors mErrors) {
        Views.render(ctx, "client/project.jte", new ClientPages.ProjectPage(Views.shellWithTitle(ctx, p.title(), "clients"), c, p,
                form, errors, projects.milestones(ws(ctx), p.id()), mForm, mErrors, CurrentUser.dates(ctx)));
    }

    private static String projectPath(Client c, Project p) { return "/admin/clients/" + c.id() + "/projects/" + p.id(); }
}
