-- Who did what, when, in a workspace (admin actions). actor keeps the account's email as it was, so the entry still
-- says who even after that account is gone; detail never holds a client's personal data (ids only).
CREATE TABLE audit_log (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id  BIGINT        NOT NULL,
    account_id    BIGINT        NULL,
    actor         VARCHAR(254)  NOT NULL,
    action        VARCHAR(120)  NOT NULL,
    detail        VARCHAR(1000) NOT NULL DEFAULT '',
    created_at    DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_audit_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_audit_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL,
    INDEX ix_audit_workspace (workspace_id, created_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
