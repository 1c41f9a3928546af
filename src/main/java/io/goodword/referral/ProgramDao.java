package io.goodword.referral;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Referral programs and the workspace's referral settings; every query is scoped to one workspace. */
@RegisterConstructorMapper(Program.class)
@RegisterConstructorMapper(ReferralSettings.class)
public interface ProgramDao {
    String COLUMNS = """
            id, workspace_id, name, description, terms, referrer_reward_type, referrer_reward_amount,
            referrer_reward_currency, referrer_reward_text, friend_reward_type, friend_reward_amount,
            friend_reward_currency, friend_reward_text, reward_trigger, min_deal_value, cap_per_referrer, starts_on,
            ends_on, status, created_at, updated_at, hold_days, hold_until_paid, reward_choices""";

    @SqlUpdate("""
            INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type,
                referrer_reward_amount, referrer_reward_currency, referrer_reward_text, friend_reward_type,
                friend_reward_amount, friend_reward_currency, friend_reward_text, reward_trigger, min_deal_value,
                cap_per_referrer, starts_on, ends_on, hold_days, hold_until_paid, reward_choices)
            VALUES (:ws, :f.name, :f.description, :f.terms, :f.referrerTypeValue, :f.referrerAmountValue,
                :f.referrerCurrencyValue, :f.referrerTextValue, :f.friendTypeValue, :f.friendAmountValue,
                :f.friendCurrencyValue, :f.friendTextValue, :f.triggerValue, :f.minDealValueValue, :f.capValue,
                :f.startsOnValue, :f.endsOnValue, :f.holdDaysValue, :f.holdUntilPaid, :f.choicesValue)""")
    @GetGeneratedKeys
    long insert(@Bind("ws") long workspaceId, @BindMethods("f") ProgramForm form);

    @SqlUpdate("""
            UPDATE referral_programs SET name = :f.name, description = :f.description, terms = :f.terms,
                referrer_reward_type = :f.referrerTypeValue, referrer_reward_amount = :f.referrerAmountValue,
                referrer_reward_currency = :f.referrerCurrencyValue, referrer_reward_text = :f.referrerTextValue,
                friend_reward_type = :f.friendTypeValue, friend_reward_amount = :f.friendAmountValue,
                friend_reward_currency = :f.friendCurrencyValue, friend_reward_text = :f.friendTextValue,
                reward_trigger = :f.triggerValue, min_deal_value = :f.minDealValueValue, cap_per_referrer = :f.capValue,
                starts_on = :f.startsOnValue, ends_on = :f.endsOnValue, hold_days = :f.holdDaysValue,
                hold_until_paid = :f.holdUntilPaid, reward_choices = :f.choicesValue
            WHERE id = :id AND workspace_id = :ws""")
    int update(@Bind("ws") long workspaceId, @Bind("id") long id, @BindMethods("f") ProgramForm form);

    @SqlQuery("SELECT " + COLUMNS + " FROM referral_programs WHERE id = :id AND workspace_id = :ws")
    Optional<Program> findById(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM referral_programs WHERE workspace_id = :ws ORDER BY status, created_at DESC, id DESC")
    List<Program> list(@Bind("ws") long workspaceId);

    @SqlUpdate("UPDATE referral_programs SET status = :status WHERE id = :id AND workspace_id = :ws")
    int setStatus(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("status") Program.Status status);

    @SqlQuery("SELECT workspace_id, attribution_days, notify_referrer, notify_freelancer FROM referral_settings WHERE workspace_id = :ws")
    Optional<ReferralSettings> settings(@Bind("ws") long workspaceId);

    @SqlUpdate("""
            INSERT INTO referral_settings (workspace_id, attribution_days, notify_referrer, notify_freelancer)
            VALUES (:ws, :days, :referrer, :freelancer)
            ON DUPLICATE KEY UPDATE attribution_days = :days, notify_referrer = :referrer, notify_freelancer = :freelancer""")
    void saveSettings(@Bind("ws") long workspaceId, @Bind("days") int days, @Bind("referrer") boolean notifyReferrer,
                      @Bind("freelancer") boolean notifyFreelancer);

    default ReferralSettings settingsOrDefault(long workspaceId) {
        return settings(workspaceId).orElse(ReferralSettings.defaults(workspaceId));
    }
}
