-- Visible dataset: last night's object inventory of three buckets, and the date of the review.
CREATE SCHEMA lake;
CREATE SCHEMA ops;

-- "Today" for the report. Do not use current_date: the review runs again every month.
CREATE TABLE ops.run_context (as_of DATE NOT NULL);
INSERT INTO ops.run_context VALUES (DATE '2024-06-30');

-- One row per object, as the storage inventory report lists it.
-- last_accessed_on is NULL when the object has never been read since it was written.
CREATE TABLE lake.object_inventory (
    bucket            VARCHAR NOT NULL,
    object_key        VARCHAR NOT NULL,
    size_bytes        BIGINT  NOT NULL,
    storage_class     VARCHAR NOT NULL,   -- STANDARD, INFREQUENT or ARCHIVE
    created_on        DATE    NOT NULL,
    last_accessed_on  DATE
);

-- acme-raw/clickstream: one file every 10 days. The nightly job reads most files once, the day
-- after they land; every fourth file was never read at all.
INSERT INTO lake.object_inventory
SELECT 'acme-raw',
       'clickstream/dt=' || strftime(d, '%Y-%m-%d') || '/part-0.parquet',
       48000000 + i * 1000000,
       'STANDARD',
       d,
       CASE WHEN i % 4 = 0 THEN NULL ELSE d + 1 END
FROM (SELECT i, DATE '2024-06-29' - CAST(i * 10 AS INTEGER) AS d FROM range(0, 20) AS t(i)) AS g;

-- acme-raw/orders: read by the finance reports every day, except the old snapshots.
INSERT INTO lake.object_inventory VALUES
    ('acme-raw', 'orders/2024/06/orders.parquet',        210000000, 'STANDARD',   DATE '2024-06-01', DATE '2024-06-29'),
    ('acme-raw', 'orders/2024/05/orders.parquet',        198000000, 'STANDARD',   DATE '2024-05-01', DATE '2024-06-20'),
    ('acme-raw', 'orders/2024/04/orders.parquet',        187000000, 'STANDARD',   DATE '2024-04-01', DATE '2024-05-10'),
    ('acme-raw', 'orders/2024/03/orders.parquet',        176000000, 'STANDARD',   DATE '2024-03-01', DATE '2024-04-02'),
    ('acme-raw', 'orders/2023/12/orders.parquet',        150000000, 'INFREQUENT', DATE '2023-12-01', DATE '2024-01-15'),
    ('acme-raw', 'orders/2023/11/orders.parquet',        149000000, 'INFREQUENT', DATE '2023-11-01', DATE '2023-12-20'),
    ('acme-raw', 'orders/2023/10/orders.parquet',        147000000, 'ARCHIVE',    DATE '2023-10-01', DATE '2023-11-02'),
    ('acme-raw', 'orders/_manifest.json',                    4200, 'STANDARD',   DATE '2023-10-01', DATE '2024-06-29');

-- acme-raw/partner_feeds: the boundaries of the policy and the minimum object size.
INSERT INTO lake.object_inventory VALUES
    ('acme-raw', 'partner_feeds/alpha/feed-0531.csv.gz',   9500000, 'STANDARD',   DATE '2024-05-31', DATE '2024-05-31'),  -- idle exactly 30 days
    ('acme-raw', 'partner_feeds/alpha/feed-0601.csv.gz',   9700000, 'STANDARD',   DATE '2024-06-01', DATE '2024-06-01'),  -- idle 29 days
    ('acme-raw', 'partner_feeds/beta/feed-0102.csv.gz',   12000000, 'STANDARD',   DATE '2023-12-15', DATE '2024-01-02'),  -- idle exactly 180 days
    ('acme-raw', 'partner_feeds/beta/feed-0103.csv.gz',   12500000, 'INFREQUENT', DATE '2023-12-16', DATE '2024-01-03'),  -- idle 179 days, already infrequent
    ('acme-raw', 'partner_feeds/beta/checksum.md5',         131071, 'STANDARD',   DATE '2023-06-01', NULL),               -- one byte under the minimum
    ('acme-raw', 'partner_feeds/beta/schema.avsc',          131072, 'STANDARD',   DATE '2024-05-20', NULL);               -- exactly the minimum, idle 41 days

-- acme-raw root: objects whose key has no folder at all.
INSERT INTO lake.object_inventory VALUES
    ('acme-raw', '_SUCCESS',                                     0, 'STANDARD',   DATE '2024-06-29', NULL),
    ('acme-raw', 'README.md',                                 2048, 'STANDARD',   DATE '2023-01-10', DATE '2024-06-02'),
    ('acme-raw', 'inventory-2023.csv',                     5000000, 'STANDARD',   DATE '2023-09-01', NULL),
    ('acme-raw', 'bucket-policy-backup.json',               262144, 'STANDARD',   DATE '2024-04-15', DATE '2024-05-01');

-- acme-curated/marts: read by dashboards every day, nothing to move.
INSERT INTO lake.object_inventory
SELECT 'acme-curated', 'marts/' || m || '/data.parquet', 30000000 + n * 7000000, 'STANDARD',
       DATE '2024-01-01', DATE '2024-06-29' - CAST(n AS INTEGER)
FROM (VALUES ('sales', 0), ('customers', 1), ('inventory', 2), ('marketing', 3)) AS v(m, n);

-- acme-curated/exports: monthly exports for a partner, read a few days after they are written.
INSERT INTO lake.object_inventory
SELECT 'acme-curated',
       'exports/' || strftime(d, '%Y-%m') || '/export.csv.gz',
       20000000 + i * 500000,
       CASE WHEN i >= 9 THEN 'ARCHIVE' WHEN i >= 6 THEN 'INFREQUENT' ELSE 'STANDARD' END,
       d,
       d + 3
FROM (SELECT i, CAST(DATE '2024-06-01' - to_months(CAST(i AS INTEGER)) AS DATE) AS d FROM range(0, 12) AS t(i)) AS g;

-- acme-logs/app: daily application logs, written and never read.
INSERT INTO lake.object_inventory
SELECT 'acme-logs', 'app/' || strftime(d, '%Y/%m/%d') || '/app.log.gz', 3000000 + i * 40000, 'STANDARD', d, NULL
FROM (SELECT i, DATE '2024-06-28' - CAST(i * 15 AS INTEGER) AS d FROM range(0, 14) AS t(i)) AS g;

-- acme-logs/cdn: already archived.
INSERT INTO lake.object_inventory VALUES
    ('acme-logs', 'cdn/2023/q3.tar',                     900000000, 'ARCHIVE',    DATE '2023-10-01', NULL),
    ('acme-logs', 'cdn/2023/q4.tar',                     950000000, 'ARCHIVE',    DATE '2024-01-01', NULL);
