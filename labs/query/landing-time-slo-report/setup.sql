-- Visible dataset: when each daily dataset landed in the warehouse, and the date of the SLO report.
CREATE SCHEMA ops;

-- The report covers the 30 business dates before report_date.
CREATE TABLE ops.report_context (report_date DATE NOT NULL);
INSERT INTO ops.report_context VALUES (DATE '2024-04-03');

-- consumer_tz: the IANA time zone of the team that reads the dataset in the morning.
CREATE TABLE ops.datasets (
    dataset      VARCHAR PRIMARY KEY,
    consumer_tz  VARCHAR NOT NULL
);

INSERT INTO ops.datasets VALUES
    ('orders_daily',       'Asia/Seoul'),
    ('inventory_snapshot', 'Asia/Seoul'),
    ('payments_daily',     'Europe/Berlin'),
    ('ads_spend',          'America/New_York'),
    ('crm_contacts',       'America/New_York');

-- One row per successful load of a business date. landed_at is in UTC. A reload of the same
-- business date adds another row.
CREATE TABLE ops.landings (
    dataset        VARCHAR   NOT NULL,
    business_date  DATE      NOT NULL,
    landed_at      TIMESTAMP NOT NULL
);

-- The usual landing times, in UTC, for the business dates 2024-02-20 to 2024-04-02.
INSERT INTO ops.landings
SELECT s.dataset, CAST(g.ts AS DATE),
       g.ts + s.usual_utc + ((dayofyear(g.ts) * s.k) % 25) * INTERVAL 1 MINUTE
FROM (VALUES
        ('orders_daily',       INTERVAL '22 hours 20 minutes', 7),   -- ~07:20 in Seoul the next morning
        ('inventory_snapshot', INTERVAL '21 hours 40 minutes', 11),
        ('payments_daily',     INTERVAL '29 hours 05 minutes', 5),   -- ~05:05 UTC the next day
        ('ads_spend',          INTERVAL '35 hours 10 minutes', 3),   -- ~11:10 UTC the next day
        ('crm_contacts',       INTERVAL '34 hours 00 minutes', 13)
     ) AS s(dataset, usual_utc, k),
     generate_series(TIMESTAMP '2024-02-20', TIMESTAMP '2024-04-02', INTERVAL 1 DAY) AS g(ts);

-- The days that went differently.
-- orders_daily: 08:10 in Seoul (late), exactly 08:00 in Seoul (on time), and a bad night.
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-12 23:10:00' WHERE dataset = 'orders_daily' AND business_date = DATE '2024-03-12';
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-28 23:00:00' WHERE dataset = 'orders_daily' AND business_date = DATE '2024-03-28';
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-31 01:15:00' WHERE dataset = 'orders_daily' AND business_date = DATE '2024-03-30';
-- Late, but before the report window: it does not count.
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-02 04:00:00' WHERE dataset = 'orders_daily' AND business_date = DATE '2024-03-01';

-- payments_daily: 06:20-06:45 UTC is on time in winter (CET, UTC+1) and late in summer (CEST, UTC+2).
-- Berlin moved its clocks forward on 2024-03-31.
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-09 06:30:00' WHERE dataset = 'payments_daily' AND business_date = DATE '2024-03-08';
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-31 06:20:00' WHERE dataset = 'payments_daily' AND business_date = DATE '2024-03-30';
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-04-02 06:45:00' WHERE dataset = 'payments_daily' AND business_date = DATE '2024-04-01';

-- ads_spend: 12:05-12:30 UTC is on time in winter (EST, UTC-5) and late in summer (EDT, UTC-4).
-- New York moved its clocks forward on 2024-03-10.
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-06 12:20:00' WHERE dataset = 'ads_spend' AND business_date = DATE '2024-03-05';
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-10 12:30:00' WHERE dataset = 'ads_spend' AND business_date = DATE '2024-03-09';
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-15 12:20:00' WHERE dataset = 'ads_spend' AND business_date = DATE '2024-03-14';
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-30 12:05:00' WHERE dataset = 'ads_spend' AND business_date = DATE '2024-03-29';

-- crm_contacts: the source API changed on 2024-03-29 and nothing has landed since.
DELETE FROM ops.landings WHERE dataset = 'crm_contacts' AND business_date >= DATE '2024-03-29';

-- inventory_snapshot: reloads. On 2024-03-20 the first load was on time and a correction came
-- later; on 2024-03-25 the first load was already late.
INSERT INTO ops.landings VALUES
    ('inventory_snapshot', DATE '2024-03-20', TIMESTAMP '2024-03-21 02:00:00'),
    ('inventory_snapshot', DATE '2024-03-31', TIMESTAMP '2024-04-01 03:30:00');
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-03-25 23:30:00' WHERE dataset = 'inventory_snapshot' AND business_date = DATE '2024-03-25';
INSERT INTO ops.landings VALUES
    ('inventory_snapshot', DATE '2024-03-25', TIMESTAMP '2024-03-26 00:10:00');
