-- Visible dataset: the file listing of a date-partitioned events table, and the date filters of
-- the scheduled dashboard queries that read it.
CREATE SCHEMA lake;
CREATE SCHEMA bi;

-- The files of lake.events, partitioned by event_date (one folder per day). A day with no files
-- has no partition at all.
CREATE TABLE lake.event_files (
    event_date  DATE    NOT NULL,
    file_path   VARCHAR NOT NULL,
    size_bytes  BIGINT  NOT NULL,
    row_count   BIGINT  NOT NULL
);

-- February to April 2024: one to three files per day, smaller at weekends.
-- 2024-03-17 is missing: the ingestion outage of that Sunday was never backfilled.
INSERT INTO lake.event_files
SELECT d,
       'events/event_date=' || strftime(d, '%Y-%m-%d') || '/part-' || lpad(CAST(f AS VARCHAR), 4, '0') || '.parquet',
       CASE WHEN dayofweek(d) IN (0, 6) THEN 21000000 ELSE 64000000 END + ((dayofyear(d) * 37 + f * 11) % 29) * 1000000,
       CASE WHEN dayofweek(d) IN (0, 6) THEN 180000 ELSE 520000 END + ((dayofyear(d) * 53 + f * 7) % 41) * 1000
FROM (SELECT CAST(ts AS DATE) AS d FROM generate_series(TIMESTAMP '2024-02-01', TIMESTAMP '2024-04-30', INTERVAL 1 DAY) AS g(ts)) AS days,
     range(0, 3) AS r(f)
WHERE f <= dayofmonth(d) % 3
  AND d <> DATE '2024-03-17';

-- One row per scheduled query of the BI tool.
CREATE TABLE bi.dashboard_queries (
    query_id   INTEGER PRIMARY KEY,
    dashboard  VARCHAR NOT NULL
);

INSERT INTO bi.dashboard_queries VALUES
    (101, 'Daily KPIs'),
    (102, 'Monthly revenue'),
    (103, 'Monthly revenue (rewritten)'),
    (104, 'Ops incident drill-down'),
    (105, 'Ops incident drill-down (rewritten)'),
    (106, 'Marketing attribution'),
    (107, 'Weekly cohorts'),
    (108, 'Outage day review'),
    (109, 'Campaign window'),
    (110, 'Legacy 2023 report');

-- The date conditions of each query's WHERE clause, one row per condition; the conditions of one
-- query are combined with AND. filter_expr is the left-hand side as the parser normalised it: the bare
-- partition column is always written event_date.
CREATE TABLE bi.query_filters (
    query_id     INTEGER NOT NULL,
    filter_expr  VARCHAR NOT NULL,
    op           VARCHAR NOT NULL,   -- =, <, <=, >, >=
    value        DATE    NOT NULL
);

INSERT INTO bi.query_filters VALUES
    (101, 'event_date',                        '>=', DATE '2024-04-24'),
    (101, 'event_date',                        '<=', DATE '2024-04-30'),
    (102, 'date_trunc(''month'', event_date)', '=',  DATE '2024-04-01'),
    (103, 'event_date',                        '>=', DATE '2024-04-01'),
    (103, 'event_date',                        '<',  DATE '2024-05-01'),
    (104, 'CAST(event_ts AS DATE)',            '=',  DATE '2024-04-15'),
    (105, 'CAST(event_ts AS DATE)',            '=',  DATE '2024-04-15'),
    (105, 'event_date',                        '=',  DATE '2024-04-15'),
    -- 106 has no date condition at all
    (107, 'event_date',                        '>',  DATE '2024-03-03'),
    (107, 'event_date + 7',                    '<=', DATE '2024-03-31'),
    (108, 'event_date',                        '=',  DATE '2024-03-17'),
    (109, 'event_date',                        '>=', DATE '2024-04-10'),
    (109, 'event_date',                        '<',  DATE '2024-04-01'),
    (110, 'event_date',                        '<',  DATE '2024-01-01');
