-- Projects and milestones mark the moments of satisfaction; asks are the check-ins sent at those moments.
-- Every row carries workspace_id; every timestamp is UTC.

CREATE TABLE projects (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id  BIGINT        NOT NULL,
    client_id     BIGINT        NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    value_cents   BIGINT        NULL,
    currency      CHAR(3)       NOT NULL DEFAULT 'EUR',
    start_date    DATE          NULL,
    end_date      DATE          NULL,
    status        VARCHAR(12)   NOT NULL DEFAULT 'active',
    completed_at  DATETIME(6)   NULL,
    created_at    DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_project_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
    INDEX ix_projects_client (workspace_id, client_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE milestones (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id  BIGINT        NOT NULL,
    project_id    BIGINT        NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    due_date      DATE          NULL,
    reached_on    DATE          NULL,
    reached_at    DATETIME(6)   NULL,
    created_at    DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_milestone_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_milestone_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    INDEX ix_milestones_project (workspace_id, project_id, due_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The rules of asking, one row per workspace (absent = the defaults in AskSettings.defaults()).
CREATE TABLE ask_settings (
    workspace_id     BIGINT       NOT NULL PRIMARY KEY,
    delay_hours      INT          NOT NULL DEFAULT 24,
    working_days     VARCHAR(20)  NOT NULL DEFAULT '1,2,3,4,5',
    work_start_hour  TINYINT      NOT NULL DEFAULT 9,
    work_end_hour    TINYINT      NOT NULL DEFAULT 17,
    cooldown_days    INT          NOT NULL DEFAULT 90,
    reminder1_days   INT          NOT NULL DEFAULT 3,
    reminder2_days   INT          NOT NULL DEFAULT 7,
    max_reminders    TINYINT      NOT NULL DEFAULT 2,
    link_days        INT          NOT NULL DEFAULT 30,
    CONSTRAINT fk_ask_settings_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Email wording edited by the freelancer (absent = the translated defaults).
CREATE TABLE ask_templates (
    workspace_id  BIGINT        NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    subject       VARCHAR(300)  NOT NULL,
    body          TEXT          NOT NULL,
    updated_at    DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (workspace_id, kind),
    CONSTRAINT fk_ask_template_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One check-in of one client. open_slot is 1 while the ask is scheduled or sent and NULL afterwards, so the unique
-- key enforces "never more than one open ask per client" in the database, whichever process schedules.
CREATE TABLE asks (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id      BIGINT        NOT NULL,
    client_id         BIGINT        NOT NULL,
    project_id        BIGINT        NULL,
    milestone_id      BIGINT        NULL,
    reason            VARCHAR(12)   NOT NULL,
    status            VARCHAR(12)   NOT NULL DEFAULT 'scheduled',
    open_slot         TINYINT       NULL DEFAULT 1,
    step              VARCHAR(12)   NOT NULL DEFAULT 'score',
    score             TINYINT       NULL,
    comment           TEXT          NULL,
    feedback          TEXT          NULL,
    completed_steps   VARCHAR(200)  NOT NULL DEFAULT '',
    skipped_steps     VARCHAR(200)  NOT NULL DEFAULT '',
    scheduled_for     DATETIME(6)   NOT NULL,
    sent_at           DATETIME(6)   NULL,
    opened_at         DATETIME(6)   NULL,
    answered_at       DATETIME(6)   NULL,
    finished_at       DATETIME(6)   NULL,
    expires_at        DATETIME(6)   NULL,
    reminders_sent    TINYINT       NOT NULL DEFAULT 0,
    next_reminder_at  DATETIME(6)   NULL,
    created_at        DATETIME(6)   NOT NULL,
    CONSTRAINT uq_ask_open UNIQUE (workspace_id, client_id, open_slot),
    CONSTRAINT fk_ask_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_ask_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
    CONSTRAINT fk_ask_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE SET NULL,
    CONSTRAINT fk_ask_milestone FOREIGN KEY (milestone_id) REFERENCES milestones (id) ON DELETE SET NULL,
    INDEX ix_asks_due (status, scheduled_for),
    INDEX ix_asks_reminders (status, next_reminder_at),
    INDEX ix_asks_expiry (status, expires_at),
    INDEX ix_asks_workspace (workspace_id, status, scheduled_for),
    INDEX ix_asks_client (workspace_id, client_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Personal links of an ask; only the SHA-256 of the token is stored. Several per ask (email, reminder, copied link).
CREATE TABLE ask_links (
    token_hash    CHAR(64)     NOT NULL PRIMARY KEY,
    workspace_id  BIGINT       NOT NULL,
    ask_id        BIGINT       NOT NULL,
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_ask_link_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_ask_link_ask FOREIGN KEY (ask_id) REFERENCES asks (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Follow-ups for the freelancer on a client page (e.g. private feedback of an unhappy client).
CREATE TABLE client_tasks (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id  BIGINT        NOT NULL,
    client_id     BIGINT        NOT NULL,
    ask_id        BIGINT        NULL,
    score         TINYINT       NULL,
    body          TEXT          NOT NULL,
    done_at       DATETIME(6)   NULL,
    created_at    DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_client_task_ask UNIQUE (ask_id),
    CONSTRAINT fk_client_task_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_client_task_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
    CONSTRAINT fk_client_task_ask FOREIGN KEY (ask_id) REFERENCES asks (id) ON DELETE SET NULL,
    INDEX ix_client_tasks (workspace_id, client_id, done_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
