package io.goodword.referral;

import io.goodword.db.NotFound;
import io.goodword.web.FormErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** Programs and the workspace's referral settings: which program runs today, and their validation. */
public final class ReferralPrograms {
    private final ProgramDao programs;
    private final Clock clock;

    ReferralPrograms(ProgramDao programs, Clock clock) {
        this.programs = programs;
        this.clock = clock;
    }

    public LocalDate today() { return LocalDate.now(clock.withZone(ZoneOffset.UTC)); }

    /** The program new links join: the newest one running today. */
    public Optional<Program> currentProgram(long workspaceId) {
        LocalDate today = today();
        return programs.list(workspaceId).stream().filter(p -> p.running(today))
                .max((a, b) -> a.createdAt().compareTo(b.createdAt()) != 0 ? a.createdAt().compareTo(b.createdAt())
                        : Long.compare(a.id(), b.id()));
    }

    public Optional<Program> find(long workspaceId, long id) { return programs.findById(workspaceId, id); }

    public Saved createProgram(long workspaceId, ProgramForm form) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return new Saved(0, errors);
        return new Saved(programs.insert(workspaceId, form), errors);
    }

    public FormErrors updateProgram(long workspaceId, long id, ProgramForm form) {
        programs.findById(workspaceId, id).orElseThrow(NotFound::new);
        FormErrors errors = form.validate();
        if (errors.isEmpty()) programs.update(workspaceId, id, form);
        return errors;
    }

    /** Pausing stops new rewards; rewards already in the ledger stay as they are. */
    public void setProgramStatus(long workspaceId, long id, Program.Status status) {
        if (programs.setStatus(workspaceId, id, status) == 0) throw new NotFound();
    }

    public FormErrors saveSettings(long workspaceId, SettingsForm form) {
        FormErrors errors = form.validate();
        if (errors.isEmpty()) programs.saveSettings(workspaceId, form.days(), form.notifyReferrer(), form.notifyFreelancer());
        return errors;
    }

    public int attributionDays(long workspaceId) { return programs.settingsOrDefault(workspaceId).attributionDays(); }
}
