-- Check-in counters by the UTC hour, kept by the database as V70's and V71's are, in place of V68's daily counters.
-- Those were by the workspace's own days, so Java kept them (ask/AskTallies): every writer of asks had to go through
-- one method that locked the workspace's counters, and a change of the workspace's time zone or an import meant a
-- recount of every check-in on the next dashboard view. UTC hours need neither: each insert, update and delete of a
-- check-in adjusts them in the same statement, whoever writes (the worker, a client's link, an import, a hand-typed
-- fix), and the dashboard reads a period's whole hours here and its partial hours at either end (zones whose
-- midnight is not on a UTC hour) from asks (growth/AskFiguresDao, as GrowthDao does).
--
-- Check-ins are never deleted by a cascade (InnoDB runs no trigger for those) while their counters live on: they
-- cascade from their workspace, which takes these counters with it (same foreign key), and from their client, and no
-- code deletes a client (erasure anonymizes it, data/PrivacyService). A project or milestone deleted sets
-- asks.project_id or milestone_id to NULL by a cascade, which no counter reads.

-- The "when to ask" bucket of the delay a check-in went out after: 0 = 0–1 days, 1 = 2–3, 2 = 4–7, 3 = 8–14,
-- 4 = 15–30, 5 = 31 and more, -1 = no delay stored (sent by hand or as a personal link). Its one definition: the
-- triggers (NEW./OLD.delay_bucket, computed before AFTER triggers run), the count below and the dashboard's
-- partial hours all read this column. Generated, so export and import leave it out (data/SchemaDao). The cohort
-- index covers it instead of delay_hours, which nothing reads from that index any more.
ALTER TABLE asks
    ADD COLUMN delay_bucket TINYINT AS (CASE WHEN delay_hours IS NULL THEN -1 WHEN delay_hours < 48 THEN 0
        WHEN delay_hours < 96 THEN 1 WHEN delay_hours < 192 THEN 2 WHEN delay_hours < 360 THEN 3
        WHEN delay_hours < 744 THEN 4 ELSE 5 END) PERSISTENT,
    DROP INDEX ix_asks_cohort,
    ADD INDEX ix_asks_cohort (workspace_id, sent_at, delay_bucket, opened_at, answered_at, score, gave_testimonial);

-- The cohort of check-ins by the hour sent and the delay bucket, and what became of them so far: opened (an answer
-- implies an opening), answered, promoters among the answers (score 9 or 10), a testimonial given through it.
CREATE TABLE ask_sent_hours (
    workspace_id BIGINT   NOT NULL,
    hour         DATETIME NOT NULL,
    delay_bucket TINYINT  NOT NULL,
    sent         INT      NOT NULL DEFAULT 0,
    opened       INT      NOT NULL DEFAULT 0,
    answered     INT      NOT NULL DEFAULT 0,
    promoters    INT      NOT NULL DEFAULT 0,
    testimonials INT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, hour, delay_bucket),
    CONSTRAINT fk_ask_sent_hours_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The scores given by the hour answered (the NPS of a period is by the time of the answer, not of the check-in).
CREATE TABLE ask_answer_hours (
    workspace_id BIGINT   NOT NULL,
    hour         DATETIME NOT NULL,
    promoters    INT      NOT NULL DEFAULT 0,
    passives     INT      NOT NULL DEFAULT 0,
    detractors   INT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, hour),
    CONSTRAINT fk_ask_answer_hours_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- asks → ask_sent_hours: a check-in counts from the hour it was sent (AskFiguresDao.asks defines each column the same way).
CREATE TRIGGER tr_ask_sent_hours_insert AFTER INSERT ON asks FOR EACH ROW
INSERT INTO ask_sent_hours (workspace_id, hour, delay_bucket, sent, opened, answered, promoters, testimonials)
SELECT NEW.workspace_id, DATE_FORMAT(NEW.sent_at, '%Y-%m-%d %H:00:00'), NEW.delay_bucket, 1,
       NEW.opened_at IS NOT NULL OR NEW.answered_at IS NOT NULL, NEW.answered_at IS NOT NULL,
       NEW.answered_at IS NOT NULL AND NEW.score IS NOT NULL AND NEW.score >= 9,
       NEW.answered_at IS NOT NULL AND NEW.gave_testimonial
