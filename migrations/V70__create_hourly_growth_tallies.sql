-- Hourly counters of testimonials and referrals (issue 13: the dashboard in under 100 ms at 100,000 clients and a
-- million events). The testimonial and referral cards scanned every row of the period twice (this period and the one
-- before); they now add up at most 24 rows a day, plus the rows of the period's partial hours at either end (zones such
-- as India's or Nepal's start their days at :30 or :45 past a UTC hour; see GrowthDao).
--
-- Hours are UTC hours (the hour of the DATETIME, which the portal stores in UTC), so the counters do not depend on the
-- workspace's time zone and never need a recount when it changes. The database keeps them: every insert, update and
-- delete of the rows they count adjusts them in the same statement, whoever writes (forms, the pipeline, imports,
-- erasure, a hand-typed SQL fix). A trigger adds the new row's contribution and takes back the old one's; grouping by
-- hour first means an update that changes nothing counted writes nothing. None of these tables is ever deleted from
-- by a cascade (InnoDB runs no trigger for those): visits cascade only from a deleted link, and links are not deleted.
CREATE TABLE testimonial_hours (
    workspace_id BIGINT   NOT NULL,
    hour         DATETIME NOT NULL,
    received     INT      NOT NULL DEFAULT 0,
    rating_sum   INT      NOT NULL DEFAULT 0,
    approved     INT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, hour),
    CONSTRAINT fk_testimonial_hours_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Links first used (sent, copied or visited), visits, and the cohort of leads by the hour they came in: referred by an
-- ambassador or direct, and how far the referred ones went.
CREATE TABLE referral_hours (
    workspace_id   BIGINT   NOT NULL,
    hour           DATETIME NOT NULL,
    links          INT      NOT NULL DEFAULT 0,
    visits         INT      NOT NULL DEFAULT 0,
    referred_leads INT      NOT NULL DEFAULT 0,
    direct_leads   INT      NOT NULL DEFAULT 0,
    qualified      INT      NOT NULL DEFAULT 0,
    won            INT      NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, hour),
    CONSTRAINT fk_referral_hours_workspace FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- testimonials: received (and the sum of their ratings) by the hour created; approved by the hour approved, while approved.
CREATE TRIGGER tr_testimonial_hours_insert AFTER INSERT ON testimonials FOR EACH ROW
INSERT INTO testimonial_hours (workspace_id, hour, received, rating_sum, approved)
SELECT d.ws, d.hr, SUM(d.received), SUM(d.rating_sum), SUM(d.approved) FROM (
    SELECT NEW.workspace_id AS ws, DATE_FORMAT(NEW.created_at, '%Y-%m-%d %H:00:00') AS hr, 1 AS received,
           NEW.rating AS rating_sum, 0 AS approved
    UNION ALL SELECT NEW.workspace_id, DATE_FORMAT(NEW.approved_at, '%Y-%m-%d %H:00:00'), 0, 0, 1
    FROM DUAL WHERE NEW.status = 'approved' AND NEW.approved_at IS NOT NULL
) d GROUP BY d.ws, d.hr
ON DUPLICATE KEY UPDATE received = received + VALUES(received), rating_sum = rating_sum + VALUES(rating_sum),
    approved = approved + VALUES(approved);

CREATE TRIGGER tr_testimonial_hours_update AFTER UPDATE ON testimonials FOR EACH ROW
INSERT INTO testimonial_hours (workspace_id, hour, received, rating_sum, approved)
SELECT d.ws, d.hr, SUM(d.received), SUM(d.rating_sum), SUM(d.approved) FROM (
    SELECT OLD.workspace_id AS ws, DATE_FORMAT(OLD.created_at, '%Y-%m-%d %H:00:00') AS hr, -1 AS received,
           -OLD.rating AS rating_sum, 0 AS approved
    UNION ALL SELECT OLD.workspace_id, DATE_FORMAT(OLD.approved_at, '%Y-%m-%d %H:00:00'), 0, 0, -1
    FROM DUAL WHERE OLD.status = 'approved' AND OLD.approved_at IS NOT NULL
    UNION ALL SELECT NEW.workspace_id, DATE_FORMAT(NEW.created_at, '%Y-%m-%d %H:00:00'), 1, NEW.rating, 0
    UNION ALL SELECT NEW.workspace_id, DATE_FORMAT(NEW.approved_at, '%Y-%m-%d %H:00:00'), 0, 0, 1
    FROM DUAL WHERE NEW.status = 'approved' AND NEW.approved_at IS NOT NULL
) d GROUP BY d.ws, d.hr
HAVING SUM(d.received) <> 0 OR SUM(d.rating_sum) <> 0 OR SUM(d.approved) <> 0
ON DUPLICATE KEY UPDATE received = received + VALUES(received), rating_sum = rating_sum + VALUES(rating_sum),
    approved = approved + VALUES(approved);

