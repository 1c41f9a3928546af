-- Foundation: tenants (workspaces), their freelancer accounts, sign-in protection and the mail outbox.
-- Every timestamp is UTC (the connection sets time_zone '+00:00').

CREATE TABLE workspaces (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug          VARCHAR(40)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    headline      VARCHAR(160) NOT NULL DEFAULT '',
    bio           TEXT         NOT NULL,
    website       VARCHAR(300) NOT NULL DEFAULT '',
    logo_file     VARCHAR(100) NULL,
    brand_color   CHAR(7)      NOT NULL DEFAULT '#4f46e5',
    time_zone     VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    language      VARCHAR(5)   NOT NULL DEFAULT 'en',
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_workspace_slug UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A renamed workspace keeps its old public URLs working: /p/{old} redirects to /p/{new}.
CREATE TABLE workspace_slug_history (
    old_slug      VARCHAR(40) NOT NULL PRIMARY KEY,
    workspace_id  BIGINT      NOT NULL,
    changed_at    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_slug_history_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE accounts (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id  BIGINT       NOT NULL,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_account_email UNIQUE (email),
    CONSTRAINT fk_account_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only the SHA-256 of a reset token is stored: a database leak does not hand out working links.
CREATE TABLE password_resets (
    token_hash    CHAR(64)    NOT NULL PRIMARY KEY,
    account_id    BIGINT      NOT NULL,
    expires_at    DATETIME(6) NOT NULL,
    used_at       DATETIME(6) NULL,
    created_at    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_reset_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Counters for throttling (failed logins, public form submissions), shared by every portal process.
CREATE TABLE throttle_events (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    bucket        VARCHAR(40)  NOT NULL,
    subject       VARCHAR(300) NOT NULL,
    at            DATETIME(6)  NOT NULL,
    INDEX ix_throttle_lookup (bucket, subject, at),
    INDEX ix_throttle_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every email is written here in the same transaction as the change that causes it,
-- then sent by the background worker. send_after schedules it; dedupe_key makes enqueueing idempotent.
CREATE TABLE outbox (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id    BIGINT       NULL,
    kind            VARCHAR(40)  NOT NULL,
    dedupe_key      VARCHAR(190) NULL,
    to_address      VARCHAR(254) NOT NULL,
    reply_to        VARCHAR(254) NULL,
    subject         VARCHAR(300) NOT NULL,
    text_body       MEDIUMTEXT   NOT NULL,
    html_body       MEDIUMTEXT   NOT NULL,
    unsubscribe_url VARCHAR(500) NULL,
    status          VARCHAR(12)  NOT NULL DEFAULT 'pending',
    attempts        INT          NOT NULL DEFAULT 0,
    send_after      DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    locked_until    DATETIME(6)  NULL,
    sent_at         DATETIME(6)  NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_outbox_dedupe UNIQUE (dedupe_key),
    CONSTRAINT fk_outbox_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    INDEX ix_outbox_due (status, send_after),
    INDEX ix_outbox_workspace (workspace_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- HTTP sessions (Jetty's JDBC session store), so sign-in survives restarts and is shared by every process.
CREATE TABLE http_sessions (
    session_id        VARCHAR(120) NOT NULL,
    context_path      VARCHAR(60)  NOT NULL,
    virtual_host      VARCHAR(60)  NOT NULL,
    last_node         VARCHAR(60)  NULL,
    access_time       BIGINT       NULL,
    last_access_time  BIGINT       NULL,
    create_time       BIGINT       NULL,
    cookie_time       BIGINT       NULL,
    last_saved_time   BIGINT       NULL,
    expiry_time       BIGINT       NULL,
    max_interval      BIGINT       NULL,
    session_data      MEDIUMBLOB   NULL,
    PRIMARY KEY (session_id, context_path, virtual_host),
    INDEX ix_http_sessions_expiry (expiry_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
