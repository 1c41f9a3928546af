package io.goodword.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Referred leads, their history and the leaderboard; every query is scoped to one workspace. */
@RegisterConstructorMapper(Lead.class)
@RegisterConstructorMapper(LeadEvent.class)
@RegisterConstructorMapper(LeadDao.LeaderRow.class)
@RegisterConstructorMapper(LeadDao.StatusCount.class)
@RegisterConstructorMapper(ClientRef.class)
public interface LeadDao {
    String SELECT = """
            SELECT l.id, l.workspace_id, l.program_id, l.link_id, l.referrer_client_id, l.source, l.name, l.email,
                   l.phone, l.message, l.consent, l.status, l.deal_value, l.lost_reason, l.review, l.fraud_reasons,
                   l.submitted_ip, l.contacted_at, l.qualified_at, l.won_at, l.lost_at, l.created_at, l.updated_at,
                   c.name AS referrer_name, c.email AS referrer_email, p.name AS program_name,
                   l.deal_currency, l.referrer_answer, l.suggested_client_id, l.invoice_paid_at, s.name AS suggested_name
            FROM referral_leads l
            LEFT JOIN clients c ON c.id = l.referrer_client_id AND c.workspace_id = l.workspace_id
            LEFT JOIN clients s ON s.id = l.suggested_client_id AND s.workspace_id = l.workspace_id
            LEFT JOIN referral_programs p ON p.id = l.program_id AND p.workspace_id = l.workspace_id
            """;

    record LeaderRow(long clientId, String name, String email, int referrals, int won, BigDecimal wonValue, int rewards) {}

    record StatusCount(Lead.Status status, int count) {}

    @SqlUpdate("""
            INSERT INTO referral_leads (workspace_id, program_id, link_id, referrer_client_id, source, name, email, phone,
                message, consent, review, fraud_reasons, submitted_ip, created_at)
            VALUES (:ws, :program, :link, :referrer, :source, :name, :email, :phone, :message, :consent, :review,
                :reasons, :ip, :now)""")
    @GetGeneratedKeys
    long insert(@Bind("ws") long workspaceId, @Bind("program") Long programId, @Bind("link") Long linkId,
                @Bind("referrer") Long referrerClientId, @Bind("source") Lead.Source source, @Bind("name") String name,
                @Bind("email") String email, @Bind("phone") String phone, @Bind("message") String message,
                @Bind("consent") boolean consent, @Bind("review") Lead.Review review, @Bind("reasons") String reasons,
                @Bind("ip") String ip, @Bind("now") Instant now);

    @SqlQuery(SELECT + " WHERE l.id = :id AND l.workspace_id = :ws")
    Optional<Lead> findById(@Bind("ws") long workspaceId, @Bind("id") long id);

