-- One table for the installation's signing keys, replacing testimonial_secrets (V13) and referral_secrets (V30),
-- which held the same thing twice. The referral cookie key is carried over so attribution cookies already set in
-- visitors' browsers stay valid; form stamps change format anyway (security/FormGuard), so their old key is not.
CREATE TABLE app_secrets (
    name        VARCHAR(40) NOT NULL PRIMARY KEY,
    secret      CHAR(64)    NOT NULL,
    created_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO app_secrets (name, secret) SELECT 'referral-cookie', secret FROM referral_secrets WHERE name = 'forms';

DROP TABLE testimonial_secrets;
DROP TABLE referral_secrets;

-- Each rendered public form carries a random id in its signed stamp; the transaction that stores a submission
-- inserts its id here, so the same form sent twice (double click, retry after a crash) is stored once.
CREATE TABLE form_uses (
    form_id     CHAR(22)    NOT NULL PRIMARY KEY,
    used_at     DATETIME(6) NOT NULL,
    INDEX ix_form_uses_at (used_at)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;
