-- Hidden dataset: ten days later. New partitions landed, February was compacted into one file
-- per day, the outage day was backfilled, and the BI team added and edited queries.
INSERT INTO lake.event_files
SELECT d,
       'events/event_date=' || strftime(d, '%Y-%m-%d') || '/part-' || lpad(CAST(f AS VARCHAR), 4, '0') || '.parquet',
       58000000 + ((dayofyear(d) * 41 + f * 13) % 31) * 1000000,
       500000 + ((dayofyear(d) * 29 + f * 5) % 37) * 1000
FROM (SELECT CAST(ts AS DATE) AS d FROM generate_series(TIMESTAMP '2024-05-01', TIMESTAMP '2024-05-10', INTERVAL 1 DAY) AS g(ts)) AS days,
     range(0, 2) AS r(f)
WHERE f <= dayofmonth(d) % 2;

-- Compaction: each February day becomes one file holding all of that day's rows, a little smaller.
CREATE TABLE lake.compacted AS
SELECT event_date,
       'events/event_date=' || strftime(event_date, '%Y-%m-%d') || '/compacted-0000.parquet' AS file_path,
       CAST(sum(size_bytes) * 0.96 AS BIGINT) AS size_bytes,
       sum(row_count) AS row_count
FROM lake.event_files
WHERE event_date < DATE '2024-03-01'
GROUP BY event_date;
DELETE FROM lake.event_files WHERE event_date < DATE '2024-03-01';
INSERT INTO lake.event_files SELECT * FROM lake.compacted;
DROP TABLE lake.compacted;

-- The outage day was finally backfilled.
INSERT INTO lake.event_files VALUES
    (DATE '2024-03-17', 'events/event_date=2024-03-17/backfill-0000.parquet', 19500000, 171000);

-- The daily KPIs now look at the last seven days of the new data.
UPDATE bi.query_filters SET value = DATE '2024-05-04' WHERE query_id = 101 AND op = '>=';
UPDATE bi.query_filters SET value = DATE '2024-05-10' WHERE query_id = 101 AND op = '<=';
-- The campaign window was fixed.
UPDATE bi.query_filters SET value = DATE '2024-04-20' WHERE query_id = 109 AND op = '<';

INSERT INTO bi.dashboard_queries VALUES
    (111, 'Finance year to date'),
    (112, 'Release day check'),
    (113, 'Broken comparison');

INSERT INTO bi.query_filters VALUES
    (111, 'date_trunc(''year'', event_date)', '=',  DATE '2024-01-01'),
    (111, 'CAST(event_ts AS DATE)',           '>=', DATE '2024-05-01'),
    (112, 'event_date',                       '>=', DATE '2024-05-01'),
    (112, 'event_date',                       '<=', DATE '2024-05-01'),
    (113, 'event_date',                       '=',  DATE '2024-05-02'),
    (113, 'event_date',                       '=',  DATE '2024-05-03');
