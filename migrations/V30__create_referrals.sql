-- Referral programs: programs, ambassadors' links, referred leads with their history, the rewards ledger.
-- Statuses are stored as the Java enum names (upper case). Every row carries workspace_id.

-- Per-workspace referral settings (one row, created on first save; absent = defaults).
CREATE TABLE referral_settings (
    workspace_id       BIGINT      NOT NULL PRIMARY KEY,
    attribution_days   INT         NOT NULL DEFAULT 90,
    notify_referrer    BOOLEAN     NOT NULL DEFAULT TRUE,
    notify_freelancer  BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at         DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_referral_settings_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Installation-wide secrets for signing form timestamps and attribution cookies (shared by every process).
CREATE TABLE referral_secrets (
    name        VARCHAR(40) NOT NULL PRIMARY KEY,
    secret      CHAR(64)    NOT NULL,
    created_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE referral_programs (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id              BIGINT        NOT NULL,
    name                      VARCHAR(100)  NOT NULL,
    description               TEXT          NOT NULL,
    terms                     TEXT          NOT NULL,
    referrer_reward_type      VARCHAR(12)   NOT NULL,
    referrer_reward_amount    DECIMAL(12,2) NULL,
    referrer_reward_currency  CHAR(3)       NOT NULL DEFAULT '',
    referrer_reward_text      VARCHAR(200)  NOT NULL DEFAULT '',
    friend_reward_type        VARCHAR(12)   NOT NULL DEFAULT 'NONE',
    friend_reward_amount      DECIMAL(12,2) NULL,
    friend_reward_currency    CHAR(3)       NOT NULL DEFAULT '',
    friend_reward_text        VARCHAR(200)  NOT NULL DEFAULT '',
    reward_trigger            VARCHAR(12)   NOT NULL DEFAULT 'WON',
    min_deal_value            DECIMAL(12,2) NULL,
    cap_per_referrer          INT           NULL,
    starts_on                 DATE          NULL,
    ends_on                   DATE          NULL,
    status                    VARCHAR(12)   NOT NULL DEFAULT 'ACTIVE',
    created_at                DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at                DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_referral_program_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    INDEX ix_referral_programs_ws (workspace_id, status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An ambassador's personal link: one per client and program; the code is unique across the installation.
CREATE TABLE referral_links (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id  BIGINT      NOT NULL,
    program_id    BIGINT      NOT NULL,
    client_id     BIGINT      NOT NULL,
    code          VARCHAR(16) NOT NULL,
    created_at    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_referral_link_code UNIQUE (code),
    CONSTRAINT uq_referral_link_client UNIQUE (program_id, client_id),
    CONSTRAINT fk_referral_link_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_referral_link_program FOREIGN KEY (program_id) REFERENCES referral_programs (id) ON DELETE CASCADE,
    CONSTRAINT fk_referral_link_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
    INDEX ix_referral_links_ws_client (workspace_id, client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Referred (or directly arriving) leads. review: NONE, HELD (a fraud rule fired), CLEARED, REJECTED.
CREATE TABLE referral_leads (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id        BIGINT        NOT NULL,
    program_id          BIGINT        NULL,
    link_id             BIGINT        NULL,
    referrer_client_id  BIGINT        NULL,
    source              VARCHAR(12)   NOT NULL,
    name                VARCHAR(100)  NOT NULL,
    email               VARCHAR(254)  NOT NULL,
    phone               VARCHAR(50)   NOT NULL DEFAULT '',
    message             TEXT          NOT NULL,
    consent             BOOLEAN       NOT NULL,
    status              VARCHAR(12)   NOT NULL DEFAULT 'NEW',
    deal_value          DECIMAL(12,2) NULL,
    lost_reason         VARCHAR(300)  NOT NULL DEFAULT '',
    review              VARCHAR(12)   NOT NULL DEFAULT 'NONE',
    fraud_reasons       VARCHAR(300)  NOT NULL DEFAULT '',
    submitted_ip        VARCHAR(64)   NULL,
    contacted_at        DATETIME(6)   NULL,
    qualified_at        DATETIME(6)   NULL,
    won_at              DATETIME(6)   NULL,
    lost_at             DATETIME(6)   NULL,
    created_at          DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at          DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_referral_lead_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_referral_lead_program FOREIGN KEY (program_id) REFERENCES referral_programs (id) ON DELETE SET NULL,
    CONSTRAINT fk_referral_lead_link FOREIGN KEY (link_id) REFERENCES referral_links (id) ON DELETE SET NULL,
    CONSTRAINT fk_referral_lead_client FOREIGN KEY (referrer_client_id) REFERENCES clients (id) ON DELETE SET NULL,
    INDEX ix_referral_leads_pipeline (workspace_id, status, created_at),
    INDEX ix_referral_leads_email (workspace_id, email),
    INDEX ix_referral_leads_ip (workspace_id, submitted_ip, created_at),
    INDEX ix_referral_leads_link (link_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The lead's history: status changes and notes, with their dates.
CREATE TABLE referral_lead_events (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id  BIGINT        NOT NULL,
    lead_id       BIGINT        NOT NULL,
    kind          VARCHAR(12)   NOT NULL,
    status        VARCHAR(12)   NULL,
    body          TEXT          NOT NULL,
    created_at    DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_referral_event_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_referral_event_lead FOREIGN KEY (lead_id) REFERENCES referral_leads (id) ON DELETE CASCADE,
    INDEX ix_referral_events_lead (lead_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The rewards ledger. uq_referral_reward makes "a reward per lead and beneficiary" hold even under concurrent requests.
CREATE TABLE referral_rewards (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id      BIGINT        NOT NULL,
    program_id        BIGINT        NOT NULL,
    lead_id           BIGINT        NOT NULL,
    beneficiary       VARCHAR(12)   NOT NULL,
    client_id         BIGINT        NULL,
    recipient_name    VARCHAR(200)  NOT NULL,
    recipient_email   VARCHAR(254)  NOT NULL DEFAULT '',
    reward_type       VARCHAR(12)   NOT NULL,
    amount            DECIMAL(12,2) NULL,
    currency          CHAR(3)       NOT NULL DEFAULT '',
    description       VARCHAR(200)  NOT NULL DEFAULT '',
    status            VARCHAR(12)   NOT NULL DEFAULT 'PENDING',
    held              BOOLEAN       NOT NULL DEFAULT FALSE,
    note              VARCHAR(500)  NOT NULL DEFAULT '',
    created_at        DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    approved_at       DATETIME(6)   NULL,
    fulfilled_at      DATETIME(6)   NULL,
    cancelled_at      DATETIME(6)   NULL,
    CONSTRAINT uq_referral_reward UNIQUE (lead_id, beneficiary),
    CONSTRAINT fk_referral_reward_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_referral_reward_program FOREIGN KEY (program_id) REFERENCES referral_programs (id) ON DELETE CASCADE,
    CONSTRAINT fk_referral_reward_lead FOREIGN KEY (lead_id) REFERENCES referral_leads (id) ON DELETE CASCADE,
    CONSTRAINT fk_referral_reward_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE SET NULL,
    INDEX ix_referral_rewards_ledger (workspace_id, status, created_at),
    INDEX ix_referral_rewards_cap (program_id, client_id, beneficiary, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
