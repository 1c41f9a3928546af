package io.goodword.client;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The client feature's controllers, wired once: the list, a client's page, projects and milestones, CSV in and out. */
public record ClientControllers(ClientListController list, ClientPageController page, ClientProjectController projects,
                                ClientCsvController csv) {

    public static ClientControllers wire(Jdbi jdbi, CheckIns checkIns, Clock clock) {
        ClientService service = new ClientService(jdbi, checkIns, clock);
        ClientDao clients = jdbi.onDemand(ClientDao.class);
        ProjectDao projects = jdbi.onDemand(ProjectDao.class);
        return new ClientControllers(new ClientListController(service, clients, projects),
                new ClientPageController(service, clients, projects, checkIns),
                new ClientProjectController(service, clients, projects), new ClientCsvController(service, clients));
    }
}
