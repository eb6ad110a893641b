-- Visible dataset: the file manifest of a data lake, as collected by the nightly storage listing.
CREATE SCHEMA lake;

CREATE TABLE lake.table_files (
    table_name      VARCHAR NOT NULL,
    partition_date  DATE,               -- NULL for an unpartitioned table
    file_path       VARCHAR NOT NULL,
    size_bytes      BIGINT NOT NULL,
    row_count       BIGINT NOT NULL
);

-- sales.orders: one batch job a day writes a few large Parquet files per partition.
INSERT INTO lake.table_files
SELECT 'sales.orders',
       DATE '2024-06-01' + CAST(d AS INTEGER),
       's3://lake/sales/orders/dt=' || strftime(DATE '2024-06-01' + CAST(d AS INTEGER), '%Y-%m-%d')
           || '/part-' || lpad(CAST(f AS VARCHAR), 5, '0') || '.parquet',
       180000000 + (d * 7 + f * 13) % 40 * 1000000,
       1200000 + (d * 7 + f * 13) % 40 * 6000
FROM range(0, 7) AS a(d), range(0, 3) AS b(f);

-- events.clicks: a streaming job commits every few minutes, so busy days get many small files.
INSERT INTO lake.table_files
SELECT 'events.clicks',
       DATE '2024-06-01' + CAST(d AS INTEGER),
       's3://lake/events/clicks/dt=' || strftime(DATE '2024-06-01' + CAST(d AS INTEGER), '%Y-%m-%d')
           || '/part-' || lpad(CAST(f AS VARCHAR), 5, '0') || '.parquet',
       CASE WHEN f < 2 THEN 150000000 + f * 9000000
            ELSE 2000000 + (d * 11 + f * 5) % 30 * 1500000 END,
       CASE WHEN f < 2 THEN 900000 ELSE 9000 + (d * 11 + f * 5) % 30 * 7000 END
FROM range(0, 7) AS a(d), range(0, 10) AS b(f)
WHERE f < 2 + (d * 3) % 7;

-- logs.app: hand-picked partitions around the thresholds.
INSERT INTO lake.table_files VALUES
    -- 2024-06-01: exactly four small files
    ('logs.app', DATE '2024-06-01', 's3://lake/logs/app/dt=2024-06-01/a.parquet', 12000000, 40000),
    ('logs.app', DATE '2024-06-01', 's3://lake/logs/app/dt=2024-06-01/b.parquet', 15500000, 51000),
    ('logs.app', DATE '2024-06-01', 's3://lake/logs/app/dt=2024-06-01/c.parquet',  9800000, 33000),
    ('logs.app', DATE '2024-06-01', 's3://lake/logs/app/dt=2024-06-01/d.parquet', 30100000, 99000),
    -- 2024-06-02: three small files and the job's empty _SUCCESS marker
    ('logs.app', DATE '2024-06-02', 's3://lake/logs/app/dt=2024-06-02/a.parquet', 11000000, 37000),
    ('logs.app', DATE '2024-06-02', 's3://lake/logs/app/dt=2024-06-02/b.parquet', 14000000, 46000),
    ('logs.app', DATE '2024-06-02', 's3://lake/logs/app/dt=2024-06-02/c.parquet',  8000000, 27000),
    ('logs.app', DATE '2024-06-02', 's3://lake/logs/app/dt=2024-06-02/_SUCCESS',          0,     0),
    -- 2024-06-03: three small files and one of 65,000,000 bytes, which is less than 64 MiB
    ('logs.app', DATE '2024-06-03', 's3://lake/logs/app/dt=2024-06-03/a.parquet', 10500000, 35000),
    ('logs.app', DATE '2024-06-03', 's3://lake/logs/app/dt=2024-06-03/b.parquet', 12500000, 42000),
    ('logs.app', DATE '2024-06-03', 's3://lake/logs/app/dt=2024-06-03/c.parquet', 17000000, 57000),
    ('logs.app', DATE '2024-06-03', 's3://lake/logs/app/dt=2024-06-03/d.parquet', 65000000, 215000),
    -- 2024-06-04: three small files and one of exactly 64 MiB, which is not small
    ('logs.app', DATE '2024-06-04', 's3://lake/logs/app/dt=2024-06-04/a.parquet',  9000000, 30000),
    ('logs.app', DATE '2024-06-04', 's3://lake/logs/app/dt=2024-06-04/b.parquet', 13000000, 43000),
    ('logs.app', DATE '2024-06-04', 's3://lake/logs/app/dt=2024-06-04/c.parquet', 16000000, 53000),
    ('logs.app', DATE '2024-06-04', 's3://lake/logs/app/dt=2024-06-04/d.parquet', 67108864, 222000),
    -- 2024-06-05: three small files, one of them listed twice by a retried listing
    ('logs.app', DATE '2024-06-05', 's3://lake/logs/app/dt=2024-06-05/a.parquet', 10000000, 33000),
    ('logs.app', DATE '2024-06-05', 's3://lake/logs/app/dt=2024-06-05/b.parquet', 12000000, 40000),
    ('logs.app', DATE '2024-06-05', 's3://lake/logs/app/dt=2024-06-05/b.parquet', 12000000, 40000),
    ('logs.app', DATE '2024-06-05', 's3://lake/logs/app/dt=2024-06-05/c.parquet', 14000000, 46000);

-- ref.countries: an unpartitioned table that a sync job appends to with one tiny file per run.
INSERT INTO lake.table_files
SELECT 'ref.countries', NULL,
       's3://lake/ref/countries/part-' || lpad(CAST(f AS VARCHAR), 5, '0') || '.parquet',
       4000 + f * 150, 12 + f
FROM range(0, 5) AS b(f);
