-- The freelancer's own questions for the collection form, and a counter bumped whenever anything that public
-- pages show changes (approve, edit, remove, feature...). Public pages are cached by (wall_version, updated_at):
-- bumping the counter also bumps updated_at, and settings changes bump updated_at on their own.
ALTER TABLE workspaces
    ADD COLUMN testimonial_prompt TEXT NULL,
    ADD COLUMN wall_version BIGINT NOT NULL DEFAULT 0;
