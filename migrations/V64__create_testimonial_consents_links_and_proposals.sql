-- Consent on record, the author in control, engagement-verified (issue 13).
--
-- testimonials keeps the *current* consents as columns (the public queries filter on them through their indexes);
-- testimonial_consents is the ledger behind them: every consent given or revoked, with the wording version the
-- person saw, when, and through which channel. Both are written in one transaction (testimonial/ConsentLedger).
-- name_display: how the name may be shown (full, initial = first name and initial of the last, anonymous).
-- project_id / milestone_id: the engagement a check-in's testimonial was given for; verified_at: when the client
-- proved it was theirs (through their check-in link, or by confirming a hand-typed or imported one).
-- withdrawn_at: the author took it back through their private link (it stays for the freelancer's records, unpublished).
ALTER TABLE testimonials
    ADD COLUMN name_display       VARCHAR(12)  NOT NULL DEFAULT 'full',
    ADD COLUMN consent_case_study BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN consent_reference  BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN project_id         BIGINT       NULL,
    ADD COLUMN milestone_id       BIGINT       NULL,
    ADD COLUMN verified_at        DATETIME(6)  NULL,
    ADD COLUMN withdrawn_at       DATETIME(6)  NULL,
    ADD CONSTRAINT fk_testimonial_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE SET NULL,
    ADD CONSTRAINT fk_testimonial_milestone FOREIGN KEY (milestone_id) REFERENCES milestones (id) ON DELETE SET NULL;

UPDATE testimonials SET verified_at = created_at, updated_at = updated_at WHERE verified = TRUE;

-- The ledger. kind: publish, name, photo, company, case_study, reference. granted: given (1) or revoked (0);
-- choice: the option chosen where there are several (name: full, initial, anonymous). channel: form (the public
-- form), link (a personal link: check-in, private author link, confirmation), import, manual (typed in by the
-- freelancer on the author's word). given_by: the name the person gave at that moment; ip: where a public channel
-- was used from. Both are personal data, scrubbed when the client is erased.
CREATE TABLE testimonial_consents (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id     BIGINT        NOT NULL,
    testimonial_id   BIGINT        NOT NULL,
    kind             VARCHAR(12)   NOT NULL,
    granted          BOOLEAN       NOT NULL,
    choice           VARCHAR(12)   NULL,
    wording_version  VARCHAR(20)   NOT NULL,
    channel          VARCHAR(12)   NOT NULL,
    given_by         VARCHAR(100)  NOT NULL DEFAULT '',
    ip               VARCHAR(64)   NULL,
    account_id       BIGINT        NULL,
    created_at       DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_tconsent_testimonial FOREIGN KEY (testimonial_id) REFERENCES testimonials (id) ON DELETE CASCADE,
    CONSTRAINT fk_tconsent_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_tconsent_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL,
    INDEX ix_tconsent_testimonial (workspace_id, testimonial_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What consent existing rows had is all we know of them: one ledger row per current consent, channel 'legacy'.
INSERT INTO testimonial_consents (workspace_id, testimonial_id, kind, granted, choice, wording_version, channel, created_at)
SELECT workspace_id, id, 'publish', consent_publish, NULL, 'v1', 'legacy', created_at FROM testimonials;
INSERT INTO testimonial_consents (workspace_id, testimonial_id, kind, granted, choice, wording_version, channel, created_at)
SELECT workspace_id, id, 'photo', consent_show_photo, NULL, 'v1', 'legacy', created_at FROM testimonials;
INSERT INTO testimonial_consents (workspace_id, testimonial_id, kind, granted, choice, wording_version, channel, created_at)
SELECT workspace_id, id, 'company', consent_show_company, NULL, 'v1', 'legacy', created_at FROM testimonials;

-- More private links besides testimonials.edit_token_hash (the one of the thanks email): purpose 'author' (a new
-- link for the author, e.g. in the "now published" email, the older one keeps working) and 'confirm' (asks the
-- linked client to confirm a hand-typed or imported testimonial is theirs).
CREATE TABLE testimonial_links (
    token_hash       CHAR(64)      NOT NULL PRIMARY KEY,
    workspace_id     BIGINT        NOT NULL,
    testimonial_id   BIGINT        NOT NULL,
    purpose          VARCHAR(12)   NOT NULL,
    client_id        BIGINT        NULL,
    created_at       DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    used_at          DATETIME(6)   NULL,
    CONSTRAINT fk_tlink_testimonial FOREIGN KEY (testimonial_id) REFERENCES testimonials (id) ON DELETE CASCADE,
    CONSTRAINT fk_tlink_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_tlink_client FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE,
    INDEX ix_tlink_testimonial (workspace_id, testimonial_id, purpose)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A new text proposed by one side and waiting for the other: by 'freelancer' (an edit of the published words, the
-- author approves through their link) or by 'author' (new words through their link, the freelancer approves).
-- status: pending, approved, declined, superseded (a newer proposal replaced it). Until approved, the published
-- text stays as it is.
CREATE TABLE testimonial_proposals (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    workspace_id     BIGINT        NOT NULL,
    testimonial_id   BIGINT        NOT NULL,
    proposed_by      VARCHAR(12)   NOT NULL,
    account_id       BIGINT        NULL,
    body             TEXT          NOT NULL,
    status           VARCHAR(12)   NOT NULL DEFAULT 'pending',
    created_at       DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    decided_at       DATETIME(6)   NULL,
    CONSTRAINT fk_tprop_testimonial FOREIGN KEY (testimonial_id) REFERENCES testimonials (id) ON DELETE CASCADE,
    CONSTRAINT fk_tprop_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_tprop_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL,
    INDEX ix_tprop_testimonial (workspace_id, testimonial_id, status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
