-- original_body keeps the client's own words however the freelancer edits body;
-- body_hash (normalised text) finds duplicates; edit_token_hash is the SHA-256 of the submitter's private edit link.
ALTER TABLE testimonials
    ADD COLUMN original_body   TEXT     NULL,
    ADD COLUMN body_hash       CHAR(64) NULL,
    ADD COLUMN edit_token_hash CHAR(64) NULL,
    ADD CONSTRAINT uq_testimonial_edit_token UNIQUE (edit_token_hash),
    ADD INDEX ix_testimonials_dupe (workspace_id, body_hash);
