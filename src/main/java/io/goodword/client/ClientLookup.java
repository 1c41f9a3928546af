package io.goodword.client;

import io.goodword.security.CurrentUser;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

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
        long id = ctx.pathParamAsClass("id", Long.class).getOrThrow(e -> new NotFoundResponse());
        return clients.findById(ws(ctx), id).orElseThrow(NotFoundResponse::new);
    }

    Project project(Context ctx, Client c) {
        long id = ctx.pathParamAsClass("projectId", Long.class).getOrThrow(e -> new NotFoundResponse());
        Project p = projects.findById(ws(ctx), id).orElseThrow(NotFoundResponse::new);
        if (p.clientId() != c.id()) throw new NotFoundResponse();
        return p;
    }
}