CREATE TRIGGER tr_testimonial_hours_delete AFTER DELETE ON testimonials FOR EACH ROW
INSERT INTO testimonial_hours (workspace_id, hour, received, rating_sum, approved)
SELECT d.ws, d.hr, SUM(d.received), SUM(d.rating_sum), SUM(d.approved) FROM (
    SELECT OLD.workspace_id AS ws, DATE_FORMAT(OLD.created_at, '%Y-%m-%d %H:00:00') AS hr, -1 AS received,
           -OLD.rating AS rating_sum, 0 AS approved
    UNION ALL SELECT OLD.workspace_id, DATE_FORMAT(OLD.approved_at, '%Y-%m-%d %H:00:00'), 0, 0, -1
    FROM DUAL WHERE OLD.status = 'approved' AND OLD.approved_at IS NOT NULL
) d GROUP BY d.ws, d.hr
ON DUPLICATE KEY UPDATE received = received + VALUES(received), rating_sum = rating_sum + VALUES(rating_sum),
    approved = approved + VALUES(approved);

-- referral_links: a link counts as shared from the hour it was first used.
CREATE TRIGGER tr_referral_hours_link_insert AFTER INSERT ON referral_links FOR EACH ROW
INSERT INTO referral_hours (workspace_id, hour, links)
SELECT NEW.workspace_id, DATE_FORMAT(NEW.used_at, '%Y-%m-%d %H:00:00'), 1 FROM DUAL WHERE NEW.used_at IS NOT NULL
ON DUPLICATE KEY UPDATE links = links + VALUES(links);

CREATE TRIGGER tr_referral_hours_link_update AFTER UPDATE ON referral_links FOR EACH ROW
INSERT INTO referral_hours (workspace_id, hour, links)
SELECT d.ws, d.hr, SUM(d.links) FROM (
    SELECT OLD.workspace_id AS ws, DATE_FORMAT(OLD.used_at, '%Y-%m-%d %H:00:00') AS hr, -1 AS links
    FROM DUAL WHERE OLD.used_at IS NOT NULL
    UNION ALL SELECT NEW.workspace_id, DATE_FORMAT(NEW.used_at, '%Y-%m-%d %H:00:00'), 1 FROM DUAL WHERE NEW.used_at IS NOT NULL
) d GROUP BY d.ws, d.hr HAVING SUM(d.links) <> 0
ON DUPLICATE KEY UPDATE links = links + VALUES(links);

CREATE TRIGGER tr_referral_hours_link_delete AFTER DELETE ON referral_links FOR EACH ROW
INSERT INTO referral_hours (workspace_id, hour, links)
SELECT OLD.workspace_id, DATE_FORMAT(OLD.used_at, '%Y-%m-%d %H:00:00'), -1 FROM DUAL WHERE OLD.used_at IS NOT NULL
ON DUPLICATE KEY UPDATE links = links + VALUES(links);

-- referral_visits: by the hour of the visit.
CREATE TRIGGER tr_referral_hours_visit_insert AFTER INSERT ON referral_visits FOR EACH ROW
INSERT INTO referral_hours (workspace_id, hour, visits)
VALUES (NEW.workspace_id, DATE_FORMAT(NEW.visited_at, '%Y-%m-%d %H:00:00'), 1)
ON DUPLICATE KEY UPDATE visits = visits + VALUES(visits);

CREATE TRIGGER tr_referral_hours_visit_update AFTER UPDATE ON referral_visits FOR EACH ROW
INSERT INTO referral_hours (workspace_id, hour, visits)
SELECT d.ws, d.hr, SUM(d.visits) FROM (
    SELECT OLD.workspace_id AS ws, DATE_FORMAT(OLD.visited_at, '%Y-%m-%d %H:00:00') AS hr, -1 AS visits
    UNION ALL SELECT NEW.workspace_id, DATE_FORMAT(NEW.visited_at, '%Y-%m-%d %H:00:00'), 1
) d GROUP BY d.ws, d.hr HAVING SUM(d.visits) <> 0
ON DUPLICATE KEY UPDATE visits = visits + VALUES(visits);

CREATE TRIGGER tr_referral_hours_visit_delete AFTER DELETE ON referral_visits FOR EACH ROW
INSERT INTO referral_hours (workspace_id, hour, visits)
VALUES (OLD.workspace_id, DATE_FORMAT(OLD.visited_at, '%Y-%m-%d %H:00:00'), -1)
ON DUPLICATE KEY UPDATE visits = visits + VALUES(visits);

-- referral_leads: the cohort by the hour the lead came in (GrowthDao.referrals defines each column the same way).
CREATE TRIGGER tr_referral_hours_lead_insert AFTER INSERT ON referral_leads FOR EACH ROW
INSERT INTO referral_hours (workspace_id, hour, referred_leads, direct_leads, qualified, won)
VALUES (NEW.workspace_id, DATE_FORMAT(NEW.created_at, '%Y-%m-%d %H:00:00'), NEW.referrer_client_id IS NOT NULL,
        NEW.referrer_client_id IS NULL,
        NEW.referrer_client_id IS NOT NULL AND (NEW.qualified_at IS NOT NULL OR NEW.won_at IS NOT NULL),
        NEW.referrer_client_id IS NOT NULL AND NEW.won_at IS NOT NULL)
