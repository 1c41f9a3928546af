-- The moderation queue (/admin/testimonials) shows a status tab featured first, then newest first, 50 a page. The
-- tab's index (ix_testimonials_queue) has no "featured", so MariaDB read and sorted every row of the tab for each
-- page: 0.07 s for the pending tab at 33,000 pending testimonials (bench/admin.sh), about 1 ms with this index.
ALTER TABLE testimonials ADD INDEX ix_testimonials_moderation (workspace_id, status, featured, created_at, id);
