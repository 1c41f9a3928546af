package io.goodword.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The rewards ledger; every query is scoped to one workspace. */
@RegisterConstructorMapper(Reward.class)
@RegisterConstructorMapper(RewardDao.Total.class)
public interface RewardDao {
    String SELECT = """
            SELECT r.id, r.workspace_id, r.program_id, r.lead_id, r.beneficiary, r.client_id, r.recipient_name,
                   r.recipient_email, r.reward_type, r.amount, r.currency, r.description, r.status, r.held, r.note,
                   r.created_at, r.approved_at, r.fulfilled_at, r.cancelled_at, p.name AS program_name, l.name AS lead_name,
                   r.payable_from, r.awaiting_invoice, r.choices, r.chosen_at
            FROM referral_rewards r
            JOIN referral_programs p ON p.id = r.program_id AND p.workspace_id = r.workspace_id
            JOIN referral_leads l ON l.id = r.lead_id AND l.workspace_id = r.workspace_id
            """;

    /** Totals of one group (an ambassador, a program) in one currency ("" for non-monetary rewards). */
    record Total(String label, String currency, int total, int pending, int approved, int fulfilled, int cancelled,
                 BigDecimal amount) {}

    /** Returns 1 when created, 0 when this lead already has this beneficiary's reward (the unique key). */
    @SqlUpdate("""
            INSERT INTO referral_rewards (workspace_id, program_id, lead_id, beneficiary, client_id, recipient_name,
                recipient_email, reward_type, amount, currency, description, held, created_at, payable_from,
                awaiting_invoice, choices, choice_token_hash)
            VALUES (:ws, :program, :lead, :beneficiary, :client, :name, :email, :type, :amount, :currency,
                :description, :held, :now, :payableFrom, :awaitingInvoice, :choices, :tokenHash)
            ON DUPLICATE KEY UPDATE id = id""")
    int insertOnce(@Bind("ws") long workspaceId, @Bind("program") long programId, @Bind("lead") long leadId,
                   @Bind("beneficiary") Reward.Beneficiary beneficiary, @Bind("client") Long clientId,
                   @Bind("name") String name, @Bind("email") String email, @Bind("type") Program.RewardType type,
                   @Bind("amount") BigDecimal amount, @Bind("currency") String currency,
                   @Bind("description") String description, @Bind("held") boolean held, @Bind("now") Instant now,
                   @Bind("payableFrom") Instant payableFrom, @Bind("awaitingInvoice") boolean awaitingInvoice,
                   @Bind("choices") String choices, @Bind("tokenHash") String choiceTokenHash);

    /** The reward behind a referrer's private choice link (the token's SHA-256; the token itself is never stored). */
    @SqlQuery(SELECT + " WHERE r.choice_token_hash = :hash")
    Optional<Reward> findByChoiceHash(@Bind("hash") String tokenHash);

    /** The referrer's choice of form; only while the reward is still open, and only among the offered forms. */
    @SqlUpdate("""
            UPDATE referral_rewards SET reward_type = :type, description = :description, chosen_at = :now
            WHERE id = :id AND workspace_id = :ws AND status IN ('pending', 'approved')
              AND FIND_IN_SET(:type, choices) > 0""")
    int choose(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("type") Program.RewardType type,
               @Bind("description") String description, @Bind("now") Instant now);

    /** The invoice of the lead's deal is paid: its rewards no longer wait for it. */
    @SqlUpdate("UPDATE referral_rewards SET awaiting_invoice = FALSE WHERE workspace_id = :ws AND lead_id = :lead")
    int releaseInvoiceHold(@Bind("ws") long workspaceId, @Bind("lead") long leadId);

    /** The lead no longer has a referrer: an unpaid referrer reward is cancelled (a paid one stays in the ledger). */
    @SqlUpdate("""
            UPDATE referral_rewards SET status = 'cancelled', note = :note, cancelled_at = :now, held = FALSE
            WHERE workspace_id = :ws AND lead_id = :lead AND beneficiary = 'referrer' AND status IN ('pending', 'approved')""")
    int cancelOpenReferrerReward(@Bind("ws") long workspaceId, @Bind("lead") long leadId, @Bind("note") String note,
                                 @Bind("now") Instant now);