FROM DUAL WHERE NEW.sent_at IS NOT NULL
ON DUPLICATE KEY UPDATE sent = sent + VALUES(sent), opened = opened + VALUES(opened),
    answered = answered + VALUES(answered), promoters = promoters + VALUES(promoters),
    testimonials = testimonials + VALUES(testimonials);

CREATE TRIGGER tr_ask_sent_hours_update AFTER UPDATE ON asks FOR EACH ROW
INSERT INTO ask_sent_hours (workspace_id, hour, delay_bucket, sent, opened, answered, promoters, testimonials)
SELECT d.ws, d.hr, d.bucket, SUM(d.sent), SUM(d.opened), SUM(d.answered), SUM(d.promoters), SUM(d.testimonials) FROM (
    SELECT OLD.workspace_id AS ws, DATE_FORMAT(OLD.sent_at, '%Y-%m-%d %H:00:00') AS hr, OLD.delay_bucket AS bucket,
           -1 AS sent, -(OLD.opened_at IS NOT NULL OR OLD.answered_at IS NOT NULL) AS opened,
           -(OLD.answered_at IS NOT NULL) AS answered,
           -(OLD.answered_at IS NOT NULL AND OLD.score IS NOT NULL AND OLD.score >= 9) AS promoters,
           -(OLD.answered_at IS NOT NULL AND OLD.gave_testimonial) AS testimonials
    FROM DUAL WHERE OLD.sent_at IS NOT NULL
    UNION ALL SELECT NEW.workspace_id, DATE_FORMAT(NEW.sent_at, '%Y-%m-%d %H:00:00'), NEW.delay_bucket, 1,
           NEW.opened_at IS NOT NULL OR NEW.answered_at IS NOT NULL, NEW.answered_at IS NOT NULL,
           NEW.answered_at IS NOT NULL AND NEW.score IS NOT NULL AND NEW.score >= 9,
           NEW.answered_at IS NOT NULL AND NEW.gave_testimonial
    FROM DUAL WHERE NEW.sent_at IS NOT NULL
) d GROUP BY d.ws, d.hr, d.bucket
HAVING SUM(d.sent) <> 0 OR SUM(d.opened) <> 0 OR SUM(d.answered) <> 0 OR SUM(d.promoters) <> 0
    OR SUM(d.testimonials) <> 0
ON DUPLICATE KEY UPDATE sent = sent + VALUES(sent), opened = opened + VALUES(opened),
    answered = answered + VALUES(answered), promoters = promoters + VALUES(promoters),
    testimonials = testimonials + VALUES(testimonials);

CREATE TRIGGER tr_ask_sent_hours_delete AFTER DELETE ON asks FOR EACH ROW
INSERT INTO ask_sent_hours (workspace_id, hour, delay_bucket, sent, opened, answered, promoters, testimonials)
SELECT OLD.workspace_id, DATE_FORMAT(OLD.sent_at, '%Y-%m-%d %H:00:00'), OLD.delay_bucket, -1,
       -(OLD.opened_at IS NOT NULL OR OLD.answered_at IS NOT NULL), -(OLD.answered_at IS NOT NULL),
       -(OLD.answered_at IS NOT NULL AND OLD.score IS NOT NULL AND OLD.score >= 9),
       -(OLD.answered_at IS NOT NULL AND OLD.gave_testimonial)
FROM DUAL WHERE OLD.sent_at IS NOT NULL
ON DUPLICATE KEY UPDATE sent = sent + VALUES(sent), opened = opened + VALUES(opened),
    answered = answered + VALUES(answered), promoters = promoters + VALUES(promoters),
    testimonials = testimonials + VALUES(testimonials);

-- asks → ask_answer_hours: a score counts in the hour it was given (AskFiguresDao.nps).
CREATE TRIGGER tr_ask_answer_hours_insert AFTER INSERT ON asks FOR EACH ROW
INSERT INTO ask_answer_hours (workspace_id, hour, promoters, passives, detractors)
SELECT NEW.workspace_id, DATE_FORMAT(NEW.answered_at, '%Y-%m-%d %H:00:00'), NEW.score >= 9, NEW.score BETWEEN 7 AND 8,
       NEW.score <= 6