    /** Locks the lead row for the rest of the transaction: concurrent status changes run one after the other. */
    @SqlQuery("SELECT id FROM referral_leads WHERE id = :id AND workspace_id = :ws FOR UPDATE")
    Optional<Long> lock(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery(SELECT + """
             WHERE l.workspace_id = :ws AND (:status IS NULL OR l.status = :status) AND (:held = FALSE OR l.review = 'held')
            ORDER BY l.created_at DESC, l.id DESC LIMIT 500""")
    List<Lead> list(@Bind("ws") long workspaceId, @Bind("status") Lead.Status status, @Bind("held") boolean heldOnly);

    @SqlQuery("SELECT status, COUNT(*) AS count FROM referral_leads WHERE workspace_id = :ws GROUP BY status")
    List<StatusCount> countsByStatus(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT COUNT(*) FROM referral_leads WHERE workspace_id = :ws AND review = 'held'")
    int countHeld(@Bind("ws") long workspaceId);

    // The fraud facts about a lead count the other leads: "before" and "except" leave the lead itself out, so the
    // checks give the same answer when they run again after its referrer changed.

    @SqlQuery("SELECT COUNT(*) FROM referral_leads WHERE workspace_id = :ws AND email = :email AND id <> :except")
    int countWithEmail(@Bind("ws") long workspaceId, @Bind("email") String email, @Bind("except") long exceptLeadId);

    @SqlQuery("""
            SELECT COUNT(*) FROM referral_leads WHERE workspace_id = :ws AND submitted_ip = :ip AND created_at > :since
              AND created_at <= :before AND id <> :except""")
    int countFromIp(@Bind("ws") long workspaceId, @Bind("ip") String ip, @Bind("since") Instant since,
                    @Bind("before") Instant before, @Bind("except") long exceptLeadId);

    @SqlQuery("""
            SELECT COUNT(*) FROM referral_leads WHERE workspace_id = :ws AND link_id = :link AND created_at > :since
              AND created_at <= :before AND id <> :except""")
    int countFromLink(@Bind("ws") long workspaceId, @Bind("link") long linkId, @Bind("since") Instant since,
                      @Bind("before") Instant before, @Bind("except") long exceptLeadId);

    /** Credits the lead to a referrer (or to none); a suggestion it had is settled by this. */
    @SqlUpdate("""
            UPDATE referral_leads SET program_id = :program, link_id = :link, referrer_client_id = :referrer,
                suggested_client_id = NULL
            WHERE id = :id AND workspace_id = :ws""")
    int setReferrer(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("program") Long programId,
                    @Bind("link") Long linkId, @Bind("referrer") Long referrerClientId);

    @SqlUpdate("""
            UPDATE referral_leads SET referrer_answer = :answer, suggested_client_id = :suggested
            WHERE id = :id AND workspace_id = :ws""")
    int setAnswer(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("answer") String answer,
                  @Bind("suggested") Long suggestedClientId);

    @SqlUpdate("UPDATE referral_leads SET suggested_client_id = NULL WHERE id = :id AND workspace_id = :ws")
    int dismissSuggestion(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlUpdate("UPDATE referral_leads SET review = :review, fraud_reasons = :reasons WHERE id = :id AND workspace_id = :ws")
    int setFraud(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("review") Lead.Review review,
                 @Bind("reasons") String reasons);

    @SqlUpdate("""
            UPDATE referral_leads SET invoice_paid_at = :now
            WHERE id = :id AND workspace_id = :ws AND status = 'won' AND invoice_paid_at IS NULL""")
    int markInvoicePaid(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE referral_leads SET status = :status, deal_value = :deal, lost_reason = :reason,
                deal_currency = CASE WHEN :deal IS NULL THEN ''
                    ELSE COALESCE(:currency, (SELECT w.currency FROM workspaces w WHERE w.id = :ws)) END,
                contacted_at = CASE WHEN :status = 'contacted' THEN COALESCE(contacted_at, :now) ELSE contacted_at END,
                qualified_at = CASE WHEN :status IN ('qualified', 'won') THEN COALESCE(qualified_at, :now) ELSE qualified_at END,
                won_at = CASE WHEN :status = 'won' THEN COALESCE(won_at, :now) ELSE won_at END,
                lost_at = CASE WHEN :status = 'lost' THEN COALESCE(lost_at, :now) ELSE lost_at END
            WHERE id = :id AND workspace_id = :ws""")
    int updateStatus(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("status") Lead.Status status,
                     @Bind("deal") BigDecimal dealValue, @Bind("currency") String dealCurrency,
                     @Bind("reason") String lostReason, @Bind("now") Instant now);

    /**
     * Whether an email with this dedupe key was already queued. Outbox.schedule is meant to be idempotent, but its
     * INSERT IGNORE + generated key fails on a repeat; callers hold the lead's row lock, so checking first is race-free.
     */
    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE workspace_id = :ws AND dedupe_key = :key")
    int queued(@Bind("ws") long workspaceId, @Bind("key") String dedupeKey);

    /** The client a won lead became ("Convert to client"), if any. */
    @SqlQuery("""
            SELECT c.id, c.name, c.email, c.company, c.language FROM referral_leads l
            JOIN clients c ON c.id = l.converted_client_id AND c.workspace_id = l.workspace_id
            WHERE l.id = :id AND l.workspace_id = :ws""")
    Optional<ClientRef> convertedClient(@Bind("ws") long workspaceId, @Bind("id") long leadId);

    @SqlUpdate("UPDATE referral_leads SET converted_client_id = :client WHERE id = :id AND workspace_id = :ws")
    int setConvertedClient(@Bind("ws") long workspaceId, @Bind("id") long leadId, @Bind("client") long clientId);

    @SqlUpdate("UPDATE referral_leads SET review = :review WHERE id = :id AND workspace_id = :ws")
    int setReview(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("review") Lead.Review review);

    @SqlUpdate("""
            INSERT INTO referral_lead_events (workspace_id, lead_id, kind, status, body, created_at)
            VALUES (:ws, :lead, :kind, :status, :body, :now)""")
    void addEvent(@Bind("ws") long workspaceId, @Bind("lead") long leadId, @Bind("kind") LeadEvent.Kind kind,
                  @Bind("status") Lead.Status status, @Bind("body") String body, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, lead_id, kind, status, body, created_at FROM referral_lead_events
            WHERE workspace_id = :ws AND lead_id = :lead ORDER BY created_at DESC, id DESC""")
    List<LeadEvent> events(@Bind("ws") long workspaceId, @Bind("lead") long leadId);

    /**
     * The ambassadors with the most won referrals. Leads and rewards are each counted once, by ambassador, before the
     * join: a reward count per ambassador as a correlated subquery scanned the workspace's rewards once for every
     * ambassador, over two minutes at 20,000 ambassadors and 12,000 rewards (bench/admin.sh), so the page got a 503.
     */
    @SqlQuery("""
            SELECT c.id AS client_id, c.name, c.email, t.referrals, t.won, t.won_value, COALESCE(r.rewards, 0) AS rewards
            FROM (SELECT referrer_client_id, COUNT(*) AS referrals, SUM(status = 'won') AS won,
                         COALESCE(SUM(CASE WHEN status = 'won' THEN deal_value END), 0) AS won_value
                  FROM referral_leads WHERE workspace_id = :ws AND referrer_client_id IS NOT NULL
                  GROUP BY referrer_client_id) t
            JOIN clients c ON c.id = t.referrer_client_id AND c.workspace_id = :ws
            LEFT JOIN (SELECT client_id, COUNT(*) AS rewards FROM referral_rewards
                       WHERE workspace_id = :ws AND beneficiary = 'referrer' AND status <> 'cancelled'
                       GROUP BY client_id) r ON r.client_id = c.id
            ORDER BY t.won DESC, t.won_value DESC, t.referrals DESC, c.name
            LIMIT 200""")
    List<LeaderRow> leaderboard(@Bind("ws") long workspaceId);
}
