-- Free-form tags chosen by the freelancer (e.g. "design", "retainer"), used to filter the queue, wall and widget.
CREATE TABLE testimonial_tags (
    testimonial_id  BIGINT      NOT NULL,
    workspace_id    BIGINT      NOT NULL,
    tag             VARCHAR(40) NOT NULL,
    PRIMARY KEY (testimonial_id, tag),
    CONSTRAINT fk_ttag_testimonial FOREIGN KEY (testimonial_id) REFERENCES testimonials (id) ON DELETE CASCADE,
    CONSTRAINT fk_ttag_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE,
    INDEX ix_ttag_workspace_tag (workspace_id, tag)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