FROM DUAL WHERE NEW.answered_at IS NOT NULL AND NEW.score IS NOT NULL
ON DUPLICATE KEY UPDATE promoters = promoters + VALUES(promoters), passives = passives + VALUES(passives),
    detractors = detractors + VALUES(detractors);

CREATE TRIGGER tr_ask_answer_hours_update AFTER UPDATE ON asks FOR EACH ROW
INSERT INTO ask_answer_hours (workspace_id, hour, promoters, passives, detractors)
SELECT d.ws, d.hr, SUM(d.promoters), SUM(d.passives), SUM(d.detractors) FROM (
    SELECT OLD.workspace_id AS ws, DATE_FORMAT(OLD.answered_at, '%Y-%m-%d %H:00:00') AS hr,
           -(OLD.score >= 9) AS promoters, -(OLD.score BETWEEN 7 AND 8) AS passives, -(OLD.score <= 6) AS detractors
    FROM DUAL WHERE OLD.answered_at IS NOT NULL AND OLD.score IS NOT NULL
    UNION ALL SELECT NEW.workspace_id, DATE_FORMAT(NEW.answered_at, '%Y-%m-%d %H:00:00'), NEW.score >= 9,
           NEW.score BETWEEN 7 AND 8, NEW.score <= 6
    FROM DUAL WHERE NEW.answered_at IS NOT NULL AND NEW.score IS NOT NULL
) d GROUP BY d.ws, d.hr HAVING SUM(d.promoters) <> 0 OR SUM(d.passives) <> 0 OR SUM(d.detractors) <> 0
ON DUPLICATE KEY UPDATE promoters = promoters + VALUES(promoters), passives = passives + VALUES(passives),
    detractors = detractors + VALUES(detractors);

CREATE TRIGGER tr_ask_answer_hours_delete AFTER DELETE ON asks FOR EACH ROW
INSERT INTO ask_answer_hours (workspace_id, hour, promoters, passives, detractors)
SELECT OLD.workspace_id, DATE_FORMAT(OLD.answered_at, '%Y-%m-%d %H:00:00'), -(OLD.score >= 9),
       -(OLD.score BETWEEN 7 AND 8), -(OLD.score <= 6)
FROM DUAL WHERE OLD.answered_at IS NOT NULL AND OLD.score IS NOT NULL
ON DUPLICATE KEY UPDATE promoters = promoters + VALUES(promoters), passives = passives + VALUES(passives),
    detractors = detractors + VALUES(detractors);

-- The same counters by the UTC day. A period reads its whole UTC days here and only the hours at either end (at
-- most 23 each) from the hourly tables: a year of the bench's check-ins is ~2,200 day rows against ~44,000 hour
-- rows, which made the dashboard's cohort 25 times slower.
CREATE TABLE ask_sent_utc_days (
    workspace_id BIGINT   NOT NULL,
    day          DATETIME NOT NULL,
    delay_bucket TINYINT  NOT NULL,
    sent         INT      NOT NULL DEFAULT 0,
    opened       INT      NOT NULL DEFAULT 0,
    answered     INT      NOT NULL DEFAULT 0,
    promoters    INT      NOT NULL DEFAULT 0,
    testimonials INT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, day, delay_bucket),
    CONSTRAINT fk_ask_sent_utc_days_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ask_answer_utc_days (
    workspace_id BIGINT   NOT NULL,
    day          DATETIME NOT NULL,
    promoters    INT      NOT NULL DEFAULT 0,
    passives     INT      NOT NULL DEFAULT 0,
    detractors   INT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, day),
    CONSTRAINT fk_ask_answer_utc_days_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The hour tables → the day tables: every change of an hour's counters adds its difference to that hour's UTC day,
