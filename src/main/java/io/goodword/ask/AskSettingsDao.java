package io.goodword.ask;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The asking rules and email wording of a workspace. */
@RegisterConstructorMapper(AskSettings.class)
@RegisterConstructorMapper(AskTemplate.class)
public interface AskSettingsDao {

    @SqlQuery("""
            SELECT workspace_id, delay_hours, working_days, work_start_hour, work_end_hour, cooldown_days,
                   reminder1_days, reminder2_days, max_reminders, link_days, delay_min_hours, delay_max_hours
            FROM ask_settings WHERE workspace_id = :ws""")
    Optional<AskSettings> find(@Bind("ws") long workspaceId);

    default AskSettings get(long workspaceId) { return find(workspaceId).orElseGet(() -> AskSettings.defaults(workspaceId)); }

    @SqlUpdate("""
            INSERT INTO ask_settings (workspace_id, delay_hours, working_days, work_start_hour, work_end_hour, cooldown_days,
                                      reminder1_days, reminder2_days, max_reminders, link_days, delay_min_hours, delay_max_hours)
            VALUES (:workspaceId, :delayHours, :workingDays, :workStartHour, :workEndHour, :cooldownDays,
                    :reminder1Days, :reminder2Days, :maxReminders, :linkDays, :delayMinHours, :delayMaxHours)
            ON DUPLICATE KEY UPDATE delay_hours = VALUES(delay_hours), working_days = VALUES(working_days),
                   work_start_hour = VALUES(work_start_hour), work_end_hour = VALUES(work_end_hour),
                   cooldown_days = VALUES(cooldown_days), reminder1_days = VALUES(reminder1_days),
                   reminder2_days = VALUES(reminder2_days), max_reminders = VALUES(max_reminders), link_days = VALUES(link_days),
                   delay_min_hours = VALUES(delay_min_hours), delay_max_hours = VALUES(delay_max_hours)""")
    void save(@BindMethods AskSettings settings);

    @SqlQuery("SELECT workspace_id, kind, subject, body FROM ask_templates WHERE workspace_id = :ws AND kind = :kind")
    Optional<AskTemplate> template(@Bind("ws") long workspaceId, @Bind("kind") String kind);

    @SqlUpdate("""
            INSERT INTO ask_templates (workspace_id, kind, subject, body) VALUES (:ws, :kind, :subject, :body)
            ON DUPLICATE KEY UPDATE subject = VALUES(subject), body = VALUES(body)""")
    void saveTemplate(@Bind("ws") long workspaceId, @Bind("kind") String kind, @Bind("subject") String subject,
                      @Bind("body") String body);

    @SqlUpdate("DELETE FROM ask_templates WHERE workspace_id = :ws AND kind = :kind")
    void resetTemplate(@Bind("ws") long workspaceId, @Bind("kind") String kind);
}
