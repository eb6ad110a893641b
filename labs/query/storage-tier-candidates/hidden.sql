-- Hidden dataset: the next review, six weeks later, after some housekeeping and a new bucket.
UPDATE ops.run_context SET as_of = DATE '2024-08-15';

-- The old partner feeds were deleted, and the October snapshot's neighbours were archived by hand.
DELETE FROM lake.object_inventory WHERE object_key LIKE 'partner_feeds/alpha/%';
UPDATE lake.object_inventory SET storage_class = 'ARCHIVE'
WHERE bucket = 'acme-raw' AND object_key IN ('orders/2023/12/orders.parquet', 'orders/2023/11/orders.parquet');

-- New objects since the last review, including the policy boundaries for the new date.
INSERT INTO lake.object_inventory VALUES
    ('acme-raw', 'orders/2024/07/orders.parquet',        221000000, 'STANDARD',   DATE '2024-07-01', DATE '2024-08-14'),
    ('acme-raw', 'partner_feeds/gamma/feed-0716.csv.gz',   8800000, 'STANDARD',   DATE '2024-07-16', NULL),               -- never read, exactly 30 days old
    ('acme-raw', 'partner_feeds/gamma/feed-0717.csv.gz',   8900000, 'STANDARD',   DATE '2024-07-17', NULL),               -- 29 days old
    ('acme-raw', 'partner_feeds/gamma/feed-0217.csv.gz',   7700000, 'INFREQUENT', DATE '2024-01-05', DATE '2024-02-17'),  -- idle exactly 180 days
    ('acme-raw', 'partner_feeds/gamma/feed-0218.csv.gz',   7600000, 'INFREQUENT', DATE '2024-01-06', DATE '2024-02-18'),  -- idle 179 days
    ('acme-raw', 'manifest-2024.json',                      131072, 'STANDARD',   DATE '2024-03-01', NULL),               -- root object, exactly the minimum
    ('acme-raw', 'LICENSE',                                 131071, 'STANDARD',   DATE '2022-03-01', NULL),
    -- a new bucket for the ML team: small files and one old root object
    ('acme-ml',  'features/user_daily/part-0.parquet',      90000, 'STANDARD',   DATE '2023-11-01', NULL),
    ('acme-ml',  'features/user_daily/part-1.parquet',      95000, 'STANDARD',   DATE '2023-11-01', NULL),
    ('acme-ml',  'features/_SUCCESS',                           0, 'STANDARD',   DATE '2023-11-01', NULL),
    ('acme-ml',  'models/churn/v3/model.bin',            640000000, 'STANDARD',   DATE '2024-05-02', DATE '2024-08-15'),
    ('acme-ml',  'models/churn/v2/model.bin',            610000000, 'STANDARD',   DATE '2024-01-10', DATE '2024-05-01'),
    ('acme-ml',  'training-snapshot-2023.tar',          2400000000, 'STANDARD',   DATE '2023-12-20', DATE '2024-01-04');

-- More application logs, one of them re-read during an incident investigation.
INSERT INTO lake.object_inventory
SELECT 'acme-logs', 'app/' || strftime(d, '%Y/%m/%d') || '/app.log.gz', 3100000 + i * 30000, 'STANDARD', d,
       CASE WHEN i = 2 THEN DATE '2024-08-10' END
FROM (SELECT i, DATE '2024-08-13' - CAST(i * 15 AS INTEGER) AS d FROM range(0, 3) AS t(i)) AS g;

-- The dashboards kept reading the marts, except the marketing mart, which was replaced in June.
UPDATE lake.object_inventory SET last_accessed_on = DATE '2024-08-14'
WHERE bucket = 'acme-curated' AND object_key LIKE 'marts/%' AND object_key NOT LIKE 'marts/marketing/%';
UPDATE lake.object_inventory SET last_accessed_on = DATE '2024-08-14'
WHERE bucket = 'acme-raw' AND object_key = 'orders/2024/06/orders.parquet';
