-- V70's testimonial and referral counters and V71's revenue counters by the UTC day as well, kept from their hour
-- tables the way V72 keeps ask_sent_utc_days (see there): the dashboard reads every counter in one shape, a period's
-- whole UTC days here, the hours at either end from the hour tables, the partial hours from the rows (GrowthDao, as
-- AskFiguresDao). Hours alone meant ~8,760 rows a year per card, 15-50 ms each at 365 days.
CREATE TABLE testimonial_utc_days (
    workspace_id BIGINT   NOT NULL,
    day          DATETIME NOT NULL,
    received     INT      NOT NULL DEFAULT 0,
    rating_sum   INT      NOT NULL DEFAULT 0,
    approved     INT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, day),
    CONSTRAINT fk_testimonial_utc_days_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE referral_utc_days (
    workspace_id   BIGINT   NOT NULL,
    day            DATETIME NOT NULL,
    links          INT      NOT NULL DEFAULT 0,
    visits         INT      NOT NULL DEFAULT 0,
    referred_leads INT      NOT NULL DEFAULT 0,
    direct_leads   INT      NOT NULL DEFAULT 0,
    qualified      INT      NOT NULL DEFAULT 0,
    won            INT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, day),
    CONSTRAINT fk_referral_utc_days_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE revenue_utc_days (
    workspace_id BIGINT      NOT NULL,
    day          DATETIME    NOT NULL,
    origin       VARCHAR(10) NOT NULL,
    currency     CHAR(3)     NOT NULL,
    projects     INT         NOT NULL DEFAULT 0,
    cents        BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, day, origin, currency),
    CONSTRAINT fk_revenue_utc_days_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The hour tables → the day tables, as in V72: each change of an hour row adds its difference to DATE(hour). V70's
-- and V71's upserts fire AFTER INSERT for a new hour row and AFTER UPDATE for an existing one; no hour row is ever
-- deleted or re-keyed (it goes down to zero), except with its workspace, whose cascade takes the day rows too.
CREATE TRIGGER tr_testimonial_utc_days_insert AFTER INSERT ON testimonial_hours FOR EACH ROW
INSERT INTO testimonial_utc_days (workspace_id, day, received, rating_sum, approved)
VALUES (NEW.workspace_id, DATE(NEW.hour), NEW.received, NEW.rating_sum, NEW.approved)
ON DUPLICATE KEY UPDATE received = received + VALUES(received), rating_sum = rating_sum + VALUES(rating_sum),
    approved = approved + VALUES(approved);

CREATE TRIGGER tr_testimonial_utc_days_update AFTER UPDATE ON testimonial_hours FOR EACH ROW
INSERT INTO testimonial_utc_days (workspace_id, day, received, rating_sum, approved)
VALUES (NEW.workspace_id, DATE(NEW.hour), NEW.received - OLD.received, NEW.rating_sum - OLD.rating_sum,
        NEW.approved - OLD.approved)
ON DUPLICATE KEY UPDATE received = received + VALUES(received), rating_sum = rating_sum + VALUES(rating_sum),
    approved = approved + VALUES(approved);

CREATE TRIGGER tr_referral_utc_days_insert AFTER INSERT ON referral_hours FOR EACH ROW
INSERT INTO referral_utc_days (workspace_id, day, links, visits, referred_leads, direct_leads, qualified, won)
VALUES (NEW.workspace_id, DATE(NEW.hour), NEW.links, NEW.visits, NEW.referred_leads, NEW.direct_leads, NEW.qualified,
        NEW.won)
ON DUPLICATE KEY UPDATE links = links + VALUES(links), visits = visits + VALUES(visits),
    referred_leads = referred_leads + VALUES(referred_leads), direct_leads = direct_leads + VALUES(direct_leads),
    qualified = qualified + VALUES(qualified), won = won + VALUES(won);

CREATE TRIGGER tr_referral_utc_days_update AFTER UPDATE ON referral_hours FOR EACH ROW
INSERT INTO referral_utc_days (workspace_id, day, links, visits, referred_leads, direct_leads, qualified, won)
VALUES (NEW.workspace_id, DATE(NEW.hour), NEW.links - OLD.links, NEW.visits - OLD.visits,
        NEW.referred_leads - OLD.referred_leads, NEW.direct_leads - OLD.direct_leads, NEW.qualified - OLD.qualified,
        NEW.won - OLD.won)
ON DUPLICATE KEY UPDATE links = links + VALUES(links), visits = visits + VALUES(visits),
    referred_leads = referred_leads + VALUES(referred_leads), direct_leads = direct_leads + VALUES(direct_leads),
    qualified = qualified + VALUES(qualified), won = won + VALUES(won);

CREATE TRIGGER tr_revenue_utc_days_insert AFTER INSERT ON revenue_hours FOR EACH ROW
INSERT INTO revenue_utc_days (workspace_id, day, origin, currency, projects, cents)
VALUES (NEW.workspace_id, DATE(NEW.hour), NEW.origin, NEW.currency, NEW.projects, NEW.cents)
ON DUPLICATE KEY UPDATE projects = projects + VALUES(projects), cents = cents + VALUES(cents);

CREATE TRIGGER tr_revenue_utc_days_update AFTER UPDATE ON revenue_hours FOR EACH ROW
INSERT INTO revenue_utc_days (workspace_id, day, origin, currency, projects, cents)
VALUES (NEW.workspace_id, DATE(NEW.hour), NEW.origin, NEW.currency, NEW.projects - OLD.projects, NEW.cents - OLD.cents)
ON DUPLICATE KEY UPDATE projects = projects + VALUES(projects), cents = cents + VALUES(cents);

-- What the hour tables already hold, counted once (the triggers count every change from here on). A plain INSERT
-- after the triggers, as in V70: a write that slipped in between made its day row, so the backfill stops on that key
-- (1062) rather than count it twice or miss it.
INSERT INTO testimonial_utc_days (workspace_id, day, received, rating_sum, approved)
SELECT workspace_id, DATE(hour), SUM(received), SUM(rating_sum), SUM(approved)
FROM testimonial_hours GROUP BY workspace_id, DATE(hour);

INSERT INTO referral_utc_days (workspace_id, day, links, visits, referred_leads, direct_leads, qualified, won)
SELECT workspace_id, DATE(hour), SUM(links), SUM(visits), SUM(referred_leads), SUM(direct_leads), SUM(qualified),
       SUM(won)
FROM referral_hours GROUP BY workspace_id, DATE(hour);

INSERT INTO revenue_utc_days (workspace_id, day, origin, currency, projects, cents)
SELECT workspace_id, DATE(hour), origin, currency, SUM(projects), SUM(cents)
FROM revenue_hours GROUP BY workspace_id, DATE(hour), origin, currency;
