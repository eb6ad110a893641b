-- Visible dataset: one month of warehouse billing lines with team tags, and the warehouse's query log.
CREATE SCHEMA billing;
CREATE SCHEMA ops;

-- The month the report is for (first day of the month).
CREATE TABLE ops.run_context (report_month DATE NOT NULL);
INSERT INTO ops.run_context VALUES (DATE '2024-05-01');

-- Daily cost lines per cloud resource. team_tag is typed by hand in the console, so its case and
-- spacing vary; it is NULL, empty or blank when nobody tagged the resource.
CREATE TABLE billing.warehouse_costs (
    line_id      INTEGER PRIMARY KEY,
    usage_date   DATE NOT NULL,
    resource_id  VARCHAR NOT NULL,
    team_tag     VARCHAR,
    cost_usd     DECIMAL(12, 4) NOT NULL
);

INSERT INTO billing.warehouse_costs
SELECT
    row_number() OVER (ORDER BY d.day, r.resource_id)                        AS line_id,
    d.day::DATE                                                               AS usage_date,
    r.resource_id,
    CASE r.resource_id
        WHEN 'wh-growth'  THEN CASE d.n % 3 WHEN 0 THEN 'Growth' WHEN 1 THEN ' growth' ELSE 'growth' END
        WHEN 'wh-finance' THEN CASE WHEN d.n % 5 = 0 THEN 'FINANCE ' ELSE 'finance' END
        WHEN 'gpu-ml'     THEN CASE WHEN d.n % 2 = 0 THEN 'ML-Platform' ELSE 'ml-platform' END
        ELSE CASE d.n % 3 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE '   ' END
    END                                                                       AS team_tag,
    CAST(r.base * (1 + (d.n % 7) / 10.0) AS DECIMAL(12, 4))                   AS cost_usd
FROM (SELECT day, row_number() OVER (ORDER BY day) AS n
      FROM generate_series(DATE '2024-04-28', DATE '2024-06-02', INTERVAL 1 DAY) AS g(day)) AS d
CROSS JOIN (VALUES ('wh-growth', 4.25), ('wh-finance', 1.82), ('gpu-ml', 6.50), ('wh-shared', 2.775))
    AS r(resource_id, base);

-- The warehouse's query log. It is shipped at least once, so a query can appear twice.
-- team is the owning team's slug, or NULL for ad-hoc queries from untagged service accounts.
CREATE TABLE ops.query_log (
    query_id    VARCHAR NOT NULL,
    team        VARCHAR,
    started_at  TIMESTAMP NOT NULL,
    status      VARCHAR NOT NULL     -- succeeded, failed, cancelled
);

INSERT INTO ops.query_log
SELECT
    'q' || lpad(CAST(i AS VARCHAR), 5, '0')                                   AS query_id,
    CASE WHEN i % 10 < 4 THEN 'growth' WHEN i % 10 < 7 THEN 'finance'
         WHEN i % 10 < 9 THEN 'search' ELSE NULL END                          AS team,
    TIMESTAMP '2024-04-30 20:00:00' + i * INTERVAL 113 MINUTES                AS started_at,
    CASE WHEN i % 17 = 0 THEN 'failed' WHEN i % 23 = 0 THEN 'cancelled' ELSE 'succeeded' END AS status
FROM range(0, 410) AS t(i);

-- Re-delivered log batches: exact copies of queries already in the log.
INSERT INTO ops.query_log
SELECT * FROM ops.query_log WHERE CAST(substr(query_id, 2) AS INTEGER) % 37 = 3;

-- Queries right at the month boundaries.
INSERT INTO ops.query_log VALUES
    ('q90001', 'finance', TIMESTAMP '2024-05-31 23:59:30', 'succeeded'),
    ('q90002', 'finance', TIMESTAMP '2024-06-01 00:00:00', 'succeeded'),
    ('q90003', 'growth',  TIMESTAMP '2024-05-01 00:00:00', 'succeeded'),
    ('q90004', 'growth',  TIMESTAMP '2024-04-30 23:59:59', 'succeeded');
