-- Daily counters of check-ins (issue 13: the dashboard in under 100 ms at 100,000 clients and a million events).
-- The ask figures, the NPS trend and "when to ask" used to scan every check-in of the period (two years for "when to
-- ask"); they now add up a few hundred of these rows. The counters change in the same transaction as the check-in
-- they count (ask/AskTallies), so they are never stale, and a test recounts them from asks after every kind of change.
--
-- Days are the workspace's own, in the time zone named in ask_tallies.zone: the zone the counters were built for.
-- A workspace without a row here, with zone '', or with another zone than its own (the freelancer moved) is recounted
-- from asks on its next dashboard view. Existing installations therefore need no backfill here.
CREATE TABLE ask_tallies (
    workspace_id BIGINT      NOT NULL PRIMARY KEY,
    zone         VARCHAR(64) NOT NULL,
    CONSTRAINT fk_ask_tallies_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The cohort of check-ins sent on a day, by the delay they went out after (-1: none stored, e.g. a hand-sent link;
-- 0-5: the buckets of "when to ask", see AskTallies.BUCKET), and what became of them so far.
CREATE TABLE ask_sent_days (
    workspace_id BIGINT  NOT NULL,
    day          DATE    NOT NULL,
    delay_bucket TINYINT NOT NULL,
    sent         INT     NOT NULL DEFAULT 0,
    opened       INT     NOT NULL DEFAULT 0,
    answered     INT     NOT NULL DEFAULT 0,
    promoters    INT     NOT NULL DEFAULT 0,
    testimonials INT     NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, day, delay_bucket),
    CONSTRAINT fk_ask_sent_days_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The scores given on a day (the NPS of a period is by the day of the answer, not of the check-in).
CREATE TABLE ask_answer_days (
    workspace_id BIGINT NOT NULL,
    day          DATE   NOT NULL,
    promoters    INT    NOT NULL DEFAULT 0,
    passives     INT    NOT NULL DEFAULT 0,
    detractors   INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, day),
    CONSTRAINT fk_ask_answer_days_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
