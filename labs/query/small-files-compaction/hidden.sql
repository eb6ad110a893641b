-- Hidden dataset: the next night's listing. ref.countries was compacted, a busy new clicks day
-- arrived, another unpartitioned table grew small files, and the listing retried again.
DELETE FROM lake.table_files WHERE table_name = 'ref.countries';
INSERT INTO lake.table_files VALUES
    ('ref.countries', NULL, 's3://lake/ref/countries/part-compacted-00000.parquet', 26000, 249);

INSERT INTO lake.table_files
SELECT 'events.clicks', DATE '2024-06-08',
       's3://lake/events/clicks/dt=2024-06-08/part-' || lpad(CAST(f AS VARCHAR), 5, '0') || '.parquet',
       CASE WHEN f = 0 THEN 140000000 ELSE 1500000 + f * 2100000 END,
       CASE WHEN f = 0 THEN 850000 ELSE 8000 + f * 9000 END
FROM range(0, 13) AS b(f);

-- a late small file for logs.app 2024-06-02: it now has four small files (plus the marker)
INSERT INTO lake.table_files VALUES
    ('logs.app', DATE '2024-06-02', 's3://lake/logs/app/dt=2024-06-02/d.parquet', 21000000, 70000);

-- the retried listing duplicated rows of two clicks partitions
INSERT INTO lake.table_files
SELECT * FROM lake.table_files
WHERE table_name = 'events.clicks' AND partition_date IN (DATE '2024-06-02', DATE '2024-06-05');

-- one small file of 2024-06-07 was deleted by a retention job
DELETE FROM lake.table_files
WHERE table_name = 'events.clicks' AND partition_date = DATE '2024-06-07'
  AND file_path LIKE '%part-00005.parquet';

-- ref.currencies: another unpartitioned table synced with one tiny file per run, plus a marker
INSERT INTO lake.table_files VALUES
    ('ref.currencies', NULL, 's3://lake/ref/currencies/part-00000.parquet', 3100, 160),
    ('ref.currencies', NULL, 's3://lake/ref/currencies/part-00001.parquet', 3300, 162),
    ('ref.currencies', NULL, 's3://lake/ref/currencies/part-00002.parquet', 3350, 163),
    ('ref.currencies', NULL, 's3://lake/ref/currencies/part-00003.parquet', 3500, 165),
    ('ref.currencies', NULL, 's3://lake/ref/currencies/_SUCCESS',              0,   0);
