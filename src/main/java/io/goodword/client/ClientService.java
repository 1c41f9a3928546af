package io.goodword.client;

import io.goodword.web.Dates;
import io.goodword.db.DuplicateKey;
import io.goodword.web.FormErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of clients and projects beyond CRUD: unique emails per workspace, CSV imports, and the moments of
 * satisfaction (a completed project, a reached milestone) that schedule a check-in in the same transaction.
 */
public final class ClientService {
    private final Jdbi jdbi;
    private final CheckIns checkIns;
    private final Clock clock;

    public ClientService(Jdbi jdbi, CheckIns checkIns, Clock clock) {
        this.jdbi = jdbi;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    public record Saved(long id, FormErrors errors) {}

    public Saved create(long ws, ClientForm form) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Saved(0, errors);
        try {
            long id = jdbi.withExtension(ClientDao.class, d -> d.insert(ws, form.name(), form.emailOrNull(), form.company(),
                    form.phone(), form.tagList(), form.notes(), form.language()));
            return new Saved(id, errors);
        } catch (DuplicateKey e) {
            return new Saved(0, FormErrors.of("email", "client.error.emailTaken"));
        }
    }

    public FormErrors update(long ws, long id, ClientForm form) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return errors;
        try {
            jdbi.useExtension(ClientDao.class, d -> d.update(ws, id, form));
            return errors;
        } catch (DuplicateKey e) {
            return FormErrors.of("email", "client.error.emailTaken");
        }
    }

    /** Imports the checked rows in one transaction: all or nothing. */
    public CsvImport.Summary importRows(long ws, List<CsvImport.RowResult> rows) {
        return jdbi.inTransaction(h -> {
            ClientDao dao = h.attach(ClientDao.class);
            int created = 0, merged = 0, skipped = 0;
            List<CsvImport.RowResult> invalid = new ArrayList<>();
            for (CsvImport.RowResult r : rows) {
                switch (r.action()) {
                    case CREATE -> {
                        ClientForm f = r.form();
                        dao.insert(ws, f.name(), f.emailOrNull(), f.company(), f.phone(), f.tagList(), f.notes(), f.language());
                        created++;
                    }
                    case MERGE -> {
                        Optional<Client> existing = dao.findByEmail(ws, r.form().emailOrNull());
                        if (existing.isPresent()) {
                            dao.update(ws, existing.get().id(), CsvImport.merge(existing.get(), r.form()));
                            merged++;
                        }
                    }
                    case SKIP -> skipped++;
                    case INVALID -> invalid.add(r);
                }
            }
            return new CsvImport.Summary(created, merged, skipped, invalid);
        });
    }

    public record ProjectSaved(long id, FormErrors errors, CheckIns.Outcome ask) {}

    public ProjectSaved createProject(long ws, long clientId, ProjectForm form) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new ProjectSaved(0, errors, null);
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            boolean completed = form.statusEnum() == ProjectStatus.COMPLETED;
            long id = h.attach(ProjectDao.class).insert(ws, clientId, form.title(), form.valueCents(), form.currency(),
                    form.start(), form.end(), form.status(), completed ? now : null);
            h.attach(ProjectDao.class).classifyOrigin(ws, clientId, id);
            CheckIns.Outcome ask = completed ? checkIns.schedule(h, ws, clientId, id, null) : null;
            return new ProjectSaved(id, errors, ask);
        });
    }

    /** Saves a project; the change to completed is a moment to check in. */
    public ProjectSaved updateProject(long ws, Project before, ProjectForm form) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new ProjectSaved(before.id(), errors, null);
        return jdbi.inTransaction(h -> {
            boolean nowCompleted = form.statusEnum() == ProjectStatus.COMPLETED;
            boolean becameCompleted = nowCompleted && before.statusEnum() != ProjectStatus.COMPLETED;
            Instant completedAt = nowCompleted ? (becameCompleted ? clock.instant() : before.completedAt()) : null;
            h.attach(ProjectDao.class).update(ws, before.id(), form.title(), form.valueCents(), form.currency(), form.start(),
                    form.end(), form.status(), completedAt);
            CheckIns.Outcome ask = becameCompleted ? checkIns.schedule(h, ws, before.clientId(), before.id(), null) : null;
            return new ProjectSaved(before.id(), errors, ask);
        });
    }

    public FormErrors addMilestone(long ws, long projectId, MilestoneForm form) {
        FormErrors errors = form.validate();
        if (errors.isEmpty()) jdbi.useExtension(ProjectDao.class, d -> d.insertMilestone(ws, projectId, form.name(), form.due()));
        return errors;
    }

    /** Marks a milestone reached today (in the workspace's time zone) and schedules a check-in; null if it already was. */
    public CheckIns.Outcome reachMilestone(long ws, Project project, long milestoneId, String timeZone) {
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, Dates.zone(timeZone));
            if (h.attach(ProjectDao.class).markReached(ws, project.id(), milestoneId, today, now) != 1) return null;
            return checkIns.schedule(h, ws, project.clientId(), project.id(), milestoneId);
        });
    }


    /** Marks a follow-up task of this client done, at the (injectable) current time; false for a foreign id. */
    public boolean completeTask(long workspaceId, long clientId, long taskId) {
        return jdbi.onDemand(ClientDao.class).completeTask(workspaceId, clientId, taskId, clock.instant()) == 1;
    }
}
