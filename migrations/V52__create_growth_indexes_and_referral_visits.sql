-- The dashboard counts events by workspace and date range; each figure reads one of these indexes (most of them
-- covering), so it stays fast with 100,000 clients and a million events.
ALTER TABLE asks
    ADD INDEX ix_asks_sent_funnel (workspace_id, sent_at, opened_at, answered_at),
    ADD INDEX ix_asks_answered_score (workspace_id, answered_at, score);
ALTER TABLE testimonials
    ADD INDEX ix_testimonials_received (workspace_id, created_at, rating),
    ADD INDEX ix_testimonials_approved (workspace_id, approved_at);
ALTER TABLE referral_links
    ADD INDEX ix_referral_links_created (workspace_id, created_at);
ALTER TABLE referral_leads
    ADD INDEX ix_referral_leads_created (workspace_id, created_at, referrer_client_id, status),
    ADD INDEX ix_referral_leads_qualified (workspace_id, qualified_at),
    ADD INDEX ix_referral_leads_won (workspace_id, won_at, deal_value);
ALTER TABLE referral_rewards
    ADD INDEX ix_referral_rewards_created (workspace_id, created_at, status, amount),
    ADD INDEX ix_referral_rewards_fulfilled (workspace_id, fulfilled_at, amount);

-- A friend opening an ambassador's link (/r/{code}). No IP, no cookie, no user agent: only that it happened, when.
CREATE TABLE referral_visits (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id  BIGINT      NOT NULL,
    link_id       BIGINT      NOT NULL,
    visited_at    DATETIME(6) NOT NULL,
    CONSTRAINT fk_referral_visit_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_referral_visit_link FOREIGN KEY (link_id) REFERENCES referral_links (id) ON DELETE CASCADE,
    INDEX ix_referral_visits (workspace_id, visited_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