    /** A lead's referrer changed before its reward was paid: the open reward goes to the new referrer. */
    @SqlUpdate("""
            UPDATE referral_rewards SET client_id = :client, recipient_name = :name, recipient_email = :email
            WHERE workspace_id = :ws AND lead_id = :lead AND beneficiary = 'referrer' AND status IN ('pending', 'approved')""")
    int reassignReferrer(@Bind("ws") long workspaceId, @Bind("lead") long leadId, @Bind("client") long clientId,
                         @Bind("name") String name, @Bind("email") String email);

    /** Referrer rewards that count against the cap: all but cancelled ones. */
    @SqlQuery("""
            SELECT COUNT(*) FROM referral_rewards WHERE workspace_id = :ws AND program_id = :program
                AND client_id = :client AND beneficiary = 'referrer' AND status <> 'cancelled'""")
    int countForReferrer(@Bind("ws") long workspaceId, @Bind("program") long programId, @Bind("client") long clientId);

    @SqlQuery(SELECT + " WHERE r.workspace_id = :ws AND (:status IS NULL OR r.status = :status) ORDER BY r.created_at DESC, r.id DESC LIMIT 1000")
    List<Reward> list(@Bind("ws") long workspaceId, @Bind("status") Reward.Status status);

    @SqlQuery(SELECT + " WHERE r.workspace_id = :ws ORDER BY r.id")
    List<Reward> all(@Bind("ws") long workspaceId);

    @SqlQuery(SELECT + " WHERE r.workspace_id = :ws AND r.lead_id = :lead ORDER BY r.id")
    List<Reward> forLead(@Bind("ws") long workspaceId, @Bind("lead") long leadId);

    @SqlQuery(SELECT + " WHERE r.workspace_id = :ws AND r.id = :id")
    Optional<Reward> findById(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlUpdate("""
            UPDATE referral_rewards SET status = 'approved', approved_at = :now
            WHERE id = :id AND workspace_id = :ws AND status = 'pending' AND held = FALSE
              AND awaiting_invoice = FALSE AND (payable_from IS NULL OR payable_from <= :now)""")
    int approve(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE referral_rewards SET status = 'fulfilled', note = :note, fulfilled_at = :now,
                approved_at = COALESCE(approved_at, :now)
            WHERE id = :id AND workspace_id = :ws AND status IN ('pending', 'approved') AND held = FALSE
              AND awaiting_invoice = FALSE AND (payable_from IS NULL OR payable_from <= :now)""")
    int fulfil(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("note") String note, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE referral_rewards SET status = 'cancelled', note = :note, cancelled_at = :now, held = FALSE
            WHERE id = :id AND workspace_id = :ws AND status IN ('pending', 'approved')""")
    int cancel(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("note") String reason, @Bind("now") Instant now);

    @SqlUpdate("UPDATE referral_rewards SET held = :held WHERE workspace_id = :ws AND lead_id = :lead AND status IN ('pending', 'approved')")
    int setHeldForLead(@Bind("ws") long workspaceId, @Bind("lead") long leadId, @Bind("held") boolean held);

    @SqlUpdate("""
            UPDATE referral_rewards SET status = 'cancelled', note = :note, cancelled_at = :now, held = FALSE
            WHERE workspace_id = :ws AND lead_id = :lead AND status IN ('pending', 'approved')""")
    int cancelOpenForLead(@Bind("ws") long workspaceId, @Bind("lead") long leadId, @Bind("note") String note,
                          @Bind("now") Instant now);

    String TOTALS = """
            COUNT(*) AS total, SUM(r.status = 'pending') AS pending, SUM(r.status = 'approved') AS approved,
            SUM(r.status = 'fulfilled') AS fulfilled, SUM(r.status = 'cancelled') AS cancelled,
            COALESCE(SUM(CASE WHEN r.status <> 'cancelled' AND r.reward_type IN ('credit', 'cash', 'donation')
                THEN r.amount END), 0) AS amount
            """;

    @SqlQuery("SELECT MIN(r.recipient_name) AS label, r.currency, " + TOTALS + """
            FROM referral_rewards r WHERE r.workspace_id = :ws AND r.beneficiary = 'referrer'
            GROUP BY r.client_id, r.currency ORDER BY label, r.currency""")
    List<Total> totalsByAmbassador(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT MIN(p.name) AS label, r.currency, " + TOTALS + """
            FROM referral_rewards r JOIN referral_programs p ON p.id = r.program_id AND p.workspace_id = r.workspace_id
            WHERE r.workspace_id = :ws
            GROUP BY r.program_id, r.currency ORDER BY label, r.currency""")
    List<Total> totalsByProgram(@Bind("ws") long workspaceId);
}
