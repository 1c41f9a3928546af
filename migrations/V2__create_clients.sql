-- Clients of a freelancer: the people asked for check-ins, testimonials and referrals (no accounts of their own).
CREATE TABLE clients (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id     BIGINT       NOT NULL,
    name             VARCHAR(200) NOT NULL,
    email            VARCHAR(254) NULL,
    company          VARCHAR(200) NOT NULL DEFAULT '',
    phone            VARCHAR(50)  NOT NULL DEFAULT '',
    tags             VARCHAR(500) NOT NULL DEFAULT '',
    notes            TEXT         NULL,
    language         VARCHAR(5)   NOT NULL DEFAULT 'en',
    unsubscribed_at  DATETIME(6)  NULL,
    created_at       DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at       DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_client_email UNIQUE (workspace_id, email),
    CONSTRAINT fk_client_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    INDEX ix_clients_name (workspace_id, name),
    INDEX ix_clients_created (workspace_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
