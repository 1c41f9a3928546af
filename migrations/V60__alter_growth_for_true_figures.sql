-- The dashboard's figures must be true: money per currency, referred vs direct, cohort funnels, links counted only
-- when used, and "when to ask" learning from the delay each check-in really had.

-- The workspace's own currency: the default of every deal value and the first currency shown on the dashboard.
ALTER TABLE workspaces ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'EUR';

-- A won deal's value carries its currency (deal_currency comes with V59; '' = none given: values entered before
-- then were in the workspace's currency).
ALTER TABLE referral_leads
    ADD INDEX ix_referral_leads_won_money (workspace_id, won_at, referrer_client_id, deal_currency, deal_value),
    ADD INDEX ix_referral_leads_cohort (workspace_id, created_at, referrer_client_id, qualified_at, won_at);
UPDATE referral_leads l JOIN workspaces w ON w.id = l.workspace_id SET l.deal_currency = w.currency
 WHERE l.deal_value IS NOT NULL AND l.deal_currency = '';

-- Rewards: owed/paid sums read only money-valued rows (amount and currency present), per currency.
ALTER TABLE referral_rewards
    ADD INDEX ix_referral_rewards_owed_money (workspace_id, created_at, status, reward_type, currency, amount),
    ADD INDEX ix_referral_rewards_paid_money (workspace_id, fulfilled_at, reward_type, currency, amount);

-- A link is "shared" the first time it is used (emailed, copied, visited, or a friend introduced through it); a link
-- that was only shown on a page stays uncounted. Links that already had a visit or a lead count from their first one.
ALTER TABLE referral_links
    ADD COLUMN used_at DATETIME(6) NULL,
    ADD INDEX ix_referral_links_used (workspace_id, used_at);
UPDATE referral_links l SET l.used_at = LEAST(
        COALESCE((SELECT MIN(v.visited_at) FROM referral_visits v WHERE v.link_id = l.id), '9999-12-31'),
        COALESCE((SELECT MIN(d.created_at) FROM referral_leads d WHERE d.link_id = l.id), '9999-12-31'))
 WHERE EXISTS (SELECT 1 FROM referral_visits v WHERE v.link_id = l.id)
    OR EXISTS (SELECT 1 FROM referral_leads d WHERE d.link_id = l.id);

-- Each check-in keeps the delay it went out after (hours from the moment of satisfaction to the send; NULL for
-- check-ins sent by hand or as a personal link), and whether the client gave a testimonial through it. One covering
-- index serves the cohort funnel and "when to ask" for any period.
ALTER TABLE asks
    ADD COLUMN delay_hours INT NULL,
    ADD COLUMN gave_testimonial BOOLEAN NOT NULL DEFAULT FALSE,
    ADD INDEX ix_asks_cohort (workspace_id, sent_at, delay_hours, opened_at, answered_at, score, gave_testimonial);
-- A plain column (set when the testimonial step is completed), not a generated one: export and import copy it as is.
UPDATE asks SET gave_testimonial = TRUE WHERE FIND_IN_SET('testimonial', completed_steps) > 0;
UPDATE asks a
  LEFT JOIN milestones m ON m.id = a.milestone_id
  LEFT JOIN projects p ON p.id = a.project_id
   SET a.delay_hours = TIMESTAMPDIFF(HOUR, COALESCE(m.reached_at, p.completed_at), a.sent_at)
 WHERE a.sent_at IS NOT NULL AND a.reason IN ('project', 'milestone')
   AND COALESCE(m.reached_at, p.completed_at) IS NOT NULL AND a.sent_at >= COALESCE(m.reached_at, p.completed_at);

-- Opt-in delay band of the asking rules: each check-in's delay is drawn within [min, max] hours so the dashboard
-- can learn which delay works; both NULL = the fixed delay_hours.
ALTER TABLE ask_settings
    ADD COLUMN delay_min_hours INT NULL,
    ADD COLUMN delay_max_hours INT NULL;

-- Where a project's client came from, fixed when the project is added: 'repeat' (the client had a project before),
-- 'referred' (an ambassador introduced them: a referred lead with the client's email) or 'direct'.
ALTER TABLE projects
    ADD COLUMN origin VARCHAR(10) NOT NULL DEFAULT 'direct',
    ADD COLUMN referrer_client_id BIGINT NULL,
    ADD CONSTRAINT fk_project_referrer FOREIGN KEY (referrer_client_id) REFERENCES clients (id) ON DELETE SET NULL,
    ADD INDEX ix_projects_revenue (workspace_id, created_at, origin, currency, value_cents, client_id, referrer_client_id),
    ADD INDEX ix_projects_referrer (workspace_id, referrer_client_id, created_at);
UPDATE projects p
  JOIN clients c ON c.id = p.client_id
   SET p.referrer_client_id = (SELECT l.referrer_client_id FROM referral_leads l
                                WHERE l.workspace_id = p.workspace_id AND l.email = c.email
                                  AND l.referrer_client_id IS NOT NULL AND l.referrer_client_id <> p.client_id
                                ORDER BY l.created_at LIMIT 1)
 WHERE c.email IS NOT NULL;
UPDATE projects p SET p.origin = 'referred' WHERE p.referrer_client_id IS NOT NULL;
UPDATE projects p SET p.origin = 'repeat', p.referrer_client_id = NULL
 WHERE EXISTS (SELECT 1 FROM (SELECT id, workspace_id, client_id, created_at FROM projects) e
                WHERE e.workspace_id = p.workspace_id AND e.client_id = p.client_id
                  AND (e.created_at < p.created_at OR (e.created_at = p.created_at AND e.id < p.id)));
