-- Hidden dataset: the report nine days later. Nine more nights landed, the CRM pipeline was
-- repaired and backfilled, and a partner dataset for the Sydney office joined the report.
UPDATE ops.report_context SET report_date = DATE '2024-04-12';

INSERT INTO ops.datasets VALUES ('partner_feed', 'Australia/Sydney');

INSERT INTO ops.landings
SELECT s.dataset, CAST(g.ts AS DATE),
       g.ts + s.usual_utc + ((dayofyear(g.ts) * s.k) % 25) * INTERVAL 1 MINUTE
FROM (VALUES
        ('orders_daily',       INTERVAL '22 hours 20 minutes', 7),
        ('inventory_snapshot', INTERVAL '21 hours 40 minutes', 11),
        ('payments_daily',     INTERVAL '29 hours 05 minutes', 5),
        ('ads_spend',          INTERVAL '35 hours 10 minutes', 3),
        ('crm_contacts',       INTERVAL '34 hours 00 minutes', 13)
     ) AS s(dataset, usual_utc, k),
     generate_series(TIMESTAMP '2024-04-03', TIMESTAMP '2024-04-11', INTERVAL 1 DAY) AS g(ts)
WHERE NOT (s.dataset = 'crm_contacts' AND g.ts < TIMESTAMP '2024-04-05');

-- Sydney: usually ~20:30 UTC, which is 07:30 in summer time (AEDT, UTC+11) and 06:30 after the
-- clocks went back on 2024-04-07 (AEST, UTC+10).
INSERT INTO ops.landings
SELECT 'partner_feed', CAST(g.ts AS DATE), g.ts + INTERVAL '20 hours 25 minutes' + ((dayofyear(g.ts) * 3) % 10) * INTERVAL 1 MINUTE
FROM generate_series(TIMESTAMP '2024-03-10', TIMESTAMP '2024-04-11', INTERVAL 1 DAY) AS g(ts);
-- 21:20 UTC is 08:20 in AEDT (late); 21:40 UTC is 07:40 in AEST (on time).
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-04-04 21:20:00' WHERE dataset = 'partner_feed' AND business_date = DATE '2024-04-04';
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-04-08 21:40:00' WHERE dataset = 'partner_feed' AND business_date = DATE '2024-04-08';
-- The partner skipped a day.
DELETE FROM ops.landings WHERE dataset = 'partner_feed' AND business_date = DATE '2024-03-26';

-- The CRM backfill: the missing dates landed on 2024-04-05, far too late for their mornings.
INSERT INTO ops.landings
SELECT 'crm_contacts', CAST(g.ts AS DATE), TIMESTAMP '2024-04-05 15:00:00'
FROM generate_series(TIMESTAMP '2024-03-29', TIMESTAMP '2024-04-04', INTERVAL 1 DAY) AS g(ts);

-- More reloads and late nights.
INSERT INTO ops.landings VALUES
    ('orders_daily',   DATE '2024-04-09', TIMESTAMP '2024-04-10 05:00:00'),   -- a correction after an on-time load
    ('payments_daily', DATE '2024-04-06', TIMESTAMP '2024-04-07 05:59:59');   -- an earlier duplicate load
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-04-10 23:00:01' WHERE dataset = 'inventory_snapshot' AND business_date = DATE '2024-04-10';
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-04-09 12:00:00' WHERE dataset = 'ads_spend' AND business_date = DATE '2024-04-08';
UPDATE ops.landings SET landed_at = TIMESTAMP '2024-04-06 06:40:00' WHERE dataset = 'payments_daily' AND business_date = DATE '2024-04-05';
