-- Outgoing webhooks: a workspace's endpoints (a URL, the events it wants, the secret that signs each body) and the
-- outbox of their deliveries, claimed by the background worker with FOR UPDATE SKIP LOCKED under a lease, as the
-- mail outbox is. A delivery keeps the body it will sign (so every retry sends the same bytes), the ids of the
-- client, testimonial or lead it is about (so a client's erasure scrubs it, and a deleted testimonial or lead takes
-- its deliveries along), and never the receiver's answer, only its status code and a short error.
CREATE TABLE webhook_endpoints (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id      BIGINT        NOT NULL,
    url               VARCHAR(1000) NOT NULL,
    events            VARCHAR(300)  NOT NULL,
    signing_secret    VARCHAR(100)  NOT NULL,
    paused            BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at        DATETIME(6)   NOT NULL,
    secret_rotated_at DATETIME(6)   NULL,
    CONSTRAINT fk_webhook_endpoints_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    INDEX ix_webhook_endpoints_workspace (workspace_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE webhook_deliveries (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id    BIGINT       NOT NULL,
    endpoint_id     BIGINT       NOT NULL,
    event_id        CHAR(36)     NOT NULL,
    event_type      VARCHAR(40)  NOT NULL,
    client_id       BIGINT       NULL,
    testimonial_id  BIGINT       NULL,
    lead_id         BIGINT       NULL,
    payload         MEDIUMTEXT   NOT NULL,
    status          VARCHAR(12)  NOT NULL DEFAULT 'pending',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    locked_until    DATETIME(6)  NULL,
    claimed_by      VARCHAR(60)  NULL,
    last_status     INT          NULL,
    last_error      VARCHAR(300) NULL,
    delivered_at    DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_webhook_deliveries_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_webhook_deliveries_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    CONSTRAINT fk_webhook_deliveries_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE SET NULL,
    CONSTRAINT fk_webhook_deliveries_testimonial FOREIGN KEY (testimonial_id) REFERENCES testimonials (id) ON DELETE CASCADE,
    CONSTRAINT fk_webhook_deliveries_lead FOREIGN KEY (lead_id) REFERENCES referral_leads (id) ON DELETE CASCADE,
    INDEX ix_webhook_deliveries_due (status, next_attempt_at),
    INDEX ix_webhook_deliveries_endpoint (workspace_id, endpoint_id, created_at),
    INDEX ix_webhook_deliveries_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
