-- The dashboard's "approved" count of a period read every testimonial approved in it to check its status (19 ms of
-- the 30-day dashboard at 100,000 testimonials, bench/dashboard.sh): with the status in the index it is index-only.
ALTER TABLE testimonials
    ADD INDEX ix_testimonials_approved_status (workspace_id, approved_at, status),
    DROP INDEX ix_testimonials_approved;
