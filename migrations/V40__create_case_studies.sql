-- Case studies: the working copy's identity (slug, status, client) lives in case_studies; every save writes an
-- immutable snapshot into case_study_versions (the content as JSON, Markdown source and sanitized HTML), so any
-- version can be restored exactly and the public page shows precisely the version that was published.
CREATE TABLE case_studies (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id          BIGINT       NOT NULL,
    slug                  VARCHAR(80)  NOT NULL,
    title                 VARCHAR(160) NOT NULL,
    client_id             BIGINT       NULL,
    status                VARCHAR(12)  NOT NULL DEFAULT 'DRAFT',
    current_version_id    BIGINT       NULL,
    published_version_id  BIGINT       NULL,
    published_at          DATETIME(6)  NULL,
    created_at            DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at            DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_case_study_slug UNIQUE (workspace_id, slug),
    CONSTRAINT fk_case_study_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_study_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE SET NULL,
    INDEX ix_case_studies_public (workspace_id, status, published_at),
    INDEX ix_case_studies_updated (workspace_id, updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- content_hash identifies the publishable content: an approval counts for every version with the same hash.
CREATE TABLE case_study_versions (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id    BIGINT      NOT NULL,
    case_study_id   BIGINT      NOT NULL,
    number          INT         NOT NULL,
    content         MEDIUMTEXT  NOT NULL,
    content_hash    CHAR(64)    NOT NULL,
    note            VARCHAR(40) NOT NULL DEFAULT 'saved',
    created_at      DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_case_study_version UNIQUE (case_study_id, number),
    CONSTRAINT fk_cs_version_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_cs_version_case_study FOREIGN KEY (case_study_id) REFERENCES case_studies (id) ON DELETE CASCADE,
    INDEX ix_cs_versions_list (workspace_id, case_study_id, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE case_studies
    ADD CONSTRAINT fk_case_study_current FOREIGN KEY (current_version_id) REFERENCES case_study_versions (id) ON DELETE SET NULL,
    ADD CONSTRAINT fk_case_study_published FOREIGN KEY (published_version_id) REFERENCES case_study_versions (id) ON DELETE SET NULL;

-- Approval requests sent to the linked client. Only the SHA-256 of the link's token is stored.
CREATE TABLE case_study_approvals (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id    BIGINT        NOT NULL,
    case_study_id   BIGINT        NOT NULL,
    version_id      BIGINT        NOT NULL,
    client_id       BIGINT        NULL,
    sent_to         VARCHAR(254)  NOT NULL,
    token_hash      CHAR(64)      NOT NULL,
    status          VARCHAR(20)   NOT NULL DEFAULT 'PENDING',
    comment         TEXT          NULL,
    requested_at    DATETIME(6)   NOT NULL,
    expires_at      DATETIME(6)   NOT NULL,
    answered_at     DATETIME(6)   NULL,
    CONSTRAINT uq_cs_approval_token UNIQUE (token_hash),
    CONSTRAINT fk_cs_approval_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_cs_approval_case_study FOREIGN KEY (case_study_id) REFERENCES case_studies (id) ON DELETE CASCADE,
    CONSTRAINT fk_cs_approval_version FOREIGN KEY (version_id) REFERENCES case_study_versions (id) ON DELETE CASCADE,
    CONSTRAINT fk_cs_approval_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE SET NULL,
    INDEX ix_cs_approvals_history (workspace_id, case_study_id, requested_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
