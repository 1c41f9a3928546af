-- Proof from other places. source stays the channel (form, link, manual, import); these say where an imported review
-- was first published: origin_platform (google, linkedin, clutch, upwork, trustpilot, senja, testimonial_to, email,
-- other), source_url (the review on that platform), original_date (when it was written there; the public date), and
-- avatar_url, the author's picture on that platform, kept as a link only: never fetched by the server (SSRF), never
-- shown on public pages (a hotlinked image would tell a third party who visits the wall).
ALTER TABLE testimonials
    ADD COLUMN origin_platform VARCHAR(20)  NULL,
    ADD COLUMN source_url      VARCHAR(500) NULL,
    ADD COLUMN original_date   DATE         NULL,
    ADD COLUMN avatar_url      VARCHAR(500) NULL;
