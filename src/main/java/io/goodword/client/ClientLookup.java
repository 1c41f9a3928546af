package io.goodword.client;

import io.goodword.db.NotFound;
import io.goodword.security.CurrentUser;
import io.goodword.web.Params;
import io.javalin.http.Context;

/** The client and project a /admin/clients/{id}… path names, in the signed-in workspace; any other is a 404. */
final class ClientLookup {
    private final ClientDao clients;
    private final ProjectDao projects;

    ClientLookup(ClientDao clients, ProjectDao projects) {
        this.clients = clients;
        this.projects = projects;
    }

    static long ws(Context ctx) { return CurrentUser.require(ctx).workspaceId(); }

    Client client(Context ctx) {
        long id = Params.id(ctx, "id");
        return clients.findById(ws(ctx), id).orElseThrow(NotFound::new);
    }

    Project project(Context ctx, Client c) {
        long id = Params.id(ctx, "projectId");
        Project p = projects.findById(ws(ctx), id).orElseThrow(NotFound::new);
        if (p.clientId() != c.id()) throw new NotFound();
        return p;
    }
}
