package io.goodword.client;

import static io.goodword.client.ClientLookup.ws;

import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.Views;
import io.javalin.http.Context;
import java.util.List;
import java.util.TreeSet;

/** /admin/clients: the client list, and creating and editing a client. */
public final class ClientListController {
    private final ClientService service;
    private final ClientDao clients;
    private final ClientLookup lookup;

    public ClientListController(ClientService service, ClientDao clients, ProjectDao projects) {
        this.service = service;
        this.clients = clients;
        this.lookup = new ClientLookup(clients, projects);
    }

    public void list(Context ctx) {
        long ws = ws(ctx);
        ClientQuery q = ClientQuery.from(ctx);
        int total = clients.count(ws, ClientDao.filter(q.q(), q.tag()), q.like(), q.tag());
        int pages = ClientQuery.pages(total);
        List<Client> rows = clients.search(ws, ClientDao.filter(q.q(), q.tag()), q.like(), q.tag(), q.sort().sql, ClientQuery.PAGE_SIZE, q.offset());
        TreeSet<String> tags = new TreeSet<>();
        clients.tagLists(ws).forEach(t -> tags.addAll(ClientForm.Tags.split(t)));
        Views.render(ctx, "client/list.jte", new ClientPages.ListPage(Views.shell(ctx, "client.list.title", "clients"), rows, q,
                total, pages, List.copyOf(tags)));
    }

    public void newForm(Context ctx) {
        Views.render(ctx, "client/edit.jte", new ClientPages.EditPage(Views.shell(ctx, "client.new.title", "clients"), null,
                ClientForm.empty(CurrentUser.require(ctx).language()), FormErrors.none()));
    }

    public void create(Context ctx) {
        ClientForm form = ClientForm.from(ctx);
        ClientService.Saved saved = service.create(ws(ctx), form);
        if (!saved.errors().isEmpty()) {
            Views.invalid(ctx, "client/edit.jte", new ClientPages.EditPage(Views.shell(ctx, "client.new.title", "clients"), null, form, saved.errors()));
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/clients/" + saved.id(), "client.flash.created");
    }

    public void editForm(Context ctx) {
        Client c = lookup.client(ctx);
        Views.render(ctx, "client/edit.jte", new ClientPages.EditPage(Views.shellWithTitle(ctx, c.name(), "clients"), c, ClientForm.of(c), FormErrors.none()));
    }

    public void update(Context ctx) {
        Client c = lookup.client(ctx);
        ClientForm form = ClientForm.from(ctx);
        FormErrors errors = service.update(ws(ctx), c.id(), form);
        if (!errors.isEmpty()) {
            Views.invalid(ctx, "client/edit.jte", new ClientPages.EditPage(Views.shellWithTitle(ctx, c.name(), "clients"), c, form, errors));
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/clients/" + c.id(), "client.flash.saved");
    }
}
