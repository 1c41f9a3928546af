-- One enum <-> column convention (issue 12): every status, kind and type is stored as its Java enum name in lower
-- case (db/LowerCaseEnums), as testimonials, asks, projects and the outbox always were. Referrals (V30, V59) and case
-- studies (V40) stored upper-case names; their rows and column defaults are lower-cased here. Every such column is a
-- VARCHAR (no MariaDB ENUM type), so no value list needs widening. The columns compare under utf8mb4_unicode_ci, so a
-- query still running with an upper-case literal during a rolling start matches either way.
-- updated_at = updated_at keeps ON UPDATE CURRENT_TIMESTAMP from dating every row to this migration.

UPDATE case_studies SET status = LOWER(status), updated_at = updated_at WHERE BINARY status <> LOWER(status);
ALTER TABLE case_studies ALTER COLUMN status SET DEFAULT 'draft';

UPDATE case_study_approvals SET status = LOWER(status) WHERE BINARY status <> LOWER(status);
ALTER TABLE case_study_approvals ALTER COLUMN status SET DEFAULT 'pending';

UPDATE referral_programs
   SET referrer_reward_type = LOWER(referrer_reward_type), friend_reward_type = LOWER(friend_reward_type),
       reward_trigger = LOWER(reward_trigger), status = LOWER(status), reward_choices = LOWER(reward_choices),
       updated_at = updated_at
 WHERE BINARY CONCAT_WS('|', referrer_reward_type, friend_reward_type, reward_trigger, status, reward_choices)
       <> LOWER(CONCAT_WS('|', referrer_reward_type, friend_reward_type, reward_trigger, status, reward_choices));
ALTER TABLE referral_programs
    ALTER COLUMN friend_reward_type SET DEFAULT 'none',
    ALTER COLUMN reward_trigger SET DEFAULT 'won',
    ALTER COLUMN status SET DEFAULT 'active';

UPDATE referral_leads
   SET source = LOWER(source), status = LOWER(status), review = LOWER(review), fraud_reasons = LOWER(fraud_reasons),
       updated_at = updated_at
 WHERE BINARY CONCAT_WS('|', source, status, review, fraud_reasons)
       <> LOWER(CONCAT_WS('|', source, status, review, fraud_reasons));
ALTER TABLE referral_leads
    ALTER COLUMN status SET DEFAULT 'new',
    ALTER COLUMN review SET DEFAULT 'none';

UPDATE referral_lead_events SET kind = LOWER(kind), status = LOWER(status)
 WHERE BINARY CONCAT_WS('|', kind, status) <> LOWER(CONCAT_WS('|', kind, status));

UPDATE referral_rewards
   SET beneficiary = LOWER(beneficiary), reward_type = LOWER(reward_type), status = LOWER(status),
       choices = LOWER(choices)
 WHERE BINARY CONCAT_WS('|', beneficiary, reward_type, status, choices)
       <> LOWER(CONCAT_WS('|', beneficiary, reward_type, status, choices));
ALTER TABLE referral_rewards ALTER COLUMN status SET DEFAULT 'pending';
