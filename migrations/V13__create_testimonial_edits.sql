-- Every change the freelancer makes to a client's words: who, when, which field, before and after.
CREATE TABLE testimonial_edits (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id    BIGINT       NOT NULL,
    testimonial_id  BIGINT       NOT NULL,
    account_id      BIGINT       NULL,
    editor          VARCHAR(100) NOT NULL,
    field           VARCHAR(20)  NOT NULL,
    before_text     TEXT         NOT NULL,
    after_text      TEXT         NOT NULL,
    created_at      DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_tedit_testimonial FOREIGN KEY (testimonial_id) REFERENCES testimonials (id) ON DELETE CASCADE,
    CONSTRAINT fk_tedit_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_tedit_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL,
    INDEX ix_tedit_testimonial (workspace_id, testimonial_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A shared secret for signing the public form's start time, so every portal process checks the same signature.
CREATE TABLE testimonial_secrets (
    name    VARCHAR(40) NOT NULL PRIMARY KEY,
    secret  CHAR(64)    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