ON DUPLICATE KEY UPDATE referred_leads = referred_leads + VALUES(referred_leads),
    direct_leads = direct_leads + VALUES(direct_leads), qualified = qualified + VALUES(qualified), won = won + VALUES(won);

CREATE TRIGGER tr_referral_hours_lead_update AFTER UPDATE ON referral_leads FOR EACH ROW
INSERT INTO referral_hours (workspace_id, hour, referred_leads, direct_leads, qualified, won)
SELECT d.ws, d.hr, SUM(d.referred), SUM(d.direct), SUM(d.qualified), SUM(d.won) FROM (
    SELECT OLD.workspace_id AS ws, DATE_FORMAT(OLD.created_at, '%Y-%m-%d %H:00:00') AS hr,
           -(OLD.referrer_client_id IS NOT NULL) AS referred, -(OLD.referrer_client_id IS NULL) AS direct,
           -(OLD.referrer_client_id IS NOT NULL AND (OLD.qualified_at IS NOT NULL OR OLD.won_at IS NOT NULL)) AS qualified,
           -(OLD.referrer_client_id IS NOT NULL AND OLD.won_at IS NOT NULL) AS won
    UNION ALL SELECT NEW.workspace_id, DATE_FORMAT(NEW.created_at, '%Y-%m-%d %H:00:00'),
           NEW.referrer_client_id IS NOT NULL, NEW.referrer_client_id IS NULL,
           NEW.referrer_client_id IS NOT NULL AND (NEW.qualified_at IS NOT NULL OR NEW.won_at IS NOT NULL),
           NEW.referrer_client_id IS NOT NULL AND NEW.won_at IS NOT NULL
) d GROUP BY d.ws, d.hr
HAVING SUM(d.referred) <> 0 OR SUM(d.direct) <> 0 OR SUM(d.qualified) <> 0 OR SUM(d.won) <> 0
ON DUPLICATE KEY UPDATE referred_leads = referred_leads + VALUES(referred_leads),
    direct_leads = direct_leads + VALUES(direct_leads), qualified = qualified + VALUES(qualified), won = won + VALUES(won);

CREATE TRIGGER tr_referral_hours_lead_delete AFTER DELETE ON referral_leads FOR EACH ROW
INSERT INTO referral_hours (workspace_id, hour, referred_leads, direct_leads, qualified, won)
VALUES (OLD.workspace_id, DATE_FORMAT(OLD.created_at, '%Y-%m-%d %H:00:00'), -(OLD.referrer_client_id IS NOT NULL),
        -(OLD.referrer_client_id IS NULL),
        -(OLD.referrer_client_id IS NOT NULL AND (OLD.qualified_at IS NOT NULL OR OLD.won_at IS NOT NULL)),
        -(OLD.referrer_client_id IS NOT NULL AND OLD.won_at IS NOT NULL))
ON DUPLICATE KEY UPDATE referred_leads = referred_leads + VALUES(referred_leads),
    direct_leads = direct_leads + VALUES(direct_leads), qualified = qualified + VALUES(qualified), won = won + VALUES(won);

-- What is already there, counted once (the triggers count everything from here on).
INSERT INTO testimonial_hours (workspace_id, hour, received, rating_sum, approved)
SELECT d.ws, d.hr, SUM(d.received), SUM(d.rating_sum), SUM(d.approved) FROM (
    SELECT workspace_id AS ws, DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00') AS hr, 1 AS received,
           rating AS rating_sum, 0 AS approved FROM testimonials
    UNION ALL SELECT workspace_id, DATE_FORMAT(approved_at, '%Y-%m-%d %H:00:00'), 0, 0, 1
    FROM testimonials WHERE status = 'approved' AND approved_at IS NOT NULL
) d GROUP BY d.ws, d.hr;

INSERT INTO referral_hours (workspace_id, hour, links, visits, referred_leads, direct_leads, qualified, won)
SELECT d.ws, d.hr, SUM(d.links), SUM(d.visits), SUM(d.referred), SUM(d.direct), SUM(d.qualified), SUM(d.won) FROM (
    SELECT workspace_id AS ws, DATE_FORMAT(used_at, '%Y-%m-%d %H:00:00') AS hr, 1 AS links, 0 AS visits,
           0 AS referred, 0 AS direct, 0 AS qualified, 0 AS won FROM referral_links WHERE used_at IS NOT NULL
    UNION ALL SELECT workspace_id, DATE_FORMAT(visited_at, '%Y-%m-%d %H:00:00'), 0, 1, 0, 0, 0, 0 FROM referral_visits
    UNION ALL SELECT workspace_id, DATE_FORMAT(created_at, '%Y-%m-%d %H:00:00'), 0, 0, referrer_client_id IS NOT NULL,
           referrer_client_id IS NULL, referrer_client_id IS NOT NULL AND (qualified_at IS NOT NULL OR won_at IS NOT NULL),
           referrer_client_id IS NOT NULL AND won_at IS NOT NULL FROM referral_leads
) d GROUP BY d.ws, d.hr;
