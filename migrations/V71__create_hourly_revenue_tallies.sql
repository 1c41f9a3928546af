-- Hourly counters of booked project revenue, kept like V70's: per workspace and UTC hour of the project's booking
-- (created_at), by where the client came from and the currency, by triggers on every insert, update and delete of a
-- project (the dashboard's revenue cards and table read them; the partial hours at either end of a period come from
-- the projects themselves, see GrowthDao.revenue). Projects are never deleted by a cascade: clients are anonymized,
-- never deleted. Only projects with a value count.
CREATE TABLE revenue_hours (
    workspace_id BIGINT      NOT NULL,
    hour         DATETIME    NOT NULL,
    origin       VARCHAR(10) NOT NULL,
    currency     CHAR(3)     NOT NULL,
    projects     INT         NOT NULL DEFAULT 0,
    cents        BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, hour, origin, currency),
    CONSTRAINT fk_revenue_hours_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER tr_revenue_hours_insert AFTER INSERT ON projects FOR EACH ROW
INSERT INTO revenue_hours (workspace_id, hour, origin, currency, projects, cents)
SELECT NEW.workspace_id, DATE_FORMAT(NEW.created_at, '%Y-%m-%d %H:00:00'), NEW.origin, NEW.currency, 1, NEW.value_cents
FROM DUAL WHERE NEW.value_cents IS NOT NULL
ON DUPLICATE KEY UPDATE projects = projects + VALUES(projects), cents = cents + VALUES(cents);

CREATE TRIGGER tr_revenue_hours_update AFTER UPDATE ON projects FOR EACH ROW
INSERT INTO revenue_hours (workspace_id, hour, origin, currency, projects, cents)
SELECT d.ws, d.hr, d.origin, d.currency, SUM(d.projects), SUM(d.cents) FROM (
    SELECT OLD.workspace_id AS ws, DATE_FORMAT(OLD.created_at, '%Y-%m-%d %H:00:00') AS hr, OLD.origin AS origin,
           OLD.currency AS currency, -1 AS projects, -OLD.value_cents AS cents
    FROM DUAL WHERE OLD.value_cents IS NOT NULL
    UNION ALL SELECT NEW.workspace_id, DATE_FORMAT(NEW.created_at, '%Y-%m-%d %H:00:00'), NEW.origin, NEW.currency, 1,
           NEW.value_cents
    FROM DUAL WHERE NEW.value_cents IS NOT NULL
) d GROUP BY d.ws, d.hr, d.origin, d.currency HAVING SUM(d.projects) <> 0 OR SUM(d.cents) <> 0
ON DUPLICATE KEY UPDATE projects = projects + VALUES(projects), cents = cents + VALUES(cents);

CREATE TRIGGER tr_revenue_hours_delete AFTER DELETE ON projects FOR EACH ROW
INSERT INTO revenue_hours (workspace_id, hour, origin, currency, projects, cents)
SELECT OLD.workspace_id, DATE_FORMAT(OLD.created_at, '%Y-%m-%d %H:00:00'), OLD.origin, OLD.currency, -1, -OLD.value_cents
FROM DUAL WHERE OLD.value_cents IS NOT NULL
ON DUPLICATE KEY UPDATE projects = projects + VALUES(projects), cents = cents + VALUES(cents);

-- What is already there, counted once.
INSERT INTO revenue_hours (workspace_id, hour, origin, currency, projects, cents)
SELECT workspace_id, DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00'), origin, currency, COUNT(*), SUM(value_cents)
FROM projects WHERE value_cents IS NOT NULL
GROUP BY workspace_id, DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00'), origin, currency;