-- so the day tables follow the hour tables without counting anything themselves (one count of a check-in: the
-- triggers on asks above). The upserts on asks fire AFTER INSERT for a new hour row and AFTER UPDATE for an existing
-- one; the key of an hour row never changes, and hour rows are never deleted (they go down to zero), except with
-- their workspace, whose cascade takes the day rows too.
CREATE TRIGGER tr_ask_sent_utc_days_insert AFTER INSERT ON ask_sent_hours FOR EACH ROW
INSERT INTO ask_sent_utc_days (workspace_id, day, delay_bucket, sent, opened, answered, promoters, testimonials)
VALUES (NEW.workspace_id, DATE(NEW.hour), NEW.delay_bucket, NEW.sent, NEW.opened, NEW.answered, NEW.promoters,
        NEW.testimonials)
ON DUPLICATE KEY UPDATE sent = sent + VALUES(sent), opened = opened + VALUES(opened),
    answered = answered + VALUES(answered), promoters = promoters + VALUES(promoters),
    testimonials = testimonials + VALUES(testimonials);

CREATE TRIGGER tr_ask_sent_utc_days_update AFTER UPDATE ON ask_sent_hours FOR EACH ROW
INSERT INTO ask_sent_utc_days (workspace_id, day, delay_bucket, sent, opened, answered, promoters, testimonials)
VALUES (NEW.workspace_id, DATE(NEW.hour), NEW.delay_bucket, NEW.sent - OLD.sent, NEW.opened - OLD.opened,
        NEW.answered - OLD.answered, NEW.promoters - OLD.promoters, NEW.testimonials - OLD.testimonials)
ON DUPLICATE KEY UPDATE sent = sent + VALUES(sent), opened = opened + VALUES(opened),
    answered = answered + VALUES(answered), promoters = promoters + VALUES(promoters),
    testimonials = testimonials + VALUES(testimonials);

CREATE TRIGGER tr_ask_answer_utc_days_insert AFTER INSERT ON ask_answer_hours FOR EACH ROW
INSERT INTO ask_answer_utc_days (workspace_id, day, promoters, passives, detractors)
VALUES (NEW.workspace_id, DATE(NEW.hour), NEW.promoters, NEW.passives, NEW.detractors)
ON DUPLICATE KEY UPDATE promoters = promoters + VALUES(promoters), passives = passives + VALUES(passives),
    detractors = detractors + VALUES(detractors);

CREATE TRIGGER tr_ask_answer_utc_days_update AFTER UPDATE ON ask_answer_hours FOR EACH ROW
INSERT INTO ask_answer_utc_days (workspace_id, day, promoters, passives, detractors)
VALUES (NEW.workspace_id, DATE(NEW.hour), NEW.promoters - OLD.promoters, NEW.passives - OLD.passives,
        NEW.detractors - OLD.detractors)
ON DUPLICATE KEY UPDATE promoters = promoters + VALUES(promoters), passives = passives + VALUES(passives),
    detractors = detractors + VALUES(detractors);

-- What is already there, counted once (the triggers count everything from here on); the hour tables' triggers
-- fill the day tables from these rows.
INSERT INTO ask_sent_hours (workspace_id, hour, delay_bucket, sent, opened, answered, promoters, testimonials)
SELECT workspace_id, DATE_FORMAT(sent_at, '%Y-%m-%d %H:00:00') AS hr, delay_bucket, COUNT(*),
       SUM(opened_at IS NOT NULL OR answered_at IS NOT NULL), SUM(answered_at IS NOT NULL),
       SUM(answered_at IS NOT NULL AND score IS NOT NULL AND score >= 9), SUM(answered_at IS NOT NULL AND gave_testimonial)
FROM asks WHERE sent_at IS NOT NULL
GROUP BY workspace_id, hr, delay_bucket;

INSERT INTO ask_answer_hours (workspace_id, hour, promoters, passives, detractors)
SELECT workspace_id, DATE_FORMAT(answered_at, '%Y-%m-%d %H:00:00') AS hr, SUM(score >= 9), SUM(score BETWEEN 7 AND 8),
       SUM(score <= 6)
FROM asks WHERE answered_at IS NOT NULL AND score IS NOT NULL
GROUP BY workspace_id, hr;

-- V68's daily counters and their bookkeeping row per workspace: nothing keeps or reads them any more.
DROP TABLE ask_sent_days, ask_answer_days, ask_tallies;
