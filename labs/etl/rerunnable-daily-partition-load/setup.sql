-- Visible dataset: a daily load of point-of-sale data from a rolling staging extract into the
-- warehouse. Last night's first attempt failed half-way; this is the re-run.
CREATE SCHEMA ops;
CREATE SCHEMA staging;
CREATE SCHEMA dw;

CREATE TABLE ops.run_context (run_date DATE NOT NULL);
INSERT INTO ops.run_context VALUES (DATE '2024-06-12');

-- The extract re-reads the last three days of the tills every night, so it also holds days
-- that were loaded before (with the corrections the stores made since).
CREATE TABLE staging.pos_sales (
    sale_id       INTEGER,
    store_id      INTEGER,
    sold_at       TIMESTAMP,
    amount        DECIMAL(10, 2),
    extracted_at  TIMESTAMP
);

INSERT INTO staging.pos_sales
SELECT 60000 + d * 100 + i,
       1 + i % 4,
       TIMESTAMP '2024-06-10 08:00:00' + CAST(d AS INTEGER) * INTERVAL 1 DAY + i * INTERVAL 47 MINUTE,
       CAST(5 + (d * 31 + i * 17) % 90 + 0.25 * (i % 4) AS DECIMAL(10, 2)),
       TIMESTAMP '2024-06-13 01:00:00'
FROM range(0, 3) AS a(d), range(0, 18) AS b(i);

INSERT INTO staging.pos_sales VALUES
    -- the last sale of the run day, one second before midnight
    (60290, 3, TIMESTAMP '2024-06-12 23:59:59', 12.40, TIMESTAMP '2024-06-13 01:00:00'),
    -- an early sale of the next day, exactly at midnight: it belongs to 2024-06-13
    (60390, 2, TIMESTAMP '2024-06-13 00:00:00',  8.10, TIMESTAMP '2024-06-13 01:00:00');

-- A store corrected a sale of 2024-06-11 after it was loaded; that day is reloaded by its own
-- run, not by today's.
UPDATE staging.pos_sales SET amount = amount + 10 WHERE sale_id = 60105;

-- The warehouse table, one partition per sale_date.
CREATE TABLE dw.sales (
    sale_id    INTEGER,
    store_id   INTEGER,
    sale_date  DATE,
    sold_at    TIMESTAMP,
    amount     DECIMAL(10, 2)
);

-- Days loaded by earlier runs: 2024-06-08 to 2024-06-11.
INSERT INTO dw.sales
SELECT 59000 + d * 100 + i, 1 + i % 4,
       DATE '2024-06-08' + CAST(d AS INTEGER),
       TIMESTAMP '2024-06-08 09:00:00' + CAST(d AS INTEGER) * INTERVAL 1 DAY + i * INTERVAL 53 MINUTE,
       CAST(7 + (d * 13 + i * 29) % 80 AS DECIMAL(10, 2))
FROM range(0, 2) AS a(d), range(0, 15) AS b(i);

INSERT INTO dw.sales
SELECT sale_id, store_id, CAST(sold_at AS DATE), sold_at, amount
FROM staging.pos_sales
WHERE sold_at >= TIMESTAMP '2024-06-10 00:00:00' AND sold_at < TIMESTAMP '2024-06-12 00:00:00'
  AND sale_id <> 60105;
INSERT INTO dw.sales
SELECT sale_id, store_id, CAST(sold_at AS DATE), sold_at, amount - 10
FROM staging.pos_sales WHERE sale_id = 60105;

-- Last night's failed attempt for 2024-06-12: it inserted part of the day, including a sale that
-- the store has voided since (it is no longer in the extract).
INSERT INTO dw.sales
SELECT sale_id, store_id, CAST(sold_at AS DATE), sold_at, amount
FROM staging.pos_sales
WHERE sold_at >= TIMESTAMP '2024-06-12 00:00:00' AND sold_at < TIMESTAMP '2024-06-12 14:00:00';
INSERT INTO dw.sales VALUES (60299, 4, DATE '2024-06-12', TIMESTAMP '2024-06-12 10:31:00', 45.00);
